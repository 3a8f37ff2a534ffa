package com.nomidio.connect.simulator.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Short names for the shared fixtures (fixtures/audio/README.md). */
    public static final Map<String, String> FIXTURE_NAMES = Map.of(
            "voice-a", "voice-a-passphrase.wav",
            "voice-b", "voice-b-passphrase.wav",
            "silence", "silence.wav",
            "voice-a-enrolment", "voice-a-enrolment.wav",
            "voice-b-enrolment", "voice-b-enrolment.wav");

    private CallerAudio() {
    }

    /** A fixture name ({@link #FIXTURE_NAMES}, or a fixture file name) or a path to a WAV file. */
    public static short[] load(String source) {
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
