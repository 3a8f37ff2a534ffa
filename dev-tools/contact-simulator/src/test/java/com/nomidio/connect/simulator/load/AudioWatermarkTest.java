package com.nomidio.connect.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.simulator.audio.CallerAudio;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The mark the load mode puts in each caller's audio, read back from a WAV as sampleUpload writes it. */
class AudioWatermarkTest {

    private static final short[] VOICE = CallerAudio.load("voice-a");

    @Test
    void read_whenTheSampleIsOneCallersAudioFromAnyOffset_attributesEveryBlockToThem() {
        short[] marked = AudioWatermark.mark(VOICE, 137);

        AudioWatermark.Reading reading = AudioWatermark.read(wav(Arrays.copyOfRange(marked, 5, 5 + 64 * 40)));

        assertThat(reading.blocksByCall()).containsOnlyKeys(137);
        assertThat(reading.foreignBlocks(137)).isZero();
    }

    @Test
    void read_whenAnotherCallersAudioFollows_countsItsBlocksAsForeign() {
        short[] mine = Arrays.copyOfRange(AudioWatermark.mark(VOICE, 3), 0, 64 * 10);
        short[] theirs = Arrays.copyOfRange(AudioWatermark.mark(VOICE, 4), 0, 64 * 6);

        AudioWatermark.Reading reading = AudioWatermark.read(wav(concat(mine, theirs)));

        assertThat(reading.blocksByCall()).containsEntry(3, 10).containsEntry(4, 6);
        assertThat(reading.foreignBlocks(3)).isEqualTo(6);
    }

    @Test
    void read_whenAudioCarriesNoMark_countsItAsForeign() {
        short[] mine = Arrays.copyOfRange(AudioWatermark.mark(VOICE, 9), 0, 64 * 10);
        short[] unmarked = Arrays.copyOfRange(CallerAudio.load("voice-b"), 8000, 8000 + 64 * 4);

        AudioWatermark.Reading reading = AudioWatermark.read(wav(concat(mine, unmarked)));

        assertThat(reading.unmarkedBlocks()).isEqualTo(4);
        assertThat(reading.foreignBlocks(9)).isEqualTo(4);
    }

    @Test
    void read_whenTheCallerStartsSpeakingAfterDigitalSilence_attributesTheMixedBlockToThem() {
        for (int zeros = 1; zeros < 64; zeros++) {
            short[] speech = Arrays.copyOfRange(AudioWatermark.mark(VOICE, 21), 4000, 4000 + 64 * 3 - zeros);

            AudioWatermark.Reading reading = AudioWatermark.read(wav(concat(new short[zeros], speech)));

            assertThat(reading.foreignBlocks(21)).as("%d zeros first", zeros).isZero();
            assertThat(reading.blocksByCall().get(21)).as("%d zeros first", zeros).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void read_whenUnmarkedSoundFollowsDigitalSilence_countsItAsForeign() {
        short[] unmarked = Arrays.copyOfRange(CallerAudio.load("voice-b"), 8000, 8000 + 64 * 3 - 20);

        AudioWatermark.Reading reading = AudioWatermark.read(wav(concat(new short[20], unmarked)));

        assertThat(reading.unmarkedBlocks()).isEqualTo(3);
    }

    @Test
    void code_whenReadAtAnyRotation_namesOnlyItsOwnCall() {
        for (int number = 0; number < 300; number++) {
            short[] marked = AudioWatermark.mark(new short[64 * 2 + 15], number);
            for (int offset = 0; offset < 16; offset++) {
                assertThat(AudioWatermark.read(wav(Arrays.copyOfRange(marked, offset, offset + 64))).blocksByCall())
                        .containsOnlyKeys(number);
            }
        }
    }

    private static short[] concat(short[] a, short[] b) {
        short[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A 44-byte header (its content does not matter to the reader) and little-endian PCM, as WavWriter writes. */
    private static byte[] wav(short[] samples) {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            pcm.putShort(sample);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[44]);
        out.writeBytes(pcm.array());
        return out.toByteArray();
    }
}
