#!/usr/bin/env bash
# Sourced by the other scripts: exports JAVA_HOME pointing at a JDK >= 21 (the project builds with --release 21).
# Order: an already-set JAVA_HOME that is >= 21, then the newest JDK >= 21 under /usr/lib/jvm.

java_major() { # prints the feature version of the java binary given, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}

pick_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK >= 21 found (JAVA_HOME or /usr/lib/jvm). Install one (e.g. Temurin 21 or 25) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

pick_java_home || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
