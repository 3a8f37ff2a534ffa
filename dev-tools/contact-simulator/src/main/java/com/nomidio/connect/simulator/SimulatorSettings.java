package com.nomidio.connect.simulator;

import com.nomidio.connect.emulator.state.EmulatorSettings;
import com.nomidio.connect.emulator.state.Seed;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How the simulated world is set up. The defaults are the deployed ones (template.yaml's timeouts, the emulator's
 * own delays); tests shorten waits through these settings, never by changing what is asserted.
 *
 * @param nomidioActionTimeout the function's Lambda timeout (template: 8 s); its long-poll uses what is left of it
 * @param sampleUploadTimeout  the function's Lambda timeout (template: 30 s)
 * @param streamMillis         the longest the contact's stream runs from streaming start
 * @param realTime             the call runs at real time: prompts and menus take their time; else they take none
 *                             (the caller's fragments reach the stream on the call clock either way)
 * @param asyncWait            how long the end of a call waits for background invocations (sampleUpload) to finish
 * @param sampleUploadEnvironment extra environment for sampleUpload (e.g. {@code CAPTURE_POLICY_STANDARD}), over the
 *                             simulator's own
 * @param kvsDelivery          how GetMedia hands over the caller's fragments: frame by frame as they are spoken (our
 *                             reading of KVS's real-time path, the default) or each fragment whole once complete
 */
public record SimulatorSettings(
        SimulatedInstance instance,
        Seed seed,
        Consumer<EmulatorSettings> emulatorSettings,
        Duration nomidioActionTimeout,
        Duration sampleUploadTimeout,
        long streamMillis,
        boolean realTime,
        Duration asyncWait,
        Map<String, String> sampleUploadEnvironment,
        KvsDelivery kvsDelivery) {

    /** How the simulated GetMedia hands the caller's audio over. */
    public enum KvsDelivery {
        /** Each frame once it has been spoken, the fragment's trailing tags when it ends. */
        FRAMES,
        /** Each fragment whole, once it is complete. */
        WHOLE_FRAGMENTS
    }

    public SimulatorSettings {
        sampleUploadEnvironment = Map.copyOf(sampleUploadEnvironment);
    }

    /** The settings with GetMedia relaying frames as they are spoken. */
    public SimulatorSettings(SimulatedInstance instance, Seed seed, Consumer<EmulatorSettings> emulatorSettings,
            Duration nomidioActionTimeout, Duration sampleUploadTimeout, long streamMillis, boolean realTime,
            Duration asyncWait, Map<String, String> sampleUploadEnvironment) {
        this(instance, seed, emulatorSettings, nomidioActionTimeout, sampleUploadTimeout, streamMillis, realTime,
                asyncWait, sampleUploadEnvironment, KvsDelivery.FRAMES);
    }

    /** The settings without extra sampleUpload environment. */
    public SimulatorSettings(SimulatedInstance instance, Seed seed, Consumer<EmulatorSettings> emulatorSettings,
            Duration nomidioActionTimeout, Duration sampleUploadTimeout, long streamMillis, boolean realTime,
            Duration asyncWait) {
        this(instance, seed, emulatorSettings, nomidioActionTimeout, sampleUploadTimeout, streamMillis, realTime,
                asyncWait, Map.of());
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(SimulatedInstance.defaults(), null, s -> { }, Duration.ofSeconds(8),
                Duration.ofSeconds(30), 60_000, false, Duration.ofSeconds(35));
    }

    /** sampleUpload also gets these environment variables (a capture policy to compare, say). */
    public SimulatorSettings withSampleUploadEnvironment(Map<String, String> environment) {
        return new SimulatorSettings(instance, seed, emulatorSettings, nomidioActionTimeout, sampleUploadTimeout,
                streamMillis, realTime, asyncWait, environment, kvsDelivery);
    }

    public SimulatorSettings withEmulatorSettings(Consumer<EmulatorSettings> adjust) {
        return new SimulatorSettings(instance, seed, adjust, nomidioActionTimeout, sampleUploadTimeout, streamMillis,
                realTime, asyncWait, sampleUploadEnvironment, kvsDelivery);
    }

    public SimulatorSettings withSeed(Seed newSeed) {
        return new SimulatorSettings(instance, newSeed, emulatorSettings, nomidioActionTimeout, sampleUploadTimeout,
                streamMillis, realTime, asyncWait, sampleUploadEnvironment, kvsDelivery);
    }

    public SimulatorSettings withNomidioActionTimeout(Duration timeout) {
        return new SimulatorSettings(instance, seed, emulatorSettings, timeout, sampleUploadTimeout, streamMillis,
                realTime, asyncWait, sampleUploadEnvironment, kvsDelivery);
    }

    public SimulatorSettings inRealTime() {
        return new SimulatorSettings(instance, seed, emulatorSettings, nomidioActionTimeout, sampleUploadTimeout,
                streamMillis, true, asyncWait, sampleUploadEnvironment, kvsDelivery);
    }

    /** GetMedia hands the caller's audio over as {@code delivery} says. */
    public SimulatorSettings withKvsDelivery(KvsDelivery delivery) {
        return new SimulatorSettings(instance, seed, emulatorSettings, nomidioActionTimeout, sampleUploadTimeout,
                streamMillis, realTime, asyncWait, sampleUploadEnvironment, delivery);
    }
}
