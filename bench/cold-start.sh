#!/usr/bin/env bash
# Cold start of the CLI (docs/benchmarks.md): wall time of `java -jar … check` on one healthy origin (localhost, served
# by a background JVM), from process start to exit, with a few JVM option sets. Uses hyperfine when present
# (apt-get install -y hyperfine), else a loop of date +%s%N. Results: target/bench/cold-start.md.
. "$(dirname "$0")/lib.sh"

dir=$out/cold-start
start_fleet "$dir" "healthy=1"
trap stop_fleet EXIT
runs=${COLD_RUNS:-10}
cds=$out/cfoc.jsa
rm -f "$cds"
check=(-jar "$jar" check --config "$dir/one-origin.json" --trust-anchors "$dir/one-origin-root.pem" --format json
       --fail-on never --allow-private-origins)
# the AppCDS archive is written at the end of a first run (JDK 19+), then mapped by every later run
java -XX:SharedArchiveFile="$cds" -XX:+AutoCreateSharedArchive "${check[@]}" >/dev/null 2>&1

# the floor: a jar as large as ours (same entries) whose main only prints "{}": JVM start plus opening the jar
floor=$dir/floor
mkdir -p "$floor/classes"
printf 'public class Floor { public static void main(String[] a) { System.out.println("{}"); } }\n' >"$floor/Floor.java"
javac --release 21 -d "$floor/classes" "$floor/Floor.java"
cp "$jar" "$floor/floor.jar"
printf 'Main-Class: Floor\n' >"$floor/manifest.txt"
jar ufm "$floor/floor.jar" "$floor/manifest.txt" -C "$floor/classes" Floor.class 2>/dev/null

declare -A variants=(
  ["1 default"]=""
  ["2 -XX:TieredStopAtLevel=1"]="-XX:TieredStopAtLevel=1"
  ["3 -XX:+UseSerialGC -XX:TieredStopAtLevel=1"]="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  ["4 AppCDS"]="-XX:SharedArchiveFile=$cds -XX:+AutoCreateSharedArchive"
  ["5 AppCDS + -XX:+UseSerialGC -XX:TieredStopAtLevel=1"]="-XX:SharedArchiveFile=$cds -XX:+AutoCreateSharedArchive -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
)
report=$out/cold-start.md
{
  echo "jar: $(du -h "$jar" | cut -f1) ($(stat -c %s "$jar") bytes), $(unzip -l "$jar" | tail -1 | awk '{print $2}') entries; JDK: $(java -version 2>&1 | head -1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} >"$report"
if command -v hyperfine >/dev/null; then
  args=()
  while IFS= read -r name; do
    args+=("--command-name=${name#* }" "java ${variants[$name]} ${check[*]}")
  done < <(printf '%s\n' "${!variants[@]}" | sort)
  args+=("--command-name=java -jar … --version (JVM + picocli only)" "java -jar $jar --version")
  args+=("--command-name=java -jar floor.jar (same size, main prints {}: JVM + jar floor)" "java -jar $floor/floor.jar")
  hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$dir/hyperfine.md" "${args[@]}" >&2
  cat "$dir/hyperfine.md" >>"$report"
else
  echo "| variant | mean ms | min ms | max ms |" >>"$report"; echo "|---|---:|---:|---:|" >>"$report"
  while IFS= read -r name; do
    times=()
    for _ in $(seq 1 "$runs"); do
      s=$(ms_now); java ${variants[$name]} "${check[@]}" >/dev/null 2>&1; times+=($(( $(ms_now) - s )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v n="${name#* }" '{a[NR]=$1; s+=$1} END{printf "| %s | %.0f | %d | %d |\n", n, s/NR, a[1], a[NR]}' >>"$report"
  done < <(printf '%s\n' "${!variants[@]}" | sort)
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$report"
cat "$report"
