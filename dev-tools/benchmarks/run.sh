#!/usr/bin/env bash
# Runs the benchmarks (measurements, not tests: ./test.sh never runs them). Figures go to stdout/stderr.
#   dev-tools/benchmarks/run.sh nomidio-action [cold-runs=10] [warm-up calls=5000] [measured calls=10000]
#   dev-tools/benchmarks/run.sh nomidio-action-snapstart [runs=10] [warm-up calls=2000] [measured calls=5000]
#   dev-tools/benchmarks/run.sh deployment-helper
#   dev-tools/benchmarks/run.sh sample-upload        (BENCH_WORK=/some/dir keeps the generated calls and GC log)
#   dev-tools/benchmarks/run.sh emulator-smoke
#   dev-tools/benchmarks/run.sh caller-wait [runs per caller=3] [before|after|whole|all]
#   dev-tools/benchmarks/run.sh all
# The Java benchmarks are Maven modules behind the benchmarks profile (mvn -P benchmarks ...), built like every
# module; each runs on its function's shaded jar, as Lambda loads it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source dev-tools/select-jdk.sh
KIT=dev-tools/local-aws-testkit/target/local-aws-testkit-1.0.0-SNAPSHOT.jar

build() {
    mvn -B -ntp -q -P benchmarks -pl "$1" -am -DskipTests package
}

# nomidioAction: warm lookup latency vs the bare HTTP round trip, and cold start (fresh JVM: load + init + first
# lookup) vs a bare hello handler, against the local endpoints (LocalEndpoints) in their own JVM.
nomidio_action() {
    local runs=${1:-10} warmup=${2:-5000} measured=${3:-10000}
    local jar=nomidio-action/target/nomidio-action-lambda.jar out=dev-tools/benchmarks/nomidio-action/target
    build dev-tools/benchmarks/nomidio-action
    # Jars only: AppCDS archives a class path of jars, not directories.
    local cp="$out/benchmark-nomidio-action.jar:$jar:$KIT"
    rm -f "$out/endpoints.env"
    java -cp "$cp" com.nomidio.connect.benchmarks.action.LocalEndpoints > "$out/endpoints.env" &
    local endpoints=$!
    trap 'kill "$endpoints" 2>/dev/null || true' EXIT
    for _ in $(seq 100); do [ "$(wc -l < "$out/endpoints.env")" -ge 4 ] && break; sleep 0.1; done
    # The handler's public constructor reads the Lambda environment; the SDK reads AWS_ENDPOINT_URL_KMS itself.
    set -a
    source "$out/endpoints.env"
    NOMIDIO_SUPPLIER_CODE=SUP-BENCH NOMIDIO_ENTERPRISE_CODE=ENT-BENCH
    DEFAULT_COUNTRY_CODE=GB SAMPLE_UPLOAD_FUNCTION=arn:aws:lambda:eu-west-2:111122223333:function:sampleUpload:live
    AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench-secret-key
    set +a
    unset JAVA_TOOL_OPTIONS
    echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n1)" >&2
    echo "shaded jar: $(stat -c %s "$jar") bytes" >&2
    # Logs and EMF lines go to stdout as in Lambda; discarded here.
    if [ "${SNAPSTART_ONLY:-}" = 1 ]; then
        # Issue 12: the first lookup after a snap-start init, without the priming hook and with it (invoked as the
        # restore hook returns, and after its background refill), alternated; then the warm lookup and the
        # stand-ins' own round trips, which the goal is stated against.
        echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
        java -cp "$cp" com.nomidio.connect.benchmarks.action.SnapStartProxy events/nomidio-action-lookup.json \
            "$runs" "$warmup" "$measured" > /dev/null
        echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
        kill "$endpoints" 2>/dev/null || true
        trap - EXIT
        return
    fi
    java -cp "$cp" com.nomidio.connect.benchmarks.action.WarmLookup events/nomidio-action-lookup.json "$warmup" "$measured" > /dev/null
    java -cp "$cp" com.nomidio.connect.benchmarks.action.ColdStart events/nomidio-action-lookup.json "$runs" "$out" > /dev/null
    echo "where a cold first lookup spends its time (one fresh JVM, -XX:TieredStopAtLevel=1; each step pays for the classes it loads first)" >&2
    java -XX:TieredStopAtLevel=1 -cp "$cp" com.nomidio.connect.benchmarks.action.ColdPhases events/nomidio-action-lookup.json > /dev/null
    kill "$endpoints" 2>/dev/null || true
    trap - EXIT
}

# deploymentHelper: cold (fresh JVM) and warm cost of building the handler and rendering + validating the flows.
deployment_helper() {
    local jar=deployment-helper/target/deployment-helper-lambda.jar
    build dev-tools/benchmarks/deployment-helper
    echo "jar: $(du -h "$jar" | cut -f1)  $jar"
    AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x \
        java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
        -cp "dev-tools/benchmarks/deployment-helper/target/benchmark-deployment-helper.jar:$jar" \
        com.nomidio.connect.benchmarks.deployment.RenderFlowsBenchmark
}

# sampleUpload: extraction RTF (fresh and warm JVM), peak heap under -Xmx32m, upload latency after the last needed
# fragment, and the Lambda jar size (see sample-upload/README.md).
sample_upload() {
    local jar=sample-upload/target/sample-upload-lambda.jar out=dev-tools/benchmarks/sample-upload/target
    local work="${BENCH_WORK:-$(mktemp -d)}"
    mkdir -p "$work"
    # WireMock (the gateway stand-in) is the one jar the kit needs that the shaded function jar does not carry.
    mvn -B -ntp -q -P benchmarks -pl dev-tools/benchmarks/sample-upload -am -DskipTests package \
        dependency:build-classpath -Dmdep.includeArtifactIds=wiremock-standalone -Dmdep.outputFile=target/wiremock.cp
    local cp="$out/benchmark-sample-upload.jar:$jar:$KIT:$(cat "$out/wiremock.cp")"
    unset JAVA_TOOL_OPTIONS
    local bench=com.nomidio.connect.benchmarks.upload.SampleUploadBenchmark c1=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1)
    echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n1)"
    java -cp "$cp" $bench generate "$work"
    echo "== fresh JVM, one run each (Lambda-like flags) =="
    java "${c1[@]}" -cp "$cp" $bench extract "$work/call-60s.mkv" 1
    java "${c1[@]}" -cp "$cp" $bench extract "$work/call-10min.mkv" 1
    echo "== warm: many runs in one JVM =="
    java -cp "$cp" $bench extract "$work/call-60s.mkv" 300
    java -cp "$cp" $bench extract "$work/call-10min.mkv" 20
    echo "== 10 min call under -Xmx32m (GC log: $work/gc-10min.log) =="
    java -Xmx32m "-Xlog:gc:file=$work/gc-10min.log" -cp "$cp" $bench extract "$work/call-10min.mkv" 3
    echo "   GC log max heap after GC: $(grep -oE '[0-9]+M->[0-9]+M' "$work/gc-10min.log" | sed 's/.*->//' | sort -n | tail -1)"
    echo "== latency: last needed fragment -> upload request (live stream paced at 2 s per fragment) =="
    # Logs go to stdout as in Lambda; only the figures are kept.
    java -cp "$cp" $bench latency 3 | grep -v '^{'
    echo "== jar =="
    ls -l "$jar" | awk '{printf "sample-upload-lambda.jar %.1f MB (%d bytes)\n", $5/1048576, $5}'
}

# The caller's wait (issue 12): callers played through the contact simulator, verdict delay on the call clock.
caller_wait() {
    local runs=${1:-3} which=${2:-all} out=dev-tools/benchmarks/caller-wait/target
    mvn -B -ntp -q -P benchmarks -pl dev-tools/benchmarks/caller-wait -am -DskipTests package
    unset JAVA_TOOL_OPTIONS
    # The functions' JSON log lines go to stderr; only the table is kept.
    java -cp "$out/benchmark-caller-wait.jar:dev-tools/contact-simulator/target/contact-simulator-cli.jar" \
        com.nomidio.connect.benchmarks.caller.CallerWaitBenchmark "$runs" "$which" 2>/dev/null
}

case "${1:-}" in
    nomidio-action) shift; nomidio_action "$@" ;;
    nomidio-action-snapstart) shift; SNAPSTART_ONLY=1 nomidio_action "${1:-10}" "${2:-2000}" "${3:-5000}" ;;
    deployment-helper) deployment_helper ;;
    sample-upload) sample_upload ;;
    emulator-smoke) dev-tools/benchmarks/emulator-smoke.sh ;;
    caller-wait) shift; caller_wait "$@" ;;
    all) nomidio_action; deployment_helper; sample_upload; dev-tools/benchmarks/emulator-smoke.sh; caller_wait ;;
    *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac
