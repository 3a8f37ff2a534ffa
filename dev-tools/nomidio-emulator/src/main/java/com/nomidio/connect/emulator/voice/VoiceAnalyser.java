package com.nomidio.connect.emulator.voice;

import java.util.Arrays;

/**
 * Finds the speech in a recording with an energy-based voice activity detector and summarises it as a
 * mel-cepstral voiceprint: 32 ms Hamming frames, 20 mel bands between 100 and 3800 Hz (the telephone band),
 * log band energies, DCT, c1..c12 averaged over the speech frames. c0 (loudness) is left out so the gain of
 * the line does not matter.
 */
public final class VoiceAnalyser {

    static final int BANDS = 20;
    static final int COEFFICIENTS = 12;
    private static final double LOW_HZ = 100;
    private static final double HIGH_HZ = 3800;
    private static final double FRAME_SECONDS = 0.032;
    private static final double PRE_EMPHASIS = 0.97;
    /** Quieter frames than this are never speech (digital silence, line hiss). */
    private static final double ABSOLUTE_FLOOR_DBFS = -45;
    /** Speech frames are within this of the recording's loud frames (95th percentile of frame energy). */
    private static final double BELOW_LOUD_DB = 30;
    /** Speech rises and falls by syllable; a recording whose loud and quiet frames differ less is a steady noise. */
    private static final double MIN_MODULATION_DB = 10;

    /** What a recording holds: its speech and, when there is any, the voiceprint of that speech. */
    public record Analysis(double audioSeconds, double speechSeconds, Voiceprint voiceprint) {
    }

    public Analysis analyse(PcmAudio audio) {
        int frameLength = Integer.highestOneBit((int) Math.ceil(FRAME_SECONDS * audio.sampleRate()) * 2 - 1);
        int hop = frameLength / 2;
        float[] x = audio.samples();
        int frames = x.length < frameLength ? 0 : 1 + (x.length - frameLength) / hop;
        if (frames == 0) {
            return new Analysis(audio.durationSeconds(), 0, null);
        }
        double[] energyDb = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = 0; i < frameLength; i++) {
                double v = x[f * hop + i];
                sum += v * v;
            }
            energyDb[f] = 10 * Math.log10(sum / frameLength + 1e-12);
        }
        boolean[] speech = detectSpeech(energyDb);
        int speechFrames = 0;
        double[] mean = new double[COEFFICIENTS];
        double[][] filters = melFilters(frameLength, audio.sampleRate());
        double[] window = hamming(frameLength);
        for (int f = 0; f < frames; f++) {
            if (!speech[f]) {
                continue;
            }
            double[] cepstrum = cepstrum(x, f * hop, window, filters);
            for (int c = 0; c < COEFFICIENTS; c++) {
                mean[c] += cepstrum[c];
            }
            speechFrames++;
        }
        double speechSeconds = speechFrames * hop / (double) audio.sampleRate();
        if (speechFrames == 0) {
            return new Analysis(audio.durationSeconds(), 0, null);
        }
        for (int c = 0; c < COEFFICIENTS; c++) {
            mean[c] /= speechFrames;
        }
        return new Analysis(audio.durationSeconds(), speechSeconds, new Voiceprint(mean));
    }

    private static boolean[] detectSpeech(double[] energyDb) {
        double[] sorted = energyDb.clone();
        Arrays.sort(sorted);
        double loud = sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
        double quiet = sorted[(int) Math.floor(0.10 * (sorted.length - 1))];
        boolean[] speech = new boolean[energyDb.length];
        if (loud - quiet < MIN_MODULATION_DB) {
            return speech;
        }
        double threshold = Math.max(ABSOLUTE_FLOOR_DBFS, loud - BELOW_LOUD_DB);
        for (int f = 0; f < energyDb.length; f++) {
            speech[f] = energyDb[f] > threshold;
        }
        return speech;
    }

    private static double[] cepstrum(float[] x, int start, double[] window, double[][] filters) {
        int n = window.length;
        double[] frame = new double[n];
        double previous = start > 0 ? x[start - 1] : 0;
        for (int i = 0; i < n; i++) {
            double current = x[start + i];
            frame[i] = (current - PRE_EMPHASIS * previous) * window[i];
            previous = current;
        }
        double[] power = Fft.powerSpectrum(frame);
        double[] logBands = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            double energy = 0;
            for (int k = 0; k < power.length; k++) {
                energy += filters[b][k] * power[k];
            }
            logBands[b] = Math.log(energy + 1e-10);
        }
        double[] cepstrum = new double[COEFFICIENTS];
        for (int c = 1; c <= COEFFICIENTS; c++) {
            double sum = 0;
            for (int b = 0; b < BANDS; b++) {
                sum += logBands[b] * Math.cos(Math.PI * c * (b + 0.5) / BANDS);
            }
            cepstrum[c - 1] = sum;
        }
        return cepstrum;
    }

    private static double[][] melFilters(int frameLength, float sampleRate) {
        double high = Math.min(HIGH_HZ, 0.475 * sampleRate);
        double[] edges = new double[BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = fromMel(toMel(LOW_HZ) + i * (toMel(high) - toMel(LOW_HZ)) / (BANDS + 1));
        }
        double[][] filters = new double[BANDS][frameLength / 2 + 1];
        for (int b = 0; b < BANDS; b++) {
            for (int k = 0; k <= frameLength / 2; k++) {
                double hz = k * sampleRate / (double) frameLength;
                double rising = (hz - edges[b]) / (edges[b + 1] - edges[b]);
                double falling = (edges[b + 2] - hz) / (edges[b + 2] - edges[b + 1]);
                filters[b][k] = Math.max(0, Math.min(rising, falling));
            }
        }
        return filters;
    }

    private static double[] hamming(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return w;
    }

    private static double toMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double fromMel(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
