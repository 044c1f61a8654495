#!/usr/bin/env bash
# Sourced by the other scripts and bin/cloudfront-origin-checker: exports JAVA_HOME pointing at a JDK >= 21 (the
# project builds with --release 21) and puts it first on PATH.
# Order: an already-set JAVA_HOME that is >= 21, then the newest JDK >= 21 among CFOC_JVM_DIRS (default: /usr/lib/jvm/*,
# macOS's /Library/Java/JavaVirtualMachines/*/Contents/Home) and the JDK of the javac on PATH.
# When there is none it says what to install and exits with CFOC_NO_JDK_EXIT (default 1).

java_major() { # prints the feature version of the java binary given, or 0
  local release
  release="$(dirname "$(dirname "$(readlink -f "$1" 2>/dev/null || echo "$1")")")/release"
  if [ -f "$release" ] && grep -q '^JAVA_VERSION="[0-9]' "$release"; then  # the JDK's own file: no JVM to start
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}

jdk_candidates() {
  local dirs="${CFOC_JVM_DIRS:-/usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home}" dir javac
  for dir in $dirs; do
    [ -d "$dir" ] && echo "$dir"
  done
  javac=$(command -v javac 2>/dev/null || true)
  if [ -n "$javac" ]; then
    dirname "$(dirname "$(readlink -f "$javac")")"
  fi
}

pick_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  local best="" best_major=0 candidate major
  while IFS= read -r candidate; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done < <(jdk_candidates)
  if [ -z "$best" ]; then
    local found=""
    if command -v java >/dev/null 2>&1; then
      found=" (the java on PATH is version $(java_major "$(command -v java)"))"
    fi
    {
      echo "error: cloudfront-origin-checker needs a JDK 21 or newer, and none was found${found}."
      echo "  Looked at: JAVA_HOME, ${CFOC_JVM_DIRS:-/usr/lib/jvm/*, /Library/Java/JavaVirtualMachines/*}, the javac on PATH."
      echo "  Install one, e.g. Debian/Ubuntu: sudo apt-get install openjdk-21-jdk-headless (or Eclipse Temurin 21"
      echo "  or 25); macOS: brew install openjdk@21. Then run again, or set JAVA_HOME to it."
    } >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

pick_java_home || exit "${CFOC_NO_JDK_EXIT:-1}"
export PATH="$JAVA_HOME/bin:$PATH"
