package com.nomidio.connect.emulator.voice;

/**
 * What the verifier found in one sample.
 *
 * @param verdict       the decision
 * @param score         cosine similarity with the enrolled voiceprint (-1..1), or NaN when no comparison was made
 * @param threshold     the similarity a sample needed to pass
 * @param speechSeconds net speech found by the voice activity detector
 * @param audioSeconds  the sample's whole duration
 */
public record Verification(Verdict verdict, double score, double threshold, double speechSeconds, double audioSeconds) {

    public enum Verdict {
        MATCH,
        NO_MATCH,
        INSUFFICIENT_SPEECH,
        NOT_ENROLLED,
        UNREADABLE_AUDIO;

        public boolean passed() {
            return this == MATCH;
        }
    }

    public static Verification unreadable() {
        return new Verification(Verdict.UNREADABLE_AUDIO, Double.NaN, Double.NaN, 0, 0);
    }
}
