#!/usr/bin/env bash
# What the SDK's EC2 module would cost the checker (docs/benchmarks.md, "Firewall: the EC2 client"), against the
# checker's own Query client (aws/QueryClient) for its four read-only EC2 calls:
#  1. the jar: the shaded jar as built, and the same jar with the ec2 and elasticloadbalancingv2 modules added;
#  2. JVM start + opening the jar: `--version` of both jars (hyperfine, interleaved);
#  3. the first DescribeSecurityGroups of a fresh JVM, each way (bench/FirewallClientCold.java), RUNS times.
# Results: target/bench/firewall-client.md.
. "$(dirname "$0")/lib.sh"

runs=${RUNS:-10}
sdk=$(awk -F'[<>]' '/<awssdk.version>/{print $3}' pom.xml)
dir=$out/firewall-client
rm -rf "$dir"; mkdir -p "$dir/modules" "$dir/classes"
for module in ec2 elasticloadbalancingv2; do
  ./mvnw -B -q -ntp dependency:copy -Dartifact="software.amazon.awssdk:$module:$sdk" -DoutputDirectory="$dir/modules" >&2
done
# the shaded jar with both modules in it, as the shade plugin would build it (their dependencies are already in)
big=$dir/with-sdk-ec2.jar
cp "$jar" "$big"
for module in "$dir"/modules/*.jar; do
  (cd "$dir/classes" && unzip -q -o "$OLDPWD/$module" -x 'META-INF/*')
done
jar uf "$big" -C "$dir/classes" .
javac -d "$dir/bin" -cp "$jar:$dir/modules/ec2-$sdk.jar" bench/FirewallClientCold.java

report=$out/firewall-client.md
{
  echo "JDK: $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| jar | size | entries |"
  echo "|---|---:|---:|"
  for j in "$jar" "$big"; do
    echo "| $(basename "$j") | $(du -h "$j" | cut -f1) ($(stat -c %s "$j") bytes) | $(unzip -l "$j" | tail -1 | awk '{print $2}') |"
  done
  for module in "$dir"/modules/*.jar; do
    echo "| $(basename "$module") alone | $(du -h "$module" | cut -f1) | $(unzip -l "$module" | tail -1 | awk '{print $2}') |"
  done
  echo
} >"$report"
hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$dir/version.md" \
  --command-name "java -jar cloudfront-origin-checker.jar --version" "java -jar $jar --version" \
  --command-name "java -jar with-sdk-ec2.jar --version" "java -jar $big --version" >&2
cat "$dir/version.md" >>"$report"
{
  echo
  echo "First DescribeSecurityGroups in a fresh JVM (client built, request signed and sent, XML parsed), $runs runs each, interleaved:"
  echo
  echo "| way | median ms | min ms | max ms | classes loaded (median) |"
  echo "|---|---:|---:|---:|---:|"
} >>"$report"
for _ in $(seq 1 "$runs"); do
  for way in ours sdk; do
    java -cp "$dir/bin:$big" FirewallClientCold "$way" >>"$dir/first-call.txt"
  done
done
for way in ours sdk; do
  grep "^$way " "$dir/first-call.txt" | awk '{print $2, $4}' | sort -n | awk -v w="$way" \
    '{ms[NR]=$1; c[NR]=$2} END{printf "| %s | %d | %d | %d | %d |\n", w, ms[int((NR+1)/2)], ms[1], ms[NR], c[int((NR+1)/2)]}' >>"$report"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$report"
cat "$report"
