package com.nomidio.connect.emulator.voice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes float samples as a 16-bit PCM WAV, for test inputs derived from the fixtures. */
final class WavWriter {

    private WavWriter() {
    }

    static byte[] wav(float[] interleaved, float sampleRate, int channels) {
        byte[] pcm = new byte[interleaved.length * 2];
        for (int i = 0; i < interleaved.length; i++) {
            int value = Math.max(-32768, Math.min(32767, Math.round(interleaved[i] * 32768f)));
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format,
                interleaved.length / channels)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
