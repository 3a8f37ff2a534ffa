#!/usr/bin/env bash
# Plays a phone call through the Nomidio contact flows and the real functions, offline (dev-tools/contact-simulator/README.md).
#   ./simulate-call.sh          an enrolled caller passing a STANDARD challenge with voice A
#   ./simulate-call.sh --help   every option: caller, what they say, keypad answers, auth level, faults, --json
#   ./simulate-call.sh --load --calls 200 --concurrency 200   many calls at once (--load --help)
set -euo pipefail
cd "$(dirname "$0")"
SELECT_JDK_QUIET=1 source dev-tools/select-jdk.sh
jar=dev-tools/contact-simulator/target/contact-simulator-cli.jar
# What the simulator is built from: rebuild (quietly, output shown only on failure) when any of it is newer than the jar.
sources=(pom.xml contact-flows nomidio-action sample-upload nomidio-lex function-libraries dev-tools/fixtures/audio
         dev-tools/nomidio-emulator dev-tools/local-aws-testkit dev-tools/contact-simulator)
if [ ! -f "$jar" ] || [ -n "$(find "${sources[@]}" -path '*/target' -prune -o -type f -newer "$jar" -print -quit)" ]; then
    build_log=$(mktemp)
    trap 'rm -f "$build_log"' EXIT
    if ! mvn -B -ntp -q -DskipTests -pl dev-tools/contact-simulator -am package >"$build_log" 2>&1; then
        cat "$build_log" >&2
        echo "simulate-call.sh: the build failed (above)" >&2
        exit 2
    fi
fi
if [ "${1:-}" = "--load" ]; then
    shift
    exec java -cp "$jar" com.nomidio.connect.simulator.load.LoadCommand "$@"
fi
java -jar "$jar" "$@"
