#!/usr/bin/env bash
# Sourced by the build scripts (./test.sh, ./simulate-call.sh, the benchmarks): exports JAVA_HOME and PATH for a
# JDK >= 21 — JAVA_HOME if it is one, else the first under /usr/lib/jvm — or stops saying what to install.
# It installs nothing: setting up the machine is the developer's (or the CI image's) choice, not a test run's.
# SELECT_JDK_QUIET=1 leaves out the "Using JDK" line (never the error).
java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}
is_jdk21() {
    local major
    [ -x "$1/bin/javac" ] || return 1
    major=$(java_major "$1")
    [ "${major:-0}" -ge 21 ] 2>/dev/null
}
pick_jdk() {
    local candidate
    if [ -n "${JAVA_HOME:-}" ] && is_jdk21 "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
    for candidate in /usr/lib/jvm/*; do
        if is_jdk21 "$candidate"; then echo "$candidate"; return 0; fi
    done
    return 1
}
if selected=$(pick_jdk); then
    export JAVA_HOME="$selected"
    export PATH="$JAVA_HOME/bin:$PATH"
    [ "${SELECT_JDK_QUIET:-0}" = 1 ] || echo "Using JDK at $JAVA_HOME" >&2
else
    echo "error: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm)." >&2
    echo "       Install a JDK 21+ (Debian: apt-get install openjdk-21-jdk-headless / Temurin 21) or set JAVA_HOME." >&2
    return 1 2>/dev/null || exit 1
fi
