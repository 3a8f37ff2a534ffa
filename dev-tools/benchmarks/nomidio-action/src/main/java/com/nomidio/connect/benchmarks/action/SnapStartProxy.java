package com.nomidio.connect.benchmarks.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.secret.SecretEncryptionContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first call after a SnapStart restore (issue 12), in fresh JVMs with the deployed flags and a snap-start
 * initialisation, four variants alternated run by run so that a busy machine weighs on all alike:
 * <ul>
 *   <li>no refill: beforeCheckpoint runs, then the restore only forgets (as afterRestore did before it refilled),
 *       and the lookup decrypts and authenticates for itself;</li>
 *   <li>no hook: the first lookup right after the handler is built ({@link FirstLookup}), as a snapshot without the
 *       priming hook leaves it;</li>
 *   <li>join: the hook's beforeCheckpoint and afterRestore run, and the lookup arrives the moment afterRestore
 *       returns, so it joins the refill afterRestore started in the background (the worst case for the call);</li>
 *   <li>after refill: the same, the lookup arriving once the refill has ended (Lambda took longer to deliver the
 *       invoke than the refill took).</li>
 * </ul>
 * Before them, in this JVM, the warm handler time (as {@link WarmLookup}) and the stand-ins' own round trips (identify,
 * token, KMS Decrypt, bare HTTP on the JDK client), which the goal is stated against; and the warm handler
 * time and identify round trip again in fresh JVMs with the deployed flags ({@link WarmInDeployedJvm}), back to back
 * and after a pause, since the first call runs with those flags and after a pause: the goal is reported against
 * each reading of "a warm answer". Times of the hooks
 * and of the first call are measured inside the child JVM; medians of {@code runs}.
 */
public final class SnapStartProxy {

    private static final List<String> DEPLOYED_FLAGS = List.of("-XX:TieredStopAtLevel=1");
    private static final Map<String, String> SNAP_START = Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");

    private SnapStartProxy() {
    }

    public static void main(String[] args) throws Exception {
        String event = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        // First, so that the stand-ins (their own JVM) are warm for every fresh JVM below, as a real KMS and gateway are.
        WarmLookup.Result warm = WarmLookup.measure(Files.readAllBytes(Path.of(event)), warmup, measured);
        double warmHandler = ms(WarmLookup.percentile(warm.viaHandler(), 50));
        double identifyTrip = ms(WarmLookup.percentile(warm.bareTrip(), 50));
        double tokenTrip = ms(WarmLookup.percentile(bareTrips(tokenRequest(), warmup, measured), 50));
        double kmsTrip = ms(WarmLookup.percentile(bareTrips(decryptRequest(), warmup, measured), 50));

        // The same warm figures in fresh JVMs with the deployed flags, back to back and after a pause (WarmInDeployedJvm).
        int warmJvms = 3;
        int deployedMeasured = Math.min(measured, 2000);
        Warm[] deployed = new Warm[warmJvms];
        for (int i = 0; i < warmJvms; i++) {
            deployed[i] = warmInDeployedJvm(event, warmup, deployedMeasured, PAUSED_CALLS, PAUSE_MS);
        }

        double[] noHook = new double[runs];
        Times[] join = new Times[runs];
        Times[] afterRefill = new Times[runs];
        Times[] lazy = new Times[runs];
        for (int i = 0; i < runs; i++) {
            double[] unprimed = ColdStart.run(FirstLookup.class, event, DEPLOYED_FLAGS, SNAP_START);
            noHook[i] = unprimed[1] - unprimed[2];
            lazy[i] = hooked(event, "lazy");
            join[i] = hooked(event, "join");
            afterRefill[i] = hooked(event, "after-refill");
        }

        double joined = median(join, Times::firstCall);
        double refilled = median(afterRefill, Times::firstCall);
        double restore = median(join, Times::afterRestore);
        double callersTotal = median(join, t -> t.afterRestore() + t.firstCall());
        double goal = 2 * warmHandler + identifyTrip;
        double deployedHandler = median(deployed, Warm::handler);
        double deployedIdentify = median(deployed, Warm::identify);
        double pausedHandler = median(deployed, Warm::handlerAfterPause);
        double pausedIdentify = median(deployed, Warm::identifyAfterPause);
        double deployedGoal = 2 * deployedHandler + deployedIdentify;
        double pausedGoal = 2 * pausedHandler + pausedIdentify;
        // A restored environment must also decrypt its secret and fetch a token before its first identify (neither
        // is in the snapshot, by design): the joining call's bound adds those two round trips.
        double joinGoal = deployedGoal + tokenTrip + kmsTrip;
        double pausedJoinGoal = pausedGoal + tokenTrip + kmsTrip;
        double forgotten = median(deployed, Warm::forgottenAfterPause);
        double sameWorkGoal = 2 * forgotten + identifyTrip + tokenTrip + kmsTrip;
        long joinsInFlight = Arrays.stream(join).filter(t -> !t.refillDoneAtCall()).count();

        System.err.printf(Locale.ROOT, "SnapStart proxy, median of %d fresh JVMs each (-XX:TieredStopAtLevel=1, snap-start init)%n", runs);
        line("no hook: first lookup after init", median(noHook));
        line("hook: beforeCheckpoint (in the init, once per version)", median(join, Times::beforeCheckpoint));
        line("hook, no refill: first lookup decrypts and authenticates itself", median(lazy, Times::firstCall));
        line("hook: afterRestore (a restore hook: the caller waits)", restore);
        line("hook: background refill (KMS Decrypt + token), nothing else running", median(afterRefill, Times::refill));
        line("hook: background refill, the first lookup waiting beside it", median(join, Times::refill));
        line("hook: first lookup, invoked as afterRestore returns", joined);
        System.err.printf(Locale.ROOT, "      (the refill was still in flight at the call in %d of %d runs)%n", joinsInFlight, runs);
        line("hook: afterRestore + that first lookup", callersTotal);
        line("hook: first lookup, invoked after the refill ended", refilled);
        System.err.printf(Locale.ROOT, "warm, in one JVM after %d calls (p50 of %d): handler lookup %.2f ms;"
                + " the stand-ins' own round trips: identify %.2f ms, token %.2f ms, KMS Decrypt %.2f ms%n",
                warmup, measured, warmHandler, identifyTrip, tokenTrip, kmsTrip);
        System.err.printf(Locale.ROOT, "warm, median of %d fresh JVMs with the deployed flags after %d calls: handler lookup"
                + " %.2f ms, identify %.2f ms back to back (p50 of %d); %.2f ms and %.2f ms after %d ms idle (median of %d)%n",
                warmJvms, warmup, deployedHandler, deployedIdentify, deployedMeasured, pausedHandler,
                pausedIdentify, PAUSE_MS, PAUSED_CALLS);
        System.err.printf(Locale.ROOT, "goal: first answer after init <= 2 x warm handler + gateway identify round trip,"
                + " the warm answer read three ways%n");
        System.err.printf(Locale.ROOT, "(a) full-JIT JVM, back to back = %.2f ms%n", goal);
        verdict("  invoked after the refill ended", refilled, goal);
        verdict("  invoked as afterRestore returns (joins the refill)", joined, goal);
        verdict("  afterRestore + first lookup (the caller's wait, less the restore)", callersTotal, goal);
        System.err.printf(Locale.ROOT, "(b) deployed flags, back to back = %.2f ms (joining: + token + KMS Decrypt = %.2f ms)%n",
                deployedGoal, joinGoal);
        verdict("  invoked after the refill ended", refilled, deployedGoal);
        verdict("  afterRestore + first lookup, joining the refill", callersTotal, joinGoal);
        System.err.printf(Locale.ROOT, "(c) deployed flags, each call after %d ms idle = %.2f ms (joining: + token + KMS"
                + " Decrypt = %.2f ms)%n", PAUSE_MS, pausedGoal, pausedJoinGoal);
        verdict("  invoked after the refill ended", refilled, pausedGoal);
        verdict("  afterRestore + first lookup, joining the refill", callersTotal, pausedJoinGoal);
        System.err.printf(Locale.ROOT, "(d) deployed flags, after %d ms idle, its secret and token forgotten (the same"
                + " work: decrypt, token, identify): %.2f ms; x 2 + the three round trips = %.2f ms%n", PAUSE_MS,
                forgotten, sameWorkGoal);
        verdict("  hook, no refill: first lookup decrypts and authenticates", median(lazy, Times::firstCall), sameWorkGoal);
        verdict("  afterRestore + first lookup, joining the refill", callersTotal, sameWorkGoal);
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            each.append(String.format(Locale.ROOT, "%s%.0f/%.1f/%.1f/%.1f/%.1f", i == 0 ? "" : " ", noHook[i],
                    lazy[i].firstCall(), join[i].firstCall(), afterRefill[i].firstCall(), join[i].afterRestore()));
        }
        System.err.println("  each run (no hook / no refill / join / after refill / afterRestore, ms): " + each);
        if (Arrays.stream(join).anyMatch(t -> t.refillFailures() > 0) || Arrays.stream(afterRefill).anyMatch(t -> t.refillFailures() > 0)) {
            System.err.println("  WARNING: a refill failed in some runs: those first calls decrypted and fetched themselves");
        }
    }

    /** Calls after a pause in {@link WarmInDeployedJvm}, and the pause: a contact flow's calls are seconds apart. */
    private static final int PAUSED_CALLS = 30;
    private static final long PAUSE_MS = 200;

    /** One {@link WarmInDeployedJvm}'s medians, in ms. */
    record Warm(double handler, double identify, double handlerAfterPause, double identifyAfterPause,
                double forgottenAfterPause) {
    }

    private static Warm warmInDeployedJvm(String event, int warmup, int measured, int paused, long pauseMs)
            throws Exception {
        Map<String, String> values = childLine(WarmInDeployedJvm.class, List.of(event, String.valueOf(warmup),
                String.valueOf(measured), String.valueOf(paused), String.valueOf(pauseMs)), Map.of(), "WARM ");
        return new Warm(ms(values, "handlerNs"), ms(values, "identifyNs"), ms(values, "handlerAfterPauseNs"),
                ms(values, "identifyAfterPauseNs"), ms(values, "forgottenAfterPauseNs"));
    }

    /** One child JVM's own measurements, in ms. */
    record Times(double beforeCheckpoint, double afterRestore, double firstCall, double refill, boolean refillDoneAtCall,
                 int refillFailures) {
    }

    private static Times hooked(String event, String mode) throws Exception {
        Map<String, String> values = childLine(FirstLookupAfterRestore.class, List.of(event, mode), SNAP_START, "TIMES ");
        return new Times(ms(values, "beforeCheckpointNs"), ms(values, "afterRestoreNs"), ms(values, "firstCallNs"),
                ms(values, "refillNs"), Boolean.parseBoolean(values.get("refillDoneAtCall")),
                Integer.parseInt(values.get("refillFailures")));
    }

    /** Runs {@code main} in a fresh JVM with the deployed flags; returns the key=value pairs of its line {@code prefix}. */
    private static Map<String, String> childLine(Class<?> main, List<String> args, Map<String, String> env, String prefix)
            throws Exception {
        List<String> lines = new ArrayList<>();
        ColdStart.run(main, args, DEPLOYED_FLAGS, env, lines);
        String found = lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "line: " + lines));
        Map<String, String> values = new HashMap<>();
        for (String pair : found.substring(prefix.length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    private static HttpRequest tokenRequest() {
        return HttpRequest.newBuilder(URI.create(System.getenv("NOMIDIO_GATEWAY_URL") + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=x&client_secret=y"))
                .build();
    }

    /** What the SDK sends, less the signature (the local KMS checks the ciphertext and its context, not who asks). */
    private static HttpRequest decryptRequest() throws Exception {
        Map<String, Object> body = Map.of("CiphertextBlob", System.getenv("NOMIDIO_ACCESS_KEY_SECRET_CIPHERTEXT"),
                "EncryptionContext", SecretEncryptionContext.forAccessKey(System.getenv("NOMIDIO_ACCESS_KEY_ID")));
        return HttpRequest.newBuilder(URI.create(System.getenv("AWS_ENDPOINT_URL_KMS") + "/"))
                .header("X-Amz-Target", "TrentService.Decrypt")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new ObjectMapper().writeValueAsBytes(body)))
                .build();
    }

    private static long[] bareTrips(HttpRequest request, int warmup, int measured) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] trips = new long[measured];
        for (int i = 0; i < warmup + measured; i++) {
            long nanos = WarmLookup.timedTrip(http, request);
            if (i >= warmup) {
                trips[i - warmup] = nanos;
            }
        }
        Arrays.sort(trips);
        return trips;
    }

    private static void line(String name, double ms) {
        System.err.printf(Locale.ROOT, "%-66s %9.1f ms%n", name, ms);
    }

    private static void verdict(String name, double ms, double goal) {
        System.err.printf(Locale.ROOT, "%-66s %9.1f ms = %.1fx the goal: %s%n", name, ms, ms / goal,
                ms <= goal ? "met" : "missed");
    }

    private static double median(Times[] times, java.util.function.ToDoubleFunction<Times> field) {
        return median(Arrays.stream(times).mapToDouble(field).toArray());
    }

    private static double median(Warm[] warm, java.util.function.ToDoubleFunction<Warm> field) {
        return median(Arrays.stream(warm).mapToDouble(field).toArray());
    }

    private static double median(double[] values) {
        return ColdStart.median(values);
    }

    private static double ms(Map<String, String> values, String key) {
        return Long.parseLong(values.get(key)) / 1e6;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
