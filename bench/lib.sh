#!/usr/bin/env bash
# Sourced by the bench scripts: JDK, build (jar + bench classes + classpath), the resolver SPI registration, limits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/java-home.sh

out=target/bench
mkdir -p "$out"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -ntp -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >&2
fi

# The checker resolves every *.bench.test name to 127.0.0.1 through the JDK's resolver SPI (BenchResolverProvider),
# registered here, outside the test classpath, so that only benchmark runs see it.
mkdir -p "$out/resolver/META-INF/services"
echo dev.cfoc.bench.BenchResolverProvider > "$out/resolver/META-INF/services/java.net.spi.InetAddressResolverProvider"

# Thousands of sockets: the fleet holds its listeners and accepted connections, the checker its own.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

jar=target/cloudfront-origin-checker.jar
fleet_cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"
child_cp="$jar:target/test-classes:$out/resolver"

# start_fleet DIR MIX: serves origins in the background (ServeFleet) until stop_fleet; sets fleet_pid.
start_fleet() {
  local dir=$1 mix=$2
  rm -rf "$dir"; mkdir -p "$dir"
  mkfifo "$dir/stdin"
  java -cp "$fleet_cp" dev.cfoc.bench.ServeFleet --mix "$mix" --dir "$dir" <"$dir/stdin" 2>"$dir/fleet.log" &
  fleet_pid=$!
  exec 7>"$dir/stdin"   # holding the fifo open keeps the fleet serving
  for _ in $(seq 1 300); do
    [ -f "$dir/ready" ] && return 0
    kill -0 "$fleet_pid" 2>/dev/null || { cat "$dir/fleet.log" >&2; return 1; }
    sleep 0.1
  done
  echo "fleet did not start; see $dir/fleet.log" >&2; return 1
}

stop_fleet() {
  exec 7>&-             # end of input: the fleet stops
  wait "$fleet_pid" 2>/dev/null || true
}

# ms_now: milliseconds since the epoch
ms_now() { echo $(( $(date +%s%N) / 1000000 )); }
