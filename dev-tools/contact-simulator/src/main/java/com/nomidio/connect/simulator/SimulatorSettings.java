package com.nomidio.connect.simulator;

import com.nomidio.connect.emulator.state.EmulatorSettings;
import com.nomidio.connect.emulator.state.Seed;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How the simulated world is set up. The defaults are the deployed ones (template.yaml's timeouts, the emulator's
 * own delays); tests shorten waits through these settings, never by changing what is asserted.
 *
 * @param nomidioActionTimeout the function's Lambda timeout (template: 8 s); its long-poll uses what is left of it
 * @param sampleUploadTimeout  the function's Lambda timeout (template: 30 s)
 * @param streamMillis         caller audio in the contact's stream from streaming start (utterances, then silence)
 * @param realTime             the call runs at real time: prompts and menus take their time, the caller's stream is
 *                             paced fragment by fragment; else nothing sleeps and GetMedia reads as fast as it can
 * @param asyncWait            how long the end of a call waits for background invocations (sampleUpload) to finish
 */
public record SimulatorSettings(
        SimulatedInstance instance,
        Seed seed,
        Consumer<EmulatorSettings> emulatorSettings,
        Duration nomidioActionTimeout,
        Duration sampleUploadTimeout,
        long streamMillis,
        boolean realTime,
        Duration asyncWait) {

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(SimulatedInstance.defaults(), null, s -> { }, Duration.ofSeconds(8),
                Duration.ofSeconds(30), 30_000, false, Duration.ofSeconds(35));
    }

    public SimulatorSettings withEmulatorSettings(Consumer<EmulatorSettings> adjust) {
        return new SimulatorSettings(instance, seed, adjust, nomidioActionTimeout, sampleUploadTimeout, streamMillis,
                realTime, asyncWait);
    }

    public SimulatorSettings withSeed(Seed newSeed) {
        return new SimulatorSettings(instance, newSeed, emulatorSettings, nomidioActionTimeout, sampleUploadTimeout,
                streamMillis, realTime, asyncWait);
    }

    public SimulatorSettings withNomidioActionTimeout(Duration timeout) {
        return new SimulatorSettings(instance, seed, emulatorSettings, timeout, sampleUploadTimeout, streamMillis,
                realTime, asyncWait);
    }

    public SimulatorSettings inRealTime() {
        return new SimulatorSettings(instance, seed, emulatorSettings, nomidioActionTimeout, sampleUploadTimeout,
                streamMillis, true, asyncWait);
    }
}
