#!/usr/bin/env bash
# Engine benchmark (docs/benchmarks.md). Builds the jar and the bench classes, then for each scenario starts local
# TLS origins in one JVM (dev.cfoc.bench.EngineBench) and runs the real CLI (dev.cfoc.cli.Main check) over them
# as a child JVM, under GNU time. Results: target/bench/results.md (one row per run).
#
#   bench/run.sh                  # every scenario below
#   bench/run.sh throughput mixed # some of them
#   BENCH_JVM_OPTS="-XX:TieredStopAtLevel=1" BENCH_SUFFIX=" (C1)" bench/run.sh scale   # checker JVM options, row label
#   BENCH_CHILD_MAIN=dev.cfoc.bench.WarmCheck BENCH_SUFFIX=" (warm JVM)" bench/run.sh mixed-1000   # JIT already warm
. "$(dirname "$0")/lib.sh"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }

results="$out/results.md"

bench() { # name mix [--check-opt X ...]
  local name=$1 mix=$2; shift 2
  local jvm_opts=(-Xmx512m ${BENCH_JVM_OPTS:-})
  local args=()
  for opt in "${jvm_opts[@]}"; do args+=(--jvm-opt "$opt"); done
  java -Xmx2g -cp "$fleet_cp" dev.cfoc.bench.EngineBench --name "$name${BENCH_SUFFIX:-}" --mix "$mix" --dir "$out/$name" \
    --results "$results" --child-classpath "$child_cp" --child-main "${BENCH_CHILD_MAIN:-dev.cfoc.cli.Main}" \
    "${args[@]}" "$@"
}

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(warm throughput mixed-100 mixed-300 mixed-1000 scale deadline)
for scenario in "${scenarios[@]}"; do
  case "$scenario" in
    warm)       bench warm "healthy=200" ;;                       # JIT warm-up: small runs pay it in full
    throughput) bench throughput "healthy=3000" ;;
    mixed-100)  bench mixed-100 "healthy=60,tarpit=20,slow=10,stalled=10" ;;
    mixed-300)  bench mixed-300 "healthy=200,tarpit=50,slow=25,stalled=25" ;;
    mixed-1000) bench mixed-1000 "healthy=800,tarpit=100,slow=50,stalled=50" ;;
    scale)      bench scale "healthy=9000,expired=200,wrong-name=200,closed-port=200,tarpit=100,slow=150,stalled=150" ;;
    # worst case of every probe: 3 x 3 s connect + 3 s handshake + 4 s read = 16 s; probes due after 4 s are not started
    deadline)   bench deadline "healthy=2000,tarpit=200,stalled=200" --check-opt --deadline --check-opt 20s ;;
    *) echo "unknown scenario: $scenario (warm throughput mixed-100 mixed-300 mixed-1000 scale deadline)" >&2; exit 2 ;;
  esac
done
echo "results: $results" >&2
