#!/usr/bin/env bash
# Sourced by the build scripts: exports JAVA_HOME for a JDK >= 21 when the default java is older.
# The machines here ship JDK 17 as default with a newer Temurin JDK beside it under /usr/lib/jvm.
java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}
pick_jdk() {
    local candidate major
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        major=$(java_major "$JAVA_HOME")
        if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
    fi
    for candidate in /usr/lib/jvm/*; do
        [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate")
        if [ "${major:-0}" -ge 21 ]; then echo "$candidate"; return 0; fi
    done
    return 1
}
if selected=$(pick_jdk); then
    export JAVA_HOME="$selected"
    export PATH="$JAVA_HOME/bin:$PATH"
else
    echo "No JDK >= 21 found; installing Debian's default JDK" >&2
    apt-get update -qq && apt-get install -y -qq openjdk-21-jdk-headless >/dev/null 2>&1 || true
    selected=$(pick_jdk) || { echo "error: no JDK >= 21 available" >&2; return 1 2>/dev/null || exit 1; }
    export JAVA_HOME="$selected"
    export PATH="$JAVA_HOME/bin:$PATH"
fi
echo "Using JDK at $JAVA_HOME" >&2
