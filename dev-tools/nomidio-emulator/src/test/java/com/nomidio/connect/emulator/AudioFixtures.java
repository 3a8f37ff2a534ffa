package com.nomidio.connect.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shared WAV fixtures of fixtures/audio, packaged on the classpath by the module's build. */
public final class AudioFixtures {

    public static final String VOICE_A_ENROLMENT = "voice-a-enrolment.wav";
    public static final String VOICE_A_PASSPHRASE = "voice-a-passphrase.wav";
    public static final String VOICE_B_ENROLMENT = "voice-b-enrolment.wav";
    public static final String VOICE_B_PASSPHRASE = "voice-b-passphrase.wav";
    public static final String SILENCE = "silence.wav";

    private AudioFixtures() {
    }

    public static byte[] wav(String name) {
        try (InputStream in = AudioFixtures.class.getResourceAsStream("/fixtures/audio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
