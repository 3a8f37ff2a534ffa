package com.nomidio.connect.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.upload.testing.Wav;
import org.junit.jupiter.api.Test;

class WavWriterTest {

    private static final AudioFormat TELEPHONE = new AudioFormat(8000, 16, 1, false);

    @Test
    void toByteArray_whenSamplesAppended_writesACanonicalPcmHeaderAndTheData() {
        WavWriter writer = new WavWriter(TELEPHONE, 100);
        writer.append(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6);

        Wav wav = Wav.parse(writer.toByteArray());

        assertThat(wav.riff()).isEqualTo("RIFF");
        assertThat(wav.riffSize()).isEqualTo(36 + 6);
        assertThat(wav.formatTag()).isEqualTo(1);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.sampleRate()).isEqualTo(8000);
        assertThat(wav.byteRate()).isEqualTo(16000);
        assertThat(wav.blockAlign()).isEqualTo(2);
        assertThat(wav.bitsPerSample()).isEqualTo(16);
        assertThat(wav.dataSize()).isEqualTo(6);
        assertThat(wav.pcm()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void append_whenCapacityReached_takesOnlyWholeSamplesThatFitAndReportsFull() {
        WavWriter writer = new WavWriter(TELEPHONE, 3);

        int taken = writer.append(new byte[10], 0, 10);

        assertThat(taken).isEqualTo(6);
        assertThat(writer.isFull()).isTrue();
        assertThat(writer.sampleCount()).isEqualTo(3);
        assertThat(writer.append(new byte[2], 0, 2)).isZero();
    }

    @Test
    void append_whenManySmallWrites_growsBeyondTheInitialBuffer() {
        WavWriter writer = new WavWriter(TELEPHONE, 200_000);
        byte[] chunk = new byte[1000];
        for (int i = 0; i < 300; i++) {
            chunk[0] = (byte) i;
            writer.append(chunk, 0, chunk.length);
        }

        byte[] wav = writer.toByteArray();

        assertThat(wav).hasSize(44 + 300_000);
        assertThat(wav[44 + 299 * 1000]).isEqualTo((byte) 299);
    }
}
