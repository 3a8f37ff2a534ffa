package com.nomidio.connect.simulator.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What the caller says, as Connect carries it: 8 kHz, 16-bit signed, mono. Read from WAV files (the JDK converts
 * other PCM rates and channel counts) or from the shared fixtures in {@code fixtures/audio/} by name.
 */
public final class CallerAudio {

    public static final int SAMPLE_RATE = 8000;
    private static final AudioFormat TELEPHONE = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
    private static final String FIXTURES = "fixtures/audio/";
    /** A scripted pause: {@code pause:1500} is 1.5 s of silence between utterances. */
    public static final String PAUSE_PREFIX = "pause:";
    /**
     * An utterance without the silence around it: {@code trim:voice-a-enrolment}. The fixtures are padded with half a
     * second each side, as a caller pauses between sentences; a caller who runs their sentences together does not.
     */
    public static final String TRIM_PREFIX = "trim:";
    /** The longest pause a script may hold: longer than any capture window. */
    private static final long MAX_PAUSE_MILLIS = 60_000;
    /**
     * Where a word ends, for the figures: the end of the last 20 ms window at or above -42 dBFS RMS (sampleUpload's
     * STANDARD VAD threshold), so "the last word" is what the capture would count as speech.
     */
    private static final double LAST_SOUND_DBFS = -42;
    private static final int WINDOW_SAMPLES = SAMPLE_RATE / 50;
    /** Short names for the shared fixtures (fixtures/audio/README.md). */
    public static final Map<String, String> FIXTURE_NAMES = Map.of(
            "voice-a", "voice-a-passphrase.wav",
            "voice-b", "voice-b-passphrase.wav",
            "silence", "silence.wav",
            "voice-a-enrolment", "voice-a-enrolment.wav",
            "voice-b-enrolment", "voice-b-enrolment.wav");

    private CallerAudio() {
    }

    /**
     * A fixture name ({@link #FIXTURE_NAMES}, or a fixture file name), a path to a WAV file, or {@code pause:MS}
     * (that many milliseconds of silence: a caller who hesitates).
     */
    public static short[] load(String source) {
        if (source.toLowerCase(Locale.ROOT).startsWith(TRIM_PREFIX)) {
            short[] utterance = load(source.substring(TRIM_PREFIX.length()).trim());
            long first = firstSoundMillis(utterance);
            long last = lastSoundMillis(utterance);
            return first < 0 ? new short[0]
                    : Arrays.copyOfRange(utterance, (int) (first * SAMPLE_RATE / 1000), (int) (last * SAMPLE_RATE / 1000));
        }
        if (source.toLowerCase(Locale.ROOT).startsWith(PAUSE_PREFIX)) {
            return pause(source.substring(PAUSE_PREFIX.length()).trim(), source);
        }
        String fixture = FIXTURE_NAMES.getOrDefault(source.toLowerCase(Locale.ROOT), source);
        Path file = Path.of(source);
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    return decode(in, source);
                }
            }
            InputStream resource = CallerAudio.class.getClassLoader().getResourceAsStream(FIXTURES + fixture);
            if (resource == null) {
                throw new IllegalArgumentException("no WAV file " + source + " and no fixture of that name (one of "
                        + FIXTURE_NAMES.keySet() + ")");
            }
            try (InputStream in = new BufferedInputStream(resource)) {
                return decode(in, source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** The utterances one after the other. */
    public static short[] concat(List<short[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        short[] all = new short[length];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    public static long millis(short[] samples) {
        return samples.length * 1000L / SAMPLE_RATE;
    }

    /** Milliseconds from the start of {@code samples} to the end of the last word, or -1 when nothing is loud enough. */
    public static long lastSoundMillis(short[] samples) {
        double threshold = Math.pow(10, LAST_SOUND_DBFS / 10) * 32768.0 * 32768.0;
        for (int end = samples.length - samples.length % WINDOW_SAMPLES; end >= WINDOW_SAMPLES; end -= WINDOW_SAMPLES) {
            double sum = 0;
            for (int i = end - WINDOW_SAMPLES; i < end; i++) {
                sum += (double) samples[i] * samples[i];
            }
            if (sum / WINDOW_SAMPLES >= threshold) {
                return end * 1000L / SAMPLE_RATE;
            }
        }
        return -1;
    }

    /** Milliseconds from the start of {@code samples} to the start of the first word, or -1 when none is loud enough. */
    static long firstSoundMillis(short[] samples) {
        double threshold = Math.pow(10, LAST_SOUND_DBFS / 10) * 32768.0 * 32768.0;
        for (int start = 0; start + WINDOW_SAMPLES <= samples.length; start += WINDOW_SAMPLES) {
            double sum = 0;
            for (int i = start; i < start + WINDOW_SAMPLES; i++) {
                sum += (double) samples[i] * samples[i];
            }
            if (sum / WINDOW_SAMPLES >= threshold) {
                return start * 1000L / SAMPLE_RATE;
            }
        }
        return -1;
    }

    private static short[] pause(String millis, String source) {
        long length;
        try {
            length = Long.parseLong(millis);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": a pause is pause:MILLISECONDS, e.g. pause:1500");
        }
        if (length < 0 || length > MAX_PAUSE_MILLIS) {
            throw new IllegalArgumentException(source + ": a pause lasts 0 to " + MAX_PAUSE_MILLIS + " ms");
        }
        return new short[(int) (length * SAMPLE_RATE / 1000)];
    }

    private static short[] decode(InputStream in, String source) throws IOException {
        try (AudioInputStream original = AudioSystem.getAudioInputStream(in)) {
            AudioInputStream audio = original;
            if (!original.getFormat().matches(TELEPHONE)) {
                audio = AudioSystem.getAudioInputStream(TELEPHONE, original);
            }
            byte[] bytes = audio.readAllBytes();
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[bytes.length / 2];
            buffer.asShortBuffer().get(samples);
            return samples;
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a WAV file the JDK can convert to 8 kHz 16-bit mono PCM: "
                    + e.getMessage(), e);
        }
    }
}
