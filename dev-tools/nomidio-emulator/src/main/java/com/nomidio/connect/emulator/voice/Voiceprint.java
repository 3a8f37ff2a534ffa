package com.nomidio.connect.emulator.voice;

import java.util.Arrays;

/** A speaker's spectral signature: the mean cepstrum (c1..cN) of the speech frames of a recording. */
public final class Voiceprint {

    private final double[] vector;

    public Voiceprint(double[] vector) {
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("empty voiceprint");
        }
        this.vector = vector.clone();
    }

    /** Cosine similarity, 1 for the same direction, 0 when unrelated. */
    public double similarity(Voiceprint other) {
        if (other.vector.length != vector.length) {
            throw new IllegalArgumentException("voiceprints of different dimensions");
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * other.vector[i];
            normA += vector[i] * vector[i];
            normB += other.vector[i] * other.vector[i];
        }
        if (normA == 0 || normB == 0) {
            return 0;
        }
        return dot / Math.sqrt(normA * normB);
    }

    @Override
    public String toString() {
        return "Voiceprint" + Arrays.toString(Arrays.stream(vector).map(v -> Math.round(v * 100) / 100.0).toArray());
    }
}
