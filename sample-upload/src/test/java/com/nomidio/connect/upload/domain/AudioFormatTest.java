package com.nomidio.connect.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class AudioFormatTest {

    @Test
    void fromTrack_whenPcmLittleEndianWithAudioElement_readsRateDepthAndChannels() {
        AudioFormat format = AudioFormat.fromTrack("A_PCM/INT/LIT  ", 16000.0, 24L, 2L, null);

        assertThat(format).isEqualTo(new AudioFormat(16000, 24, 2, false));
    }

    @Test
    void fromTrack_whenMsAcmCodec_readsTheWaveFormatExInCodecPrivate() {
        ByteBuffer wfx = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 1).putShort((short) 1).putInt(11025).putInt(22050).putShort((short) 2)
                .putShort((short) 16).putShort((short) 0);
        wfx.flip();

        assertThat(AudioFormat.fromTrack("A_MS/ACM", null, null, null, wfx)).isEqualTo(new AudioFormat(11025, 16, 1, false));
    }

    @Test
    void fromTrack_whenNotLinearPcm_refusesClearly() {
        assertThatThrownBy(() -> AudioFormat.fromTrack("A_OPUS", 48000.0, null, 1L, null))
                .isInstanceOf(UnsupportedAudioException.class).hasMessageContaining("A_OPUS");
        assertThatThrownBy(() -> AudioFormat.fromTrack("A_PCM/INT/LIT", 8000.0, null, 1L, null))
                .isInstanceOf(UnsupportedAudioException.class).hasMessageContaining("BitDepth");
    }

    @Test
    void toMonoLittleEndian_whenBigEndianStereo_keepsTheFirstChannelByteSwapped() {
        AudioFormat stereoBe = new AudioFormat(8000, 16, 2, true);
        ByteBuffer frames = ByteBuffer.wrap(new byte[] {0x12, 0x34, 0x56, 0x78, (byte) 0xAB, (byte) 0xCD, 0, 1});
        byte[] out = new byte[4];

        int written = stereoBe.toMonoLittleEndian(frames, out, 0);

        assertThat(written).isEqualTo(4);
        assertThat(out).containsExactly(0x34, 0x12, (byte) 0xCD, (byte) 0xAB);
    }
}
