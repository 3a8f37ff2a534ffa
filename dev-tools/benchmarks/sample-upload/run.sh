#!/usr/bin/env bash
# sampleUpload benchmark: builds the module, then measures extraction RTF (fresh and warm JVM), peak heap under
# -Xmx32m, upload latency after the last needed fragment, and the Lambda jar size. Figures go to stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
source dev-tools/select-jdk.sh
work="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work"

# -am: the writer (local-aws-testkit) and the logging backend come from this checkout, not from ~/.m2.
mvn -B -ntp -q -pl sample-upload -am -DskipTests package \
    dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
# The benchmark reuses sample-upload's test fixtures and harness (test-classes); the kit comes with the test scope.
cp="sample-upload/target/classes:sample-upload/target/test-classes:$(cat sample-upload/target/bench-classpath.txt)"
javac -d "$work/classes" -cp "$cp" $(find dev-tools/benchmarks/sample-upload/src -name '*.java')
cp="$work/classes:$cp"
run() { java -cp "$cp" "${JVM_OPTS[@]}" com.nomidio.connect.upload.bench.SampleUploadBenchmark "$@"; }

JVM_OPTS=(); run generate "$work"
echo "== fresh JVM, one run each (Lambda-like flags) =="
JVM_OPTS=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1); run extract "$work/call-60s.mkv" 1
run extract "$work/call-10min.mkv" 1
echo "== warm: many runs in one JVM =="
JVM_OPTS=(); run extract "$work/call-60s.mkv" 300
run extract "$work/call-10min.mkv" 20
echo "== 10 min call under -Xmx32m (GC log: $work/gc-10min.log) =="
JVM_OPTS=(-Xmx32m "-Xlog:gc:file=$work/gc-10min.log"); run extract "$work/call-10min.mkv" 3
echo "   GC log max heap after GC: $(grep -oE '[0-9]+M->[0-9]+M' "$work/gc-10min.log" | sed 's/.*->//' | sort -n | tail -1)"
echo "== latency: last needed fragment -> upload request (live stream paced at 2 s per fragment) =="
JVM_OPTS=(); run latency 3
echo "== jar =="
ls -l sample-upload/target/sample-upload-lambda.jar | awk '{printf "sample-upload-lambda.jar %.1f MB (%d bytes)\n", $5/1048576, $5}'
