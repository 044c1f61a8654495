#!/usr/bin/env bash
# Side by side on the same origins (docs/benchmarks.md): this checker, sslscan, testssl.sh and a plain
# `openssl s_client` loop. One local origin per kind (healthy and each broken kind, bench/…/OriginKind.java); for each
# tool and origin: wall time, and which of our finding codes the tool's output states (rules in detect() below).
# Raw outputs: target/bench/peers/out/TOOL/ID.txt; table: target/bench/peers/table.md.
#
#   bench/peers.sh            # needs: apt-get install -y sslscan testssl.sh (installed here when missing)
#   PEERS_TOOLS="ours openssl" bench/peers.sh
. "$(dirname "$0")/lib.sh"

for pkg in sslscan:sslscan testssl:testssl.sh; do
  command -v "${pkg%%:*}" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkg#*:}"; }
done

dir=$out/peers
mix="healthy=1,expired=1,wrong-name=1,missing-intermediate=1,wrong-order=1,self-signed=1,untrusted=1,expiring-soon=1"
mix+=",tls13-only=1,chacha-only=1,tls10-only=1,not-tls=1,tarpit=1,stalled=1,http-503=1,closed-port=1"
start_fleet "$dir" "$mix"
trap stop_fleet EXIT
root=$dir/bench-root.pem
tools=(${PEERS_TOOLS:-ours sslscan testssl openssl})
# Hard bound per tool run: a tool that hangs on a silent origin is stopped here (and the time says so).
limit=${PEERS_LIMIT_S:-120}

run_tool() { # tool id name port -> writes out/TOOL/ID.txt, prints elapsed ms
  local tool=$1 id=$2 name=$3 port=$4 file=$dir/out/$1/$2.txt start
  mkdir -p "$dir/out/$tool"
  start=$(ms_now)
  case "$tool" in
    ours)
      timeout "$limit" java -cp "$child_cp" dev.cfoc.cli.Main check --config "$dir/configs/$id.json" \
        --trust-anchors "$root" --format text --fail-on never --allow-private-origins >"$file" 2>&1 || true ;;
    sslscan)
      timeout "$limit" sslscan --no-colour --sni-name="$name" "127.0.0.1:$port" >"$file" 2>&1 || true ;;
    testssl)
      # protocols (-p) and server defaults incl. every certificate check (-S); no DNS (the names are local)
      timeout "$limit" testssl --quiet --color 0 --warnings off --ip 127.0.0.1 --nodns none --add-ca "$root" \
        -p -S "$name:$port" >"$file" 2>&1 || true ;;
    openssl)
      # what an engineer types: verify chain and name against the CA, send one request, print the answer
      printf 'GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$name" \
        | timeout "$limit" openssl s_client -connect "127.0.0.1:$port" -servername "$name" -CAfile "$root" \
            -verify_hostname "$name" -verify_return_error -ign_eof >"$file" 2>&1 || true ;;
  esac
  echo $(( $(ms_now) - start ))
}

# detect TOOL CODE FILE -> yes | no : does the tool's output state this problem? (conservative, documented rules)
detect() {
  local tool=$1 code=$2 f=$3
  has() { grep -Eqi -- "$1" "$f"; }
  case "$tool:$code" in
    ours:*) has "\b$code\b" ;;
    *:PORT_UNREACHABLE) has "Could not open a connection|refused|Connection refused|connect:errno|Couldn't connect|Can't connect|doesn't seem to be a TLS/SSL enabled server|Could not connect|connect\(\) failed" ;;
    sslscan:TLS_DEPRECATED_PROTOCOL) has "^TLSv1\.[01] +enabled" ;;
    sslscan:TLS_HANDSHAKE_FAILED) has "(no|failed).*(SSL|TLS)|Could not|handshake failure|Connection reset" ;;
    testssl:CERT_EXPIRED) has "Certificate Validity.*expired|NOT ok \(expired\)" ;;
    testssl:CERT_EXPIRING_SOON) has "Certificate Validity.*expires <" ;;
    testssl:CERT_NAME_MISMATCH) has "Trust \(hostname\).*(does not match|certificate does not match)" ;;
    testssl:CERT_CHAIN_INCOMPLETE) has "Chain of trust.*(chain incomplete|unable to get local issuer)" ;;
    testssl:CERT_CHAIN_ORDER) has "Chain of trust.*(order|wrong)|certificates.*order" ;;
    testssl:CERT_SELF_SIGNED) has "Chain of trust.*self signed\)|NOT ok \(self signed\)" ;;
    testssl:CERT_UNTRUSTED) has "Chain of trust.*NOT ok" && ! has "expired|chain incomplete" ;;
    testssl:TLS_NO_COMMON_PROTOCOL) has "TLS 1\.2 +not offered" && ! has "TLS 1\.[01] +offered" ;;
    testssl:TLS_DEPRECATED_PROTOCOL) has "TLS 1(\.1)? +offered" ;;
    testssl:TLS_HANDSHAKE_FAILED) has "doesn't seem to be a TLS/SSL enabled server|No SSL/TLS|Can't connect|Couldn't|Fatal" ;;
    testssl:TLS_HANDSHAKE_TIMEOUT) has "timed out|timeout|doesn't seem to be a TLS/SSL enabled server" ;;
    openssl:CERT_EXPIRED) has "certificate has expired" ;;
    openssl:CERT_NAME_MISMATCH) has "hostname mismatch" ;;
    openssl:CERT_CHAIN_INCOMPLETE) has "unable to get local issuer certificate" ;;
    openssl:CERT_SELF_SIGNED) has "self[- ]signed certificate\b" && ! has "in certificate chain" ;;
    openssl:CERT_UNTRUSTED) has "self[- ]signed certificate in certificate chain|unable to get local issuer" ;;
    openssl:HTTP_5XX) has "^HTTP/1\.[01] 5[0-9][0-9]" ;;
    openssl:TLS_HANDSHAKE_FAILED|openssl:TLS_NO_COMMON_PROTOCOL|openssl:TLS_NO_COMMON_CIPHER) \
      has "handshake failure|wrong version number|packet length too long|no protocols available|alert|unsupported protocol|record layer failure" ;;
    *) return 1 ;;
  esac
}

table=$dir/table.md
times=$dir/times.tsv
: >"$times"
printf 'origin\tkind\texpected\t%s\n' "$(IFS=$'\t'; echo "${tools[*]}")" >>"$times"
while IFS=$'\t' read -r id name kind port expected; do
  row="$id\t$kind\t${expected:--}"
  for tool in "${tools[@]}"; do
    ms=$(run_tool "$tool" "$id" "$name" "$port")
    row+="\t$ms"
    echo "$tool $id: $ms ms" >&2
  done
  printf "$row\n" >>"$times"
done <"$dir/origins.tsv"

# the whole set in one run of the checker (the way it is used): one JVM, all origins concurrently
start=$(ms_now)
java -cp "$child_cp" dev.cfoc.cli.Main check --config "$dir/distributions.json" --trust-anchors "$root" \
  --format json --fail-on never --allow-private-origins >"$dir/out/ours-batch.json" 2>"$dir/out/ours-batch.stderr"
batch_ms=$(( $(ms_now) - start ))

{
  echo "| origin kind | expected code | $(IFS='|'; echo "${tools[*]}" | sed 's/|/ | /g') |"
  printf '|---|---|'; for _ in "${tools[@]}"; do printf -- '---|'; done; echo
  tail -n +2 "$times" | while IFS=$'\t' read -r id kind expected rest; do
    IFS=$'\t' read -r -a ms <<<"$rest"
    line="| $kind | ${expected} |"
    for i in "${!tools[@]}"; do
      tool=${tools[$i]}
      mark=""
      if [ "$expected" != "-" ]; then
        if detect "$tool" "$expected" "$dir/out/$tool/$id.txt"; then mark="✔"; else mark="✘"; fi
      fi
      line+=" ${mark} $(awk "BEGIN{printf \"%.1f s\", ${ms[$i]}/1000}") |"
    done
    echo "$line"
  done
  total_line="| **total** | |"
  for i in "${!tools[@]}"; do
    total_line+=" $(tail -n +2 "$times" | awk -F'\t' -v c=$((i + 4)) '{s+=$c} END{printf "%.1f s", s/1000}') |"
  done
  echo "$total_line"
  echo
  echo "All $(tail -n +2 "$times" | wc -l) origins in one run of this checker: $(awk "BEGIN{printf \"%.1f s\", $batch_ms/1000}") wall (JVM start included)."
  echo "Load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)."
} >"$table"
cat "$table"
