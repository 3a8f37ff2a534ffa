package com.nomidio.connect.simulator.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The caller's script: fixtures and pauses, and where the last word ends. */
class CallerAudioTest {

    @Test
    void load_whenPause_givesThatMuchSilence() {
        short[] pause = CallerAudio.load("pause:1500");

        assertThat(CallerAudio.millis(pause)).isEqualTo(1500);
        assertThat(pause).containsOnly((short) 0);
        assertThat(CallerAudio.lastSoundMillis(pause)).isEqualTo(-1);
    }

    @Test
    void load_whenPauseIsNotANumberOrTooLong_refusesSayingHowToWriteIt() {
        assertThatThrownBy(() -> CallerAudio.load("pause:long")).hasMessageContaining("pause:MILLISECONDS");
        assertThatThrownBy(() -> CallerAudio.load("pause:600000")).hasMessageContaining("0 to 60000 ms");
    }

    @Test
    void lastSoundMillis_whenFixtureEndsWithItsPad_isBeforeTheEndOfTheFile() {
        short[] passphrase = CallerAudio.load("voice-a");
        short[] hesitant = CallerAudio.concat(List.of(passphrase, CallerAudio.load("pause:1500")));

        long lastWord = CallerAudio.lastSoundMillis(passphrase);
        // The fixtures carry half a second of silence after the words (fixtures/audio/README.md), and the speech
        // fades before it: the last loud window ends in the second before that pad.
        assertThat(lastWord).isBetween(CallerAudio.millis(passphrase) - 1500, CallerAudio.millis(passphrase) - 500);
        assertThat(CallerAudio.lastSoundMillis(hesitant)).isEqualTo(lastWord);
    }
}
