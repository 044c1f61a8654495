#!/usr/bin/env bash
# The yardstick (issue 15, docs/benchmarks.md §10): how fast the checker is as a share of what OpenSSL itself reaches
# on the same servers in the same run. nginx (Debian package; started unprivileged in a temporary directory, loopback
# only) serves P ports with ECDSA P-256 leaf certificates (one wildcard leaf per port, one intermediate, one private
# root, all made here with openssl). For each N the script writes one `list-distributions` file of N origins (25 per
# distribution, origin i on port i mod P, name o<i>.p<port index>.yard.bench.test), then, R times:
#   1. `openssl s_time -new -tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256` for S seconds, two clients in parallel
#      (full handshakes, no HTTP, no certificate checks): handshakes per second of wall time;
#   2. our CLI, bin/cloudfront-origin-checker check on the N origins (every check: chain, names, dates, HTTP GET),
#      from launch to exit: origins per second, peak RSS (GNU time), CPU seconds;
#   3. the openssl clients again; the openssl rate of the run is the mean of 1 and 3.
# Prints one row per run and the median per N; rows: target/bench/yardstick.md.
#
#   bench/yardstick.sh                    # N = 1000 3000 10000, 3 runs each
#   bench/yardstick.sh 1000               # one N
#   YARDSTICK_RUNS=5 YARDSTICK_STIME_S=10 YARDSTICK_PORTS=20 bench/yardstick.sh 1000
#   YARDSTICK_JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/yardstick.sh 1000   # extra checker JVM options
#   YARDSTICK_LABEL="before" bench/yardstick.sh 1000                        # a label in the rows
#   YARDSTICK_JFR=target/bench/yardstick.jfr YARDSTICK_RUNS=1 bench/yardstick.sh 1000   # profile the checker (JFR,
#       1 ms samples); java bench/JfrTop.java FILE prints its top frames
#   YARDSTICK_EXEC='bin/cloudfront-origin-checker check --config "$CONFIG" --trust-anchors "$ROOT_PEM" \
#       --allow-private-origins --format json >/dev/null' bench/yardstick.sh 1000   # your command, same origins
#
# The names resolve to 127.0.0.1 through dev.cfoc.bench.BenchResolverProvider (the JDK's resolver SPI), appended to
# the checker's boot class path with JDK_JAVA_OPTIONS, because the launcher runs `java -jar` (no class path to add
# to). The checker runs with -Xmx512m (the 10,000-origin bound of README.md) and --allow-private-origins
# --trust-anchors ROOT (the private test CA).
. "$(dirname "$0")/lib.sh"

for tool in nginx:nginx-light time:time; do
  command -v "${tool%%:*}" >/dev/null || [ -x "/usr/sbin/${tool%%:*}" ] || [ -x "/usr/bin/${tool%%:*}" ] || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${tool#*:}" >&2; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 3000 10000)
ports=${YARDSTICK_PORTS:-20}
per_distribution=25
runs=${YARDSTICK_RUNS:-3}
stime_s=${YARDSTICK_STIME_S:-8}
base_port=${YARDSTICK_BASE_PORT:-47100}
label=${YARDSTICK_LABEL:-}
results=$out/yardstick.md

work=$(mktemp -d /tmp/cfoc-yardstick.XXXXXX)
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  [ -n "${YARDSTICK_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

# --- the private test PKI: root -> intermediate -> one wildcard leaf per port (ECDSA P-256, SHA-256) --------------
pki=$work/pki
mkdir -p "$pki"
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key "$pki/root.key"
openssl req -x509 -new -key "$pki/root.key" -subj "/O=cfoc yardstick/CN=cfoc yardstick root" -days 400 -sha256 \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out "$pki/root.pem" 2>/dev/null
key "$pki/ca.key"
openssl req -new -key "$pki/ca.key" -subj "/O=cfoc yardstick/CN=cfoc yardstick intermediate" -out "$pki/ca.csr"
printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' >"$pki/ca.ext"
openssl x509 -req -in "$pki/ca.csr" -CA "$pki/root.pem" -CAkey "$pki/root.key" -CAcreateserial -days 390 -sha256 \
  -extfile "$pki/ca.ext" -out "$pki/ca.pem" 2>/dev/null
for ((p = 0; p < ports; p++)); do
  name=$(printf 'p%02d.yard.bench.test' "$p")
  key "$pki/leaf$p.key"
  openssl req -new -key "$pki/leaf$p.key" -subj "/CN=*.$name" -out "$pki/leaf$p.csr"
  printf 'subjectAltName=DNS:*.%s\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' \
    "$name" >"$pki/leaf$p.ext"
  openssl x509 -req -in "$pki/leaf$p.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca.key" -CAcreateserial -days 380 -sha256 \
    -extfile "$pki/leaf$p.ext" -out "$pki/leaf$p.pem" 2>/dev/null
  cat "$pki/leaf$p.pem" "$pki/ca.pem" >"$pki/chain$p.pem"   # what the origin sends: leaf, then its intermediate
done

# --- nginx: P TLS servers on 127.0.0.1, GET / answers 200 ----------------------------------------------------------
for ((p = 0; p < ports; p++)); do
  port=$((base_port + p))
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: set YARDSTICK_BASE_PORT" >&2; exit 2
  fi
done
ng=$work/nginx
mkdir -p "$ng/tmp"
{
  echo "worker_processes ${YARDSTICK_NGINX_WORKERS:-auto};"
  echo "pid $ng/nginx.pid;"
  echo "error_log $ng/error.log warn;"
  echo "worker_rlimit_nofile 65536;"
  echo "events { worker_connections 8192; }"
  echo "http {"
  echo "  access_log off;"
  for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $ng/tmp/$t;"; done
  echo "  ssl_protocols TLSv1.2 TLSv1.3;"
  echo "  ssl_session_cache off;"
  echo "  ssl_session_tickets off;"
  for ((p = 0; p < ports; p++)); do
    echo "  server { listen 127.0.0.1:$((base_port + p)) ssl; server_name _;"
    echo "    ssl_certificate $pki/chain$p.pem; ssl_certificate_key $pki/leaf$p.key;"
    echo "    location / { return 200 \"ok\\n\"; } }"
  done
  echo "}"
} >"$ng/nginx.conf"
as_user=()
if [ "$(id -u)" = 0 ]; then   # never as root: the workers and the master run as nobody
  chmod -R a+rX "$work"
  chown -R nobody "$ng"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
"${as_user[@]}" "$nginx_bin" -p "$ng/" -e "$ng/error.log" -c "$ng/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$((base_port + ports - 1))") 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$ng/error.log" >&2; exit 1; }
  sleep 0.1
done

# --- the checker's resolver: *.bench.test -> 127.0.0.1, on the boot class path of `java -jar` ---------------------
# A jar at a fixed path: class data sharing archives only jars, and the launcher's start-up cache is made for one boot
# class path (it is keyed by JDK_JAVA_OPTIONS).
resolver_dir=$work/resolver
mkdir -p "$resolver_dir/dev/cfoc/bench" "$resolver_dir/META-INF/services"
cp target/test-classes/dev/cfoc/bench/BenchResolverProvider*.class "$resolver_dir/dev/cfoc/bench/"
echo dev.cfoc.bench.BenchResolverProvider >"$resolver_dir/META-INF/services/java.net.spi.InetAddressResolverProvider"
resolver=$PWD/$out/yardstick-resolver.jar
resolver_sum=$(cat target/test-classes/dev/cfoc/bench/BenchResolverProvider*.class | sha256sum | cut -d' ' -f1)
if [ ! -f "$resolver" ] || [ "$(cat "$resolver.sha256" 2>/dev/null)" != "$resolver_sum" ]; then
  rm -f "$resolver"   # rewritten only when its classes change: the archive checks the jar's time stamp
  "$JAVA_HOME/bin/jar" --create --file "$resolver" -C "$resolver_dir" .
  echo "$resolver_sum" >"$resolver.sha256"
fi

# --- one list-distributions file of N origins ---------------------------------------------------------------------
write_config() { # n file
  awk -v n="$1" -v ports="$ports" -v per="$per_distribution" -v base="$base_port" 'BEGIN {
    printf "{\"DistributionList\":{\"Quantity\":%d,\"Items\":[", int((n + per - 1) / per)
    for (d = 0; d * per < n; d++) {
      if (d > 0) printf ","
      first = d * per; last = first + per - 1; if (last >= n) last = n - 1
      printf "{\"Id\":\"EYARD%07d\",\"DomainName\":\"d%07d.yard-cloudfront.test\",\"Enabled\":true,", d, d
      printf "\"Aliases\":{\"Quantity\":0},\"Origins\":{\"Quantity\":%d,\"Items\":[", last - first + 1
      for (i = first; i <= last; i++) {
        if (i > first) printf ","
        printf "{\"Id\":\"o%d\",\"DomainName\":\"o%d.p%02d.yard.bench.test\",\"OriginPath\":\"\",", i, i, i % ports
        printf "\"ConnectionAttempts\":3,\"ConnectionTimeout\":10,\"CustomHeaders\":{\"Quantity\":0},"
        printf "\"CustomOriginConfig\":{\"HTTPPort\":80,\"HTTPSPort\":%d,\"OriginProtocolPolicy\":\"https-only\",", base + i % ports
        printf "\"OriginReadTimeout\":30,\"OriginKeepaliveTimeout\":5,"
        printf "\"OriginSslProtocols\":{\"Quantity\":1,\"Items\":[\"TLSv1.2\"]}}}"
      }
      printf "]},"
      # CachingOptimized: Host is not forwarded, so SNI and Host are the origin domain
      printf "\"DefaultCacheBehavior\":{\"TargetOriginId\":\"o%d\",\"ViewerProtocolPolicy\":\"redirect-to-https\",", first
      printf "\"CachePolicyId\":\"658327ea-f89d-4fab-a63d-7e88639e58f6\"},"
      printf "\"CacheBehaviors\":{\"Quantity\":%d,\"Items\":[", last - first
      for (i = first + 1; i <= last; i++) {
        if (i > first + 1) printf ","
        printf "{\"PathPattern\":\"/o%d/*\",\"TargetOriginId\":\"o%d\",\"ViewerProtocolPolicy\":\"redirect-to-https\",", i, i
        printf "\"CachePolicyId\":\"658327ea-f89d-4fab-a63d-7e88639e58f6\"}"
      }
      printf "]}}"
    }
    printf "]}}\n"
  }' >"$2"
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# openssl_rate -> handshakes per second of wall time, two clients in parallel (on two ports)
openssl_rate() {
  local start end total=0 i pids=()
  start=$(date +%s%N)
  for i in 0 1; do
    openssl s_time -connect "127.0.0.1:$((base_port + i))" -new -tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256 \
      -time "$stime_s" >"$work/stime$i.txt" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  end=$(date +%s%N)
  for i in 0 1; do
    total=$((total + $(sed -n 's/^\([0-9]*\) connections in .* real seconds.*/\1/p' "$work/stime$i.txt")))
  done
  awk -v c="$total" -v ns="$((end - start))" 'BEGIN { printf "%.1f", c / (ns / 1e9) }'
}

# the checker's JVM options (through JDK_JAVA_OPTIONS: the launcher runs `java -jar`)
checker_java_options() {
  local options="-Xmx512m -Xbootclasspath/a:$resolver"
  if [ -n "${YARDSTICK_JFR:-}" ]; then
    options+=" -XX:StartFlightRecording:filename=$YARDSTICK_JFR,settings=profile,jdk.ExecutionSample#period=1ms"
    options+=" -XX:FlightRecorderOptions:stackdepth=512 -Xlog:jfr+startup=error"
  fi
  echo "$options ${YARDSTICK_JAVA_OPTS:-}"
}

# ours N CONFIG -> "rate wall_s rss_mib cpu_s" (and checks the report: every origin checked, no finding)
ours() {
  local n=$1 config=$2 start end status=0
  start=$(date +%s%N)
  JDK_JAVA_OPTIONS="$(checker_java_options)" \
    /usr/bin/time -f '%M %U %S' -o "$work/time.txt" \
    bin/cloudfront-origin-checker check --config "$config" --trust-anchors "$pki/root.pem" --allow-private-origins \
    --format json --fail-on warning >"$work/report.json" 2>"$work/stderr.txt" || status=$?
  end=$(date +%s%N)
  local checked errors warnings
  checked=$(jq '.summary.coverage.connections.checked' "$work/report.json" 2>/dev/null || echo "?")
  errors=$(jq '.summary.errors' "$work/report.json" 2>/dev/null || echo "?")
  warnings=$(jq '.summary.warnings' "$work/report.json" 2>/dev/null || echo "?")
  if [ "$status" != 0 ] || [ "$checked" != "$n" ] || [ "$errors" != 0 ] || [ "$warnings" != 0 ]; then
    echo "checker run not clean: exit $status, $checked of $n connections checked, $errors errors, $warnings warnings" >&2
    grep -v '^NOTE: Picked up' "$work/stderr.txt" | tail -5 >&2
    cp "$work/report.json" "$out/yardstick-failed-report.json" 2>/dev/null || true
    exit 1
  fi
  read -r rss_kib user_s sys_s <"$work/time.txt"
  awk -v n="$n" -v ns="$((end - start))" -v rss="$rss_kib" -v u="$user_s" -v s="$sys_s" \
    'BEGIN { printf "%.1f %.2f %.0f %.1f", n / (ns / 1e9), ns / 1e9, rss / 1024, u + s }'
}

machine="$(nproc) vCPU $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1 | sed 's/ [0-9]*-Core Processor//')"
[ -s "$results" ] || {
  echo "| date (UTC) | label | N | load before → after | openssl s_time, 2 clients (before / after) | ours: origins/s | ratio | wall | CPU | peak RSS |"
  echo "|---|---|---:|---|---:|---:|---:|---:|---:|---:|"
} >"$results"
echo "machine: $machine; $(java -version 2>&1 | head -n 1); $(openssl version); nginx $("$nginx_bin" -v 2>&1 | sed 's/.*\///')" >&2

# The launcher's start-up cache (bin/cloudfront-origin-checker) is made by its first launch with these JVM options:
# do that here, once, so that every measured run uses it (CFOC_STARTUP_CACHE=off measures without it).
start=$(date +%s%N)
JDK_JAVA_OPTIONS="$(checker_java_options)" bin/cloudfront-origin-checker --version >/dev/null 2>"$work/prepare.txt"
grep -q 'preparing the start-up cache' "$work/prepare.txt" \
  && echo "start-up cache prepared in $(( ($(date +%s%N) - start) / 1000000 )) ms (first launch only)" >&2

for n in "${sizes[@]}"; do
  config=$work/distributions-$n.json
  write_config "$n" "$config"
  if [ -n "${YARDSTICK_EXEC:-}" ]; then   # instead of measuring: a command of yours against the same origins
    CONFIG=$config ROOT_PEM=$pki/root.pem N=$n JDK_JAVA_OPTIONS="$(checker_java_options)" bash -c "$YARDSTICK_EXEC"
    continue
  fi
  ratios=()
  for ((r = 1; r <= runs; r++)); do
    before=$(load1)
    o1=$(openssl_rate)
    read -r rate wall rss cpu <<<"$(ours "$n" "$config")"
    [ -n "$rate" ] || exit 1
    o2=$(openssl_rate)
    after=$(load1)
    read -r omean ratio <<<"$(awk -v a="$o1" -v b="$o2" -v r="$rate" 'BEGIN { m = (a + b) / 2; printf "%.1f %.2f", m, r / m }')"
    ratios+=("$ratio")
    row="| $(date -u +'%Y-%m-%d %H:%M') | ${label:--} | $n | $before → $after | $omean ($o1 / $o2) | $rate | $ratio | ${wall} s | ${cpu} s | ${rss} MiB |"
    echo "$row" >>"$results"
    echo "N=$n run $r: openssl $omean/s ($o1 / $o2), ours $rate/s, ratio $ratio, wall ${wall} s, CPU ${cpu} s, RSS ${rss} MiB, load $before -> $after" >&2
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "N=$n: median ratio $median of $runs runs" >&2
done
echo "results: $results" >&2
