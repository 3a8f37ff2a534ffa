package com.nomidio.connect.benchmarks.caller;

import com.nomidio.connect.simulator.CallResult;
import com.nomidio.connect.simulator.CallScenario;
import com.nomidio.connect.simulator.ContactSimulator;
import com.nomidio.connect.simulator.SimulatorSettings;
import com.nomidio.connect.simulator.SimulatorSettings.KvsDelivery;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How long callers wait for the challenge verdict. Plays a set of callers (short, hesitant, long, silent, HIGH)
 * through the contact simulator — the rendered flows, the real nomidioAction and sampleUpload, the gateway emulator
 * with its default delays, the caller's fragments reaching KVS every 2 s of call time — and prints, per caller, on the
 * call clock: the verdict's delay after the caller's last word, the time from the end of the voice prompt to the
 * verdict, the net speech captured, why the capture stopped and the outcome.
 *
 * <p>Three rows per caller: {@code before} is the challenge flow as it was (a fixed 10 s of listening, "please hold",
 * then polling; kept as a resource) with end-pointing off, so the capture waits for the target or the window;
 * {@code after} is the flow and sampleUpload as they are, with GetMedia relaying frames as they are spoken (our
 * reading of KVS's real-time path); {@code after/whole} is the same with GetMedia handing each fragment over only once
 * it is complete (the cautious reading, where end-pointing can only judge whole fragments). All use the same
 * faithful caller, so the comparison is of the design.
 *
 * <p>Usage: {@code CallerWaitBenchmark [runs per caller=3] [before|after|whole|all]}. Logs go to stderr; the table to
 * stdout.
 */
public final class CallerWaitBenchmark {

    private static final String CHALLENGE_FLOW = "NOMIDIO-CHALLENGE-FLOW";
    private static final Set<String> VERDICTS = Set.of("Passed message", "Failed message", "Not completed message");

    record Caller(String name, String level, List<String> says) {
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller("short (1 × 7.8 s sentence)", null, List.of("voice-a-enrolment")),
            new Caller("default (2 × 5.5 s passphrase)", null, List.of("voice-a", "voice-a")),
            new Caller("hesitant (passphrase, 1.5 s pause, passphrase)", null, List.of("voice-a", "pause:1500", "voice-a")),
            new Caller("long (3 × 7.8 s run together, keeps talking)", null,
                    List.of("trim:voice-a-enrolment", "trim:voice-a-enrolment", "trim:voice-a-enrolment")),
            new Caller("pausing (2 × 7.8 s, 1.4 s between)", null, List.of("voice-a-enrolment", "voice-a-enrolment")),
            new Caller("silent (5 s of silence)", null, List.of("silence")),
            new Caller("HIGH (2 × 7.8 s, face check passes)", "HIGH", List.of("voice-a-enrolment", "voice-a-enrolment")));

    /** The real stdout: the simulator captures System.out for the functions' log lines while it runs. */
    private static final PrintStream OUT = System.out;

    private CallerWaitBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String which = args.length > 1 ? args[1] : "all";
        OUT.printf(Locale.ROOT, "machine: %d cores, Java %s; %d run(s) per caller; medians, [min-max]%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), runs);
        OUT.println("| design | caller | verdict after last word (s) | prompt end -> verdict (s) | net speech (s) "
                + "| capture stop | outcome | wall per call (s) |");
        OUT.println("|---|---|---|---|---|---|---|---|");
        if ("all".equals(which) || "both".equals(which) || "before".equals(which)) {
            measure("before", true, KvsDelivery.FRAMES, runs);
        }
        if ("all".equals(which) || "whole".equals(which)) {
            measure("after/whole", false, KvsDelivery.WHOLE_FRAGMENTS, runs);
        }
        if ("all".equals(which) || "both".equals(which) || "after".equals(which)) {
            measure("after", false, KvsDelivery.FRAMES, runs);
        }
    }

    private static void measure(String design, boolean before, KvsDelivery delivery, int runs) {
        SimulatorSettings settings = SimulatorSettings.defaults().withKvsDelivery(delivery);
        if (before) {
            settings = settings.withSampleUploadEnvironment(Map.of(
                    "CAPTURE_POLICY_STANDARD", "endSilenceMs=0", "CAPTURE_POLICY_HIGH", "endSilenceMs=0"));
        }
        try (ContactSimulator simulator = ContactSimulator.start(settings, System.err)) {
            for (Caller caller : CALLERS) {
                List<Long> afterLastWord = new ArrayList<>();
                List<Long> promptToVerdict = new ArrayList<>();
                List<Long> speech = new ArrayList<>();
                List<Long> wall = new ArrayList<>();
                String stop = "";
                String outcome = "";
                for (int run = 0; run < runs; run++) {
                    CallScenario.Builder scenario = CallScenario.builder().caller(CallScenario.ENROLLED_CALLER)
                            .says(caller.says());
                    if (caller.level() != null) {
                        scenario.authLevel(caller.level());
                    }
                    if (before) {
                        scenario.flow(CHALLENGE_FLOW, beforeChallengeFlow());
                    }
                    long started = System.nanoTime();
                    CallResult call = simulator.call(scenario.build());
                    wall.add((System.nanoTime() - started) / 1_000_000);
                    TranscriptEvent verdict = call.events(TranscriptEvent.Kind.PROMPT).stream()
                            .filter(e -> CHALLENGE_FLOW.equals(e.flow()) && VERDICTS.contains(e.action()))
                            .findFirst().orElse(null);
                    if (verdict != null && call.callerAskedAt() != null) {
                        promptToVerdict.add(verdict.atMillis() - call.callerAskedAt());
                        if (call.callerLastWordAt() != null) {
                            afterLastWord.add(verdict.atMillis() - call.callerLastWordAt());
                        }
                    }
                    TranscriptEvent upload = call.events(TranscriptEvent.Kind.ASYNC_INVOCATION).stream()
                            .filter(e -> "sampleUpload".equals(e.details().get("function"))).findFirst().orElse(null);
                    if (upload != null) {
                        speech.add(Long.parseLong(upload.details().getOrDefault("result.speechMillis", "0")));
                        stop = upload.details().getOrDefault("result.stopReason", "");
                    }
                    outcome = call.attribute("nomidio_challenge_result");
                }
                OUT.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", design, caller.name(),
                        figure(afterLastWord), figure(promptToVerdict), figure(speech), stop, outcome, figure(wall));
                OUT.flush();
            }
        }
    }

    /** Median [min-max] in seconds, or "-" when there is nothing to measure (a silent caller has no last word). */
    private static String figure(List<Long> millis) {
        if (millis.isEmpty()) {
            return "-";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        if (sorted.size() == 1) {
            return seconds(median);
        }
        return seconds(median) + " [" + seconds(sorted.getFirst()) + "-" + seconds(sorted.getLast()) + "]";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String beforeChallengeFlow() {
        try (InputStream in = CallerWaitBenchmark.class.getResourceAsStream("/before/" + CHALLENGE_FLOW + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
