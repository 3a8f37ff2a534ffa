package com.nomidio.connect.simulator.load;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Marks each simulated caller's audio with their call number in the least significant bit of every 16-bit sample (a
 * 16-bit code word repeated: a fixed 4-bit marker and a 12-bit call number), 1 LSB, far below anything the
 * emulator's voice check or sampleUpload's voice activity measure can hear. sampleUpload copies the caller track's
 * PCM into the WAV untouched, so the sample the gateway receives says, block by block, whose stream each part was read
 * from: the load mode's cross-contact check. Audio without the mark (another contact's fragment at the head of a
 * reused stream, or anything else) reads as unmarked.
 */
final class AudioWatermark {

    /** Samples per block read back: four code words, so a block is either all one caller's or not periodic. */
    static final int BLOCK = 64;
    private static final int MARKER = 0b1011;
    /**
     * The code words in use: marker and 12 bits whose rotations show the marker nowhere else, so that a block read at
     * any phase decodes to one caller only. Call number n uses the n-th of them.
     */
    private static final int[] CODES = IntStream.range(0, 1 << 12).map(n -> MARKER << 12 | n)
            .filter(code -> IntStream.range(1, 16).noneMatch(r -> rotate(code, r) >>> 12 == MARKER))
            .toArray();
    private static final Map<Integer, Integer> NUMBERS = new HashMap<>();

    static {
        for (int i = 0; i < CODES.length; i++) {
            NUMBERS.put(CODES[i], i);
        }
    }

    static final int MAX_CALLS = CODES.length;

    private AudioWatermark() {
    }

    /** The code word of call {@code number} (0-based, below {@link #MAX_CALLS}). */
    static int code(int number) {
        if (number < 0 || number >= MAX_CALLS) {
            throw new IllegalArgumentException("call number " + number + " cannot be marked (0.." + (MAX_CALLS - 1) + ")");
        }
        return CODES[number];
    }

    private static int rotate(int word, int by) {
        return (word << by | word >>> (16 - by)) & 0xFFFF;
    }

    /** {@code audio} with call {@code number}'s mark, as a new array; sample i carries bit (15 - i mod 16) of the code. */
    static short[] mark(short[] audio, int number) {
        int code = code(number);
        short[] marked = new short[audio.length];
        for (int i = 0; i < audio.length; i++) {
            int bit = code >> (15 - (i & 15)) & 1;
            marked[i] = (short) ((audio[i] & ~1) | bit);
        }
        return marked;
    }

    /** What the blocks of a WAV sample (16-bit little-endian PCM after its 44-byte header) say about their source. */
    record Reading(Map<Integer, Integer> blocksByCall, int unmarkedBlocks, int silentBlocks) {

        /** Blocks from any call other than {@code number}, plus blocks with no readable mark. */
        int foreignBlocks(int number) {
            int foreign = unmarkedBlocks;
            for (Map.Entry<Integer, Integer> e : blocksByCall.entrySet()) {
                if (e.getKey() != number) {
                    foreign += e.getValue();
                }
            }
            return foreign;
        }
    }

    static Reading read(byte[] wav) {
        ByteBuffer pcm = ByteBuffer.wrap(wav, 44, Math.max(0, wav.length - 44)).slice().order(ByteOrder.LITTLE_ENDIAN);
        int samples = pcm.remaining() / 2;
        Map<Integer, Integer> byCall = new HashMap<>();
        int unmarked = 0;
        int silent = 0;
        for (int start = 0; start + BLOCK <= samples; start += BLOCK) {
            short[] block = new short[BLOCK];
            boolean allZero = true;
            boolean someZero = false;
            for (int i = 0; i < BLOCK; i++) {
                block[i] = pcm.getShort((start + i) * 2);
                allZero &= block[i] == 0;
                someZero |= block[i] == 0;
            }
            if (allZero) {
                // Digital silence carries no mark: the simulated caller is silent (zeros) until the prompt asks them.
                silent++;
                continue;
            }
            Integer number = decode(block, false);
            if (number == null && someZero) {
                // Where the caller starts (or stops) speaking, a block holds digital silence and marked sound: read
                // the mark from the sound alone.
                number = decode(block, true);
                if (number == null && tooLittleSound(block)) {
                    // Less than one code word of sound beside the silence cannot be attributed either way.
                    silent++;
                    continue;
                }
            }
            if (number == null) {
                unmarked++;
            } else {
                byCall.merge(number, 1, Integer::sum);
            }
        }
        return new Reading(byCall, unmarked, silent);
    }

    /**
     * The call number of a block whose bits repeat one marked code word, at any phase; else null. With {@code
     * skipZeros}, exact zeros (digital silence) say nothing and every one of the 16 bit positions is read from sound.
     */
    private static Integer decode(short[] block, boolean skipZeros) {
        int[] bits = new int[16];
        Arrays.fill(bits, -1);
        for (int i = 0; i < block.length; i++) {
            if (skipZeros && block[i] == 0) {
                continue;
            }
            int bit = block[i] & 1;
            if (bits[i % 16] == -1) {
                bits[i % 16] = bit;
            } else if (bits[i % 16] != bit) {
                return null;
            }
        }
        if (Arrays.stream(bits).anyMatch(bit -> bit == -1)) {
            return null;
        }
        for (int phase = 0; phase < 16; phase++) {
            int word = 0;
            for (int i = 0; i < 16; i++) {
                word = word << 1 | bits[(i - phase + 16) % 16];
            }
            // bits[j] carries code bit (15 - (j + offset) mod 16) for the block's unknown offset: try each rotation.
            Integer number = NUMBERS.get(word);
            if (number != null) {
                return number;
            }
        }
        return null;
    }

    /** Some bit position is never read from a non-zero sample: the sound is shorter than one code word. */
    private static boolean tooLittleSound(short[] block) {
        boolean[] seen = new boolean[16];
        for (int i = 0; i < block.length; i++) {
            seen[i % 16] |= block[i] != 0;
        }
        for (boolean position : seen) {
            if (!position) {
                return true;
            }
        }
        return false;
    }
}
