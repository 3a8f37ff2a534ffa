#!/usr/bin/env bash
# Runs the packaged gateway emulator as a person would (java -jar), plays one STANDARD challenge per audio
# fixture for the enrolled voice-A caller through curl, and prints what it took:
# time to ready, and per sample the verdict, score and milliseconds from upload to the long-poll's final answer
# (verification delay set to 0, so this is the verifier's own cost plus HTTP).
# Usage: dev-tools/benchmarks/emulator-smoke.sh   (builds the jar first if it is missing; needs curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
source dev-tools/select-jdk.sh
JAR=dev-tools/nomidio-emulator/target/nomidio-emulator-cli.jar
[ -f "$JAR" ] || mvn -B -ntp -q -pl dev-tools/nomidio-emulator -am -DskipTests package
PORT=${PORT:-18090}
BASE=http://127.0.0.1:$PORT
LOG=$(mktemp)
ms() { echo $(( $(date +%s%N) / 1000000 )); }
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }

t0=$(ms)
java -jar "$JAR" --port "$PORT" --host 127.0.0.1 --verification-delay 0 >"$LOG" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$LOG"' EXIT
until curl -sf "$BASE/_emulator/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 0.05
done
echo "ready after $(( $(ms) - t0 )) ms"

TOKEN=$(curl -sf -d 'grant_type=client_credentials&client_id=EMULATORKEY0000000001&client_secret=emulator-secret-not-a-real-key' \
    "$BASE/oauth2/token" | field access_token)
H=(-H "Authorization: Bearer $TOKEN" -H 'X-Supplier-Code: SUP-001' -H 'X-Enterprise-Code: ENT-042')

for sample in voice-a-passphrase voice-b-passphrase silence; do
    id=$(curl -sf "${H[@]}" -H 'Content-Type: application/json' \
        -d '{"nomidioId":"NID-ENROLLED-A","level":"STANDARD","channel":"VOICE","contactId":"bench-1"}' \
        "$BASE/v1/challenges" | field challengeId)
    t1=$(ms)
    curl -sf "${H[@]}" -X PUT -H 'Content-Type: audio/wav' --data-binary "@dev-tools/fixtures/audio/$sample.wav" \
        "$BASE/v1/challenges/$id/sample" >/dev/null
    status=$(curl -sf "${H[@]}" "$BASE/v1/challenges/$id/result?waitSeconds=10" | field status)
    t2=$(ms)
    seen=$(curl -sf "$BASE/_emulator/challenges/$id")
    printf '%-20s %-7s verdict=%-20s score=%-6s upload-to-final=%d ms\n' "$sample" "$status" \
        "$(echo "$seen" | field verdict)" "$(echo "$seen" | field score)" $(( t2 - t1 ))
done
