#!/usr/bin/env bash
# Regenerates the trust store that stands for CloudFront's: Mozilla's Included CA Certificate List.
#
# Source: the roots built into NSS (libnssckbi.so), which NSS compiles from Mozilla's certdata.txt, taken from the
# Debian package libnss3 of the suite given (default: unstable, the newest NSS Debian ships; docs/decisions.md
# compares the other sources and says why this one). The package is only downloaded and unpacked in a temporary
# directory, never installed; the machine's apt sources are not changed (a private apt configuration, on the same
# Debian mirror the machine already uses, is used for the download).
#
# Kept: roots whose server-authentication trust is CKT_NSS_TRUSTED_DELEGATOR (Mozilla's "Websites" trust bit).
# Carried as data next to them: Mozilla's partial distrust (CKA_NSS_SERVER_DISTRUST_AFTER) of the kept roots: TLS
# server certificates issued (notBefore) after that date are not trusted through that root.
#
# Writes (commit all three, then rebuild and redeploy):
#   src/main/resources/dev/cfoc/cert/mozilla-roots.pem                  the roots, with a header comment
#   src/main/resources/dev/cfoc/cert/mozilla-server-distrust-after.tsv  root fingerprint -> distrust-after date
#   src/main/resources/dev/cfoc/cert/mozilla-roots.properties           source, versions, dates, counts (TrustAnchors)
#
# Usage: scripts/refresh-trust-store.sh [--suite SUITE] [--version PACKAGE_VERSION]
#   --suite    Debian suite to take libnss3 from (default: unstable)
#   --version  an exact libnss3 version (e.g. 2:3.132-1) to reproduce an earlier refresh, while the archive has it
# Environment: DEBIAN_MIRROR overrides the Debian archive URI (default: the one the machine's apt sources use).
# Needs: Debian or Ubuntu with apt-get and dpkg-deb, python3, openssl, and the NSPR library (libnspr4).
set -euo pipefail

suite="unstable"
pinned=""
while [ $# -gt 0 ]; do
    case "$1" in
        --suite) suite="${2:?--suite needs a value}"; shift 2 ;;
        --version) pinned="${2:?--version needs a value}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo_root/src/main/resources/dev/cfoc/cert"
pem="$out_dir/mozilla-roots.pem"
distrust="$out_dir/mozilla-server-distrust-after.tsv"
properties="$out_dir/mozilla-roots.properties"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

for tool in apt-get dpkg-deb python3 openssl sha256sum; do
    command -v "$tool" >/dev/null || { echo "$tool not found: run this on Debian or Ubuntu with $tool installed" >&2; exit 1; }
done
[ -r "$keyring" ] || { echo "$keyring missing (apt-get install debian-archive-keyring)" >&2; exit 1; }

# The Debian archive the machine's apt already uses: the repository of its main suite (no "-security"/"-updates").
mirror="${DEBIAN_MIRROR:-$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' 2>/dev/null \
    | awk '$2 !~ /-/ && $1 !~ /security/ {print $1; exit}')}"
[ -n "$mirror" ] || { echo "no Debian archive found in apt's sources; set DEBIAN_MIRROR" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/deb"
echo "deb [signed-by=$keyring] $mirror $suite main" > "$work/sources.list"
apt_options=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
             -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=$(id -un)"
             -o "Debug::NoLocking=true")
echo "reading the package index of Debian $suite" >&2
apt-get "${apt_options[@]}" -qq update
(cd "$work/deb" && apt-get "${apt_options[@]}" -qq download "libnss3${pinned:+=$pinned}")
deb_file="$(ls "$work"/deb/libnss3_*.deb)"
dpkg-deb -x "$deb_file" "$work/root"
version="$(dpkg-deb -f "$deb_file" Version)"
module="$(find "$work/root" -name libnssckbi.so -type f | head -n 1)"
[ -n "$module" ] || { echo "libnss3 $version ships no libnssckbi.so" >&2; exit 1; }

# The list's date: the date of the package's newest changelog entry (when this NSS release reached Debian).
changelog="$(find "$work/root" -path '*/doc/libnss3/changelog.Debian.gz' | head -n 1)"
list_date="$(date -u -d "$(zcat "$changelog" | sed -n 's/^ -- .*>  //p' | head -n 1)" +%Y-%m-%d)"
upstream="${version#*:}"
upstream="${upstream%%-*}"
generated="$(date -u +%Y-%m-%d)"

python3 "$repo_root/scripts/nss-builtin-roots.py" "$module" > "$work/roots.tsv"
builtins="$(awk -F'\t' '$1 == "# module" {print $3}' "$work/roots.tsv")"
LC_ALL=C awk -F'\t' '$2 == "trusted"' "$work/roots.tsv" | LC_ALL=C sort -t$'\t' -k4,4 -k1,1 > "$work/trusted.tsv"
count="$(wc -l < "$work/trusted.tsv")"
[ "$count" -gt 50 ] || { echo "only $count roots trusted for server authentication: has the module's format changed?" >&2; exit 1; }
source_text="Mozilla CA list (NSS $upstream, builtin roots $builtins) via Debian libnss3 $version"

{
    echo "# Mozilla's Included CA Certificate List (roots trusted for server authentication): the CAs CloudFront"
    echo "# trusts for origin certificates. GENERATED by scripts/refresh-trust-store.sh - do not edit by hand."
    echo "# Source: $source_text (libnssckbi.so), package date $list_date"
    echo "# Generated: $generated"
    echo "# Roots: $count"
    while IFS=$'\t' read -r sha256 _trust _after label der; do
        echo
        echo "# $label"
        echo "# SHA-256: $sha256"
        # Re-encode through openssl: fails loudly on a broken certificate, and gives the usual PEM layout.
        base64 -d <<< "$der" | openssl x509 -inform DER -outform PEM
    done < "$work/trusted.tsv"
} > "$work/roots.pem"
written="$(grep -c -- '-----BEGIN CERTIFICATE-----' "$work/roots.pem")"
[ "$written" -eq "$count" ] || { echo "expected $count certificates, wrote $written" >&2; exit 1; }

{
    echo "# Mozilla's partial distrust of roots in mozilla-roots.pem: NSS's CKA_NSS_SERVER_DISTRUST_AFTER. A TLS server"
    echo "# certificate whose notBefore is after the date is not trusted through that root (TrustAnchors, ChainCheck)."
    echo "# GENERATED by scripts/refresh-trust-store.sh together with mozilla-roots.pem - do not edit by hand."
    echo "# Source: $source_text"
    echo "# sha256 fingerprint of the root<TAB>distrust after (UTC)<TAB>root label"
    awk -F'\t' -v OFS='\t' '$3 != "-" {print $1, $3, $4}' "$work/trusted.tsv"
} > "$work/distrust.tsv"
distrusted="$(grep -vc '^#' "$work/distrust.tsv" || true)"

mkdir -p "$out_dir"
install -m 644 "$work/roots.pem" "$pem"
install -m 644 "$work/distrust.tsv" "$distrust"
cat > "$properties" <<PROPS
# GENERATED by scripts/refresh-trust-store.sh together with mozilla-roots.pem - do not edit by hand.
# date: when the source release was published (the list's age counts from it); generated: when this script ran.
source=Mozilla CA list (NSS builtin roots) via Debian libnss3
package=libnss3
version=$version
nss=$upstream
builtins=$builtins
date=$list_date
generated=$generated
roots=$count
serverDistrustAfter=$distrusted
PROPS
echo "wrote $count roots ($distrusted with a server distrust-after date) from $source_text of $list_date" >&2
