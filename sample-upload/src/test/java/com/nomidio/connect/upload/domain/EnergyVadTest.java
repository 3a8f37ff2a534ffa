package com.nomidio.connect.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class EnergyVadTest {

    private static final AudioFormat TELEPHONE = new AudioFormat(8000, 16, 1, false);

    @Test
    void speechMillis_whenToneAboveThreshold_countsEveryWindow() {
        EnergyVad vad = new EnergyVad(TELEPHONE, -42);
        byte[] tone = tone(8000, 0.1); // -23 dBFS RMS

        vad.accept(tone, 0, tone.length);

        assertThat(vad.speechMillis()).isEqualTo(1000);
    }

    @Test
    void speechMillis_whenToneBelowThreshold_countsNothing() {
        EnergyVad vad = new EnergyVad(TELEPHONE, -38);
        byte[] quiet = tone(8000, 0.01); // -43 dBFS RMS: speech for STANDARD's -42? no; for HIGH's -38 neither

        vad.accept(quiet, 0, quiet.length);

        assertThat(vad.speechMillis()).isZero();
    }

    @Test
    void speechMillis_whenBurstShorterThanMinimumRun_ignoresIt() {
        EnergyVad vad = new EnergyVad(TELEPHONE, -42);
        byte[] click = tone(320, 0.5); // two 20 ms windows
        byte[] silence = new byte[3200];

        vad.accept(click, 0, click.length);
        vad.accept(silence, 0, silence.length);

        assertThat(vad.speechMillis()).isZero();
    }

    @Test
    void speechMillis_whenAudioArrivesInOddSlices_countsTheSameAsWhole() {
        byte[] tone = tone(4000, 0.2);
        EnergyVad whole = new EnergyVad(TELEPHONE, -42);
        EnergyVad sliced = new EnergyVad(TELEPHONE, -42);

        whole.accept(tone, 0, tone.length);
        for (int at = 0; at < tone.length; at += 374) {
            sliced.accept(tone, at, Math.min(374, tone.length - at));
        }

        assertThat(sliced.speechMillis()).isEqualTo(whole.speechMillis()).isEqualTo(500);
    }

    @Test
    void trailingSilenceMillis_whenSpeechThenSilence_countsOnlyTheSilenceAfterTheLastSpeech() {
        EnergyVad vad = new EnergyVad(TELEPHONE, -42);
        byte[] tone = tone(4000, 0.1);
        byte[] silence = new byte[2 * 2400]; // 300 ms

        vad.accept(silence, 0, silence.length);
        vad.accept(tone, 0, tone.length);
        assertThat(vad.trailingSilenceMillis()).isZero();
        vad.accept(silence, 0, silence.length);

        assertThat(vad.trailingSilenceMillis()).isEqualTo(300);
        assertThat(vad.inLoudRun()).isFalse();
    }

    @Test
    void trailingSilenceMillis_whenAClickFollowsTheSpeech_keepsCountingTheClickAsSilence() {
        EnergyVad vad = new EnergyVad(TELEPHONE, -42);
        byte[] tone = tone(4000, 0.1);
        byte[] click = tone(320, 0.5); // two 20 ms windows: not speech
        byte[] silence = new byte[2 * 1600]; // 200 ms

        vad.accept(tone, 0, tone.length);
        vad.accept(silence, 0, silence.length);
        vad.accept(click, 0, click.length);
        vad.accept(silence, 0, silence.length);

        assertThat(vad.trailingSilenceMillis()).isEqualTo(440);
    }

    private static byte[] tone(int samples, double amplitude) {
        ByteBuffer out = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            out.putShort((short) (Math.sin(2 * Math.PI * 300 * i / 8000.0) * amplitude * 32767));
        }
        return out.array();
    }
}
