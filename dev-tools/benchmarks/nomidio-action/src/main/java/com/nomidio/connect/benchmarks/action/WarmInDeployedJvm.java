package com.nomidio.connect.benchmarks.action;

import com.nomidio.connect.action.entrypoints.NomidioActionHandler;
import com.nomidio.connect.snapstart.SnapStartPriming;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The warm side of the SnapStart goal, measured as the first call is: in a fresh JVM with the deployed flags
 * ({@link SnapStartProxy} starts it), not in the benchmark's own full-JIT JVM. After {@code warmup} lookups through a
 * handler built on demand, three readings of "a warm answer":
 * <ul>
 *   <li>back to back: {@code measured} lookups in a row, each beside the bare identify round trip ({@link
 *       WarmLookup#measure}, on this handler);</li>
 *   <li>after a pause: {@code paused} lookups, each after {@code pauseMs} of idleness, and as many bare identify
 *       round trips, each after the same pause. This is how a contact flow's calls reach a warm Lambda environment
 *       (one invocation at a time, with the environment idle, and frozen, in between), and how the first call after
 *       a restore reaches the restored one: its threads parked and its caches cold;</li>
 *   <li>after a pause, its secret and token forgotten: the lookup decrypts, authenticates and identifies, the work a
 *       restored environment's first answer does (itself, or by joining the refill).</li>
 * </ul>
 * Prints one WARM line of medians in nanoseconds, then the last answer (ANSWERED, as {@link ColdStart} expects).
 */
public final class WarmInDeployedJvm {

    private WarmInDeployedJvm() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int warmup = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        int paused = Integer.parseInt(args[3]);
        long pauseMs = Long.parseLong(args[4]);

        // One handler and one client: the paused calls follow the back-to-back ones, as in one warm environment.
        NomidioActionHandler handler = new NomidioActionHandler();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        WarmLookup.Result backToBack = WarmLookup.measure(handler, http, event, warmup, measured);

        HttpRequest bare = WarmLookup.bareIdentify();
        String answer = "";
        long[] handlerAfterPause = new long[paused];
        long[] bareAfterPause = new long[paused];
        for (int i = 0; i < paused; i++) {
            Thread.sleep(pauseMs);
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            handlerAfterPause[i] = WarmLookup.timedLookup(handler, event, out);
            answer = out.toString();
            Thread.sleep(pauseMs);
            bareAfterPause[i] = WarmLookup.timedTrip(http, bare);
        }
        // A warm environment whose secret and token are gone (as after a restore, or a token's expiry): the lookup
        // decrypts, authenticates and identifies, the same work as a restored environment's first answer.
        long[] forgottenAfterPause = new long[paused];
        for (int i = 0; i < paused; i++) {
            Thread.sleep(pauseMs);
            SnapStartPriming.forgetAll();
            forgottenAfterPause[i] = WarmLookup.timedLookup(handler, event, new ByteArrayOutputStream(512));
        }
        Arrays.sort(forgottenAfterPause);
        Arrays.sort(handlerAfterPause);
        Arrays.sort(bareAfterPause);
        System.err.println("WARM handlerNs=" + WarmLookup.percentile(backToBack.viaHandler(), 50)
                + " identifyNs=" + WarmLookup.percentile(backToBack.bareTrip(), 50)
                + " handlerAfterPauseNs=" + WarmLookup.percentile(handlerAfterPause, 50)
                + " identifyAfterPauseNs=" + WarmLookup.percentile(bareAfterPause, 50)
                + " forgottenAfterPauseNs=" + WarmLookup.percentile(forgottenAfterPause, 50));
        System.err.println("ANSWERED " + answer);
        System.err.flush();
    }
}
