package com.nomidio.connect.simulator.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a load run measured. Latencies are invocation times as the caller of the function sees them (Connect's wait
 * for nomidioAction, Lambda's run time for sampleUpload), including the init of an environment built for the call.
 *
 * @param crossContactBlocks  64-sample blocks of uploaded samples that came from a contact other than the one
 *                            challenged, or carried no caller's mark (must be 0)
 * @param samplesChecked      samples the gateway received and the check read
 * @param processCpuSeconds   CPU time this JVM used during the run (all of it: emulator, endpoints, functions)
 * @param systemLoadAverage   the machine's one-minute load average at the end of the run (other processes too)
 */
public record LoadReport(
        int calls,
        int concurrency,
        long wallMillis,
        Map<String, Latency> latencyByOperation,
        Map<String, Environments> environments,
        long kmsDecrypts,
        long gatewayRequests,
        long tokensIssued,
        long kvsDataEndpointRequests,
        List<String> errors,
        int samplesChecked,
        long ownBlocks,
        long crossContactBlocks,
        Map<String, Map<String, Integer>> outcomesByKind,
        long peakHeapMb,
        int cores,
        double processCpuSeconds,
        double systemLoadAverage) {

    public record Latency(int count, long p50, long p99, long max) {
    }

    public record Environments(int built, int peakConcurrentInvocations, long initP50Millis, long initMaxMillis) {
    }

    /** The errors counted by what went wrong, without the call numbers and caller kinds. */
    public Map<String, Long> errorsByKind() {
        return errors.stream().map(e -> e.replaceFirst("^call \\d+ \\([^)]*\\) ", "call ")
                        .replaceAll("\\d+ ms", "N ms").replaceAll("\\d+ blocks", "N blocks"))
                .collect(Collectors.groupingBy(e -> e, TreeMap::new,
                        Collectors.counting()));
    }

    public double callsPerSecond() {
        return wallMillis == 0 ? 0 : calls * 1000.0 / wallMillis;
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "load: %d calls, %d at a time, %d cores, %.1f s wall, %.2f calls/s, peak heap %d MB%n",
                calls, concurrency, cores, wallMillis / 1000.0, callsPerSecond(), peakHeapMb));
        out.append(String.format(Locale.ROOT, "CPU used by this JVM %.1f s over %.1f s wall (%.2f cores); machine load average %.1f%n",
                processCpuSeconds, wallMillis / 1000.0, wallMillis == 0 ? 0 : processCpuSeconds * 1000 / wallMillis,
                systemLoadAverage));
        out.append(String.format(Locale.ROOT, "%-22s %7s %8s %8s %8s%n", "invocation (ms)", "count", "p50", "p99", "max"));
        latencyByOperation.forEach((operation, l) -> out.append(String.format(Locale.ROOT, "%-22s %7d %8d %8d %8d%n",
                operation, l.count(), l.p50(), l.p99(), l.max())));
        environments.forEach((function, e) -> out.append(String.format(Locale.ROOT,
                "environments %-13s built %d, peak concurrent invocations %d, init p50 %d ms, max %d ms%n",
                function, e.built(), e.peakConcurrentInvocations(), e.initP50Millis(), e.initMaxMillis())));
        out.append(String.format(Locale.ROOT, "KMS decrypts %d, gateway requests %d (tokens issued %d), KVS GetDataEndpoint %d%n",
                kmsDecrypts, gatewayRequests, tokensIssued, kvsDataEndpointRequests));
        out.append(String.format(Locale.ROOT, "samples checked %d: own-contact blocks %d, cross-contact blocks %d%n",
                samplesChecked, ownBlocks, crossContactBlocks));
        out.append(String.format(Locale.ROOT, "errors %d%n", errors.size()));
        errorsByKind().forEach((kind, count) -> out.append(String.format(Locale.ROOT, "  %5d  %s%n", count, kind)));
        out.append("outcomes by caller kind (nomidio_status / nomidio_challenge_result):\n");
        outcomesByKind.forEach((kind, outcomes) -> out.append("  ").append(kind).append(": ").append(outcomes).append('\n'));
        return out.toString();
    }
}
