#!/usr/bin/env bash
# What SnapStart priming saves (docs/benchmarks.md): PrimingBench in fresh JVMs; run 1 is cold, later runs are warm.
# Results: target/bench/priming.md.
. "$(dirname "$0")/lib.sh"

report=$out/priming.md
{
  echo "JDK: $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for jvm in 1 2 3; do
    echo; echo "JVM $jvm:"
    java -cp "$jar:target/test-classes" dev.cfoc.bench.PrimingBench "${PRIMING_RUNS:-5}" | grep '^run'
  done
} >"$report"
cat "$report"
