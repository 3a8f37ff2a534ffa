package com.nomidio.connect.upload.domain;

import com.nomidio.connect.domain.AuthLevel;
import java.time.Duration;
import java.util.Locale;

/**
 * How much of the caller to capture for a challenge level.
 *
 * <p>Defaults, and why: Amazon Connect Voice ID answers Inconclusive below about 10 s of speech, and peer
 * text-independent verifiers ask for 5-10 s of net speech. HIGH is the stricter operating point (its voice check is
 * held to a lower false-accept rate), which needs more speech for the same false-reject rate, so it waits for Voice
 * ID's 10 s; STANDARD waits for 8 s, in the middle of the peers' range. Below the minimum (4 s / 6 s, half the
 * peers' upper bound and 60 % of the target) a verifier has too little to decide, so the challenge is cancelled
 * rather than failed. The capture window (20 s / 25 s) leaves room for a caller who starts a few seconds late
 * and keeps the WAV (at 8 kHz/16 bit, 320-400 KB) small, inside a 30 s Lambda timeout. The VAD threshold is an
 * RMS level over 20 ms windows: telephone speech sits around -20 to -30 dBFS and line noise below -50 dBFS, so
 * -42 dBFS counts soft speech as speech for STANDARD while HIGH's -38 dBFS counts only clearly voiced audio.
 *
 * <p>End-pointing: once the minimum is captured, a caller who has stopped talking is not kept waiting for the target
 * or the window. 700 ms of silence ends the capture: longer than the pauses between words and between the phrases
 * of one answer (typically 200-500 ms), short enough that the verdict can follow the last word within about two
 * seconds. Before the minimum, silence never ends the capture (a hesitant caller is never cut off while still
 * giving their sample); 0 turns end-pointing off.
 *
 * @param targetSpeech     stop as soon as this much net speech is captured
 * @param minimumSpeech    below this, cancel the challenge instead of uploading
 * @param window           the most caller audio read for one sample
 * @param vadThresholdDbfs a 20 ms window is speech when its RMS level reaches this (dB re full scale)
 * @param endSilence       with at least the minimum captured, stop after this much silence following speech (0: never)
 */
public record CapturePolicy(Duration targetSpeech, Duration minimumSpeech, Duration window, double vadThresholdDbfs,
        Duration endSilence) {

    /** The default end-pointing silence, for both levels. */
    public static final Duration DEFAULT_END_SILENCE = Duration.ofMillis(700);

    /** The VAD's analysis window. */
    public static final Duration VAD_WINDOW = Duration.ofMillis(20);
    /** A run shorter than this (clicks, line pops) is not speech. */
    public static final int MIN_SPEECH_RUN_WINDOWS = 3;

    public CapturePolicy {
        if (minimumSpeech.isNegative() || minimumSpeech.compareTo(targetSpeech) > 0
                || targetSpeech.compareTo(window) > 0 || window.toMillis() < VAD_WINDOW.toMillis()) {
            throw new IllegalArgumentException("capture policy needs 0 <= minimumSpeech <= targetSpeech <= window: "
                    + describe(targetSpeech, minimumSpeech, window, vadThresholdDbfs));
        }
        if (!(vadThresholdDbfs < 0 && vadThresholdDbfs > -96)) {
            throw new IllegalArgumentException("vadThresholdDbfs must be in (-96, 0): " + vadThresholdDbfs);
        }
        if (endSilence.isNegative()) {
            throw new IllegalArgumentException("endSilenceMs must be 0 or more: " + endSilence.toMillis());
        }
    }

    /** A policy with the default end-pointing silence. */
    public CapturePolicy(Duration targetSpeech, Duration minimumSpeech, Duration window, double vadThresholdDbfs) {
        this(targetSpeech, minimumSpeech, window, vadThresholdDbfs, DEFAULT_END_SILENCE);
    }

    public static CapturePolicy defaultFor(AuthLevel level) {
        return switch (level) {
            case STANDARD -> new CapturePolicy(Duration.ofSeconds(8), Duration.ofSeconds(4), Duration.ofSeconds(20), -42);
            case HIGH -> new CapturePolicy(Duration.ofSeconds(10), Duration.ofSeconds(6), Duration.ofSeconds(25), -38);
        };
    }

    /**
     * This policy with some values replaced, from {@code key=value} pairs separated by commas:
     * {@code targetSpeechMs}, {@code minimumSpeechMs}, {@code windowMs}, {@code vadThresholdDbfs}, {@code endSilenceMs}.
     */
    public CapturePolicy withOverrides(String spec) {
        if (spec == null || spec.isBlank()) {
            return this;
        }
        Duration target = targetSpeech;
        Duration minimum = minimumSpeech;
        Duration maxWindow = window;
        double threshold = vadThresholdDbfs;
        Duration silence = endSilence;
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("capture policy entry is not key=value: " + pair.trim());
            }
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv[1].trim();
            try {
                switch (key) {
                    case "targetspeechms" -> target = Duration.ofMillis(Long.parseLong(value));
                    case "minimumspeechms" -> minimum = Duration.ofMillis(Long.parseLong(value));
                    case "windowms" -> maxWindow = Duration.ofMillis(Long.parseLong(value));
                    case "vadthresholddbfs" -> threshold = Double.parseDouble(value);
                    case "endsilencems" -> silence = Duration.ofMillis(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown capture policy key: " + kv[0].trim());
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("capture policy value is not a number: " + pair.trim());
            }
        }
        return new CapturePolicy(target, minimum, maxWindow, threshold, silence);
    }

    @Override
    public String toString() {
        return describe(targetSpeech, minimumSpeech, window, vadThresholdDbfs) + ",endSilenceMs=" + endSilence.toMillis();
    }

    /** True when end-pointing is on. */
    public boolean endPointing() {
        return !endSilence.isZero();
    }

    private static String describe(Duration target, Duration minimum, Duration window, double threshold) {
        return "targetSpeechMs=" + target.toMillis() + ",minimumSpeechMs=" + minimum.toMillis()
                + ",windowMs=" + window.toMillis() + ",vadThresholdDbfs=" + threshold;
    }
}
