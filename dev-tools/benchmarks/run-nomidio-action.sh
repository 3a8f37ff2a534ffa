#!/usr/bin/env bash
# nomidioAction benchmark (not part of the test run): warm lookup latency vs the bare HTTP round trip, and cold
# start (fresh JVM: load + init + first lookup) vs a bare hello handler. Both against a local JDK HTTP stub
# standing in for the Nomidio gateway and KMS.
#   dev-tools/benchmarks/run-nomidio-action.sh [cold-runs] [warm-up calls] [measured calls]
set -euo pipefail
cd "$(dirname "$0")/../.."
source dev-tools/select-jdk.sh
RUNS=${1:-10}
WARMUP=${2:-5000}
MEASURED=${3:-10000}
JAR=nomidio-action/target/nomidio-action-lambda.jar
OUT=dev-tools/benchmarks/target
mvn -B -ntp -q -pl nomidio-action -am -DskipTests package
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes"
javac --release 21 -cp "$JAR" -d "$OUT/classes" $(find dev-tools/benchmarks/src -name '*.java')
# Jars only: AppCDS archives a class path of jars, not directories.
jar --create --file "$OUT/benchmarks.jar" -C "$OUT/classes" .
CP="$OUT/benchmarks.jar:$JAR"

# The stub runs in its own JVM so that neither measurement pays for it.
rm -f "$OUT/stub.port"
java -cp "$CP" com.nomidio.connect.benchmarks.LocalStub 0 > "$OUT/stub.port" &
STUB_PID=$!
trap 'kill "$STUB_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$OUT/stub.port" ] && break; sleep 0.1; done
PORT=$(head -n1 "$OUT/stub.port")

# The handler's public constructor reads the Lambda environment; the SDK reads AWS_ENDPOINT_URL_KMS itself.
export NOMIDIO_GATEWAY_URL="http://127.0.0.1:$PORT"
export NOMIDIO_SUPPLIER_CODE=SUP-BENCH NOMIDIO_ENTERPRISE_CODE=ENT-BENCH NOMIDIO_ACCESS_KEY_ID=BENCH0KEY0ID
export NOMIDIO_ACCESS_KEY_SECRET_CIPHERTEXT="Y2lwaGVydGV4dA=="
export DEFAULT_COUNTRY_CODE=GB SAMPLE_UPLOAD_FUNCTION=arn:aws:lambda:eu-west-2:111122223333:function:sampleUpload:live
export AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench-secret-key
export AWS_ENDPOINT_URL_KMS="http://127.0.0.1:$PORT"
unset JAVA_TOOL_OPTIONS
TIERED_FLAG="-XX:TieredStopAtLevel=1"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n1)" >&2
echo "shaded jar: $(stat -c %s "$JAR") bytes" >&2
# Logs and EMF lines go to stdout as in Lambda; discarded here.
java -cp "$CP" com.nomidio.connect.benchmarks.WarmLookup events/nomidio-action-lookup.json "$WARMUP" "$MEASURED" > /dev/null
java -cp "$CP" com.nomidio.connect.benchmarks.ColdStart events/nomidio-action-lookup.json "$RUNS" "$OUT" > /dev/null
echo "where a cold first lookup spends its time (one fresh JVM, $TIERED_FLAG; each step pays for the classes it loads first)" >&2
java $TIERED_FLAG -cp "$CP" com.nomidio.connect.benchmarks.ColdPhases events/nomidio-action-lookup.json > /dev/null
