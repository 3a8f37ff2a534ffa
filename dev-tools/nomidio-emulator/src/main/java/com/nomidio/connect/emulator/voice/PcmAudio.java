package com.nomidio.connect.emulator.voice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Mono audio as floats in [-1, 1], decoded from a WAV file with the JDK's sound API (PCM, mu-law, A-law). */
public record PcmAudio(float[] samples, float sampleRate) {

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /** Checks, from its header alone, that the bytes are a WAVE file the JDK can read. */
    public static void requireWav(byte[] wav) throws InvalidAudioException {
        if (wav == null || wav.length < 44) {
            throw new InvalidAudioException("not a WAV file: " + (wav == null ? 0 : wav.length) + " bytes");
        }
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
            if (format.getType() != AudioFileFormat.Type.WAVE) {
                throw new InvalidAudioException("not RIFF WAVE but " + format.getType());
            }
        } catch (UnsupportedAudioFileException e) {
            throw new InvalidAudioException("not a WAV file the emulator can read");
        } catch (IOException e) {
            throw new InvalidAudioException("unreadable audio: " + e.getMessage());
        }
    }

    /** Decodes a RIFF WAVE; multi-channel audio is averaged to mono. */
    public static PcmAudio fromWav(byte[] wav) throws InvalidAudioException {
        if (wav == null || wav.length < 44) {
            throw new InvalidAudioException("not a WAV file: " + (wav == null ? 0 : wav.length) + " bytes");
        }
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = source.getFormat();
            AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, format.getSampleRate(), 16,
                    format.getChannels(), 2 * format.getChannels(), format.getSampleRate(), false);
            try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm16, source)) {
                return toMono(decoded.readAllBytes(), format.getChannels(), format.getSampleRate());
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new InvalidAudioException("unsupported audio: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidAudioException("unreadable audio: " + e.getMessage());
        }
    }

    private static PcmAudio toMono(byte[] littleEndian16, int channels, float sampleRate) throws InvalidAudioException {
        if (channels < 1 || sampleRate <= 0) {
            throw new InvalidAudioException("audio without channels or sample rate");
        }
        int frames = littleEndian16.length / (2 * channels);
        float[] samples = new float[frames];
        for (int frame = 0; frame < frames; frame++) {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                int at = 2 * (frame * channels + channel);
                sum += (short) ((littleEndian16[at] & 0xff) | (littleEndian16[at + 1] << 8)) / 32768f;
            }
            samples[frame] = sum / channels;
        }
        return new PcmAudio(samples, sampleRate);
    }

    /** The bytes are not audio this emulator can read. */
    public static final class InvalidAudioException extends Exception {
        public InvalidAudioException(String message) {
            super(message);
        }
    }
}
