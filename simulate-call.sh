#!/usr/bin/env bash
# Plays a phone call through the Nomidio contact flows and the real functions, offline (contact-simulator/README.md).
#   ./simulate-call.sh          an enrolled caller passing a STANDARD challenge with voice A
#   ./simulate-call.sh --help   every option: caller, what they say, keypad answers, auth level, faults, --json
set -euo pipefail
cd "$(dirname "$0")"
source scripts/select-jdk.sh 2>/dev/null
# Build what the simulator needs, quietly: the build's output is shown only if it fails.
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
if ! mvn -B -ntp -q -DskipTests -pl contact-simulator -am package >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "simulate-call.sh: the build failed (above)" >&2
    exit 2
fi
java -jar contact-simulator/target/contact-simulator-cli.jar "$@"
