package com.nomidio.connect.simulator.load;

import java.util.List;

/**
 * A kind of caller the load mode plays: one of the emulator's seeded customers (or a number it does not know), what
 * they say when asked, and their keypad answers. {@link #MIX} is the rotation the load mode cycles through: mostly
 * challenges (the heavy path: KVS, sampleUpload, a long-polled verdict), with every other status in between.
 */
record CallerKind(String name, String number, List<String> says, List<String> presses) {

    static final List<CallerKind> MIX = List.of(
            new CallerKind("enrolled, says voice A", "+447700900001", List.of("voice-a", "voice-a"), List.of()),
            new CallerKind("enrolled voice B, says voice B", "+447700900012", List.of("voice-b", "voice-b"), List.of()),
            new CallerKind("enrolled voice A, impostor says voice B", "+447700900001", List.of("voice-b", "voice-b"),
                    List.of()),
            new CallerKind("old terms still valid, says voice A", "+447700900002", List.of("voice-a", "voice-a"), List.of()),
            new CallerKind("opted out", "+447700900007", List.of("voice-a"), List.of()),
            new CallerKind("enrolled, says voice A", "+447700900001", List.of("voice-a", "voice-a"), List.of()),
            new CallerKind("blocked", "+447700900008", List.of("voice-a"), List.of()),
            new CallerKind("unknown number, declines registration", "+447700900999", List.of("voice-a"),
                    List.of("timeout")),
            new CallerKind("suspected fraud, says voice A", "+447700900011", List.of("voice-a", "voice-a"), List.of()),
            new CallerKind("awaiting approval", "+447700900003", List.of("voice-a"), List.of()),
            new CallerKind("enrolled voice B, says voice B", "+447700900012", List.of("voice-b", "voice-b"), List.of()),
            new CallerKind("withheld number", "anonymous", List.of("voice-a"), List.of()));
}
