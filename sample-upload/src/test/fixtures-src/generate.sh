#!/usr/bin/env bash
# Regenerates the committed KVS fixtures of sample-upload (not needed at test time: the outputs are committed).
#   1. speech: espeak-ng says three texts, sox makes them 8 kHz / 16-bit / mono raw PCM
#   2. streams: FixtureGenerator (test code) wraps them into Connect-shaped GetMedia MKV (local-aws-testkit's writer)
#   3. check: mkvinfo (mkvtoolnix) must read every fragment of every stream
# Needs: apt-get install -y espeak-ng sox mkvtoolnix; a JDK >= 21; Maven.
set -euo pipefail
module="$(cd "$(dirname "$0")/../../.." && pwd)"
# The speech lives in local-aws-testkit, beside the ConnectFixtures that build streams from it.
speech="$module/../dev-tools/local-aws-testkit/src/main/resources/testkit/kvs/fixtures/speech"
kvs="$module/src/test/resources/fixtures/kvs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$speech" "$kvs"

say() { # name voice text
    espeak-ng -v "$2" -s 165 -w "$work/$1.wav" "$3"
    # -D: no dither, so the same text always gives the same bytes
    sox -D "$work/$1.wav" -r 8000 -c 1 -b 16 -e signed-integer -t raw "$speech/$1.raw"
}
say caller en-gb "My voice is my password. Please verify me now. I am calling about my account, and I would like to check the balance and the last three payments. My date of birth is the fourth of July, nineteen eighty two, and my postcode is S W one A, one A A."
say other en-us+f3 "Hello, this is a different caller. I need help with a delivery that never arrived, and I want a refund as soon as possible please."
say agent en-gb+m3 "Welcome. After the tone, please say: my voice is my password."

cd "$module/../"
source dev-tools/select-jdk.sh
# One reactor run, so that nomidio-client and local-aws-testkit (the MKV writer) resolve to their fresh classes;
# the classpath file is written by every module in turn, sample-upload's last.
mvn -B -ntp -q -pl sample-upload -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cd "$module"
java -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" \
    com.nomidio.connect.upload.fixtures.FixtureGenerator "$kvs"

for f in "$kvs"/*.mkv; do
    # GetMedia output is one EBML document per fragment; mkvinfo reads the first and resyncs over the rest.
    # mkvinfo exits 1 on that resync for real GetMedia output too, so judge by what it read.
    mkvinfo -v "$f" >"$work/info" 2>&1 || true
    grep -qE 'Name: (AUDIO_FROM_CUSTOMER|Track_audio/L16)' "$work/info" || { echo "mkvinfo finds no caller track in $f"; exit 1; }
    echo "ok $(basename "$f"): $(grep -c 'Simple block' "$work/info") blocks"
done
