package com.nomidio.connect.upload.domain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A RIFF/WAVE (PCM, mono) file built in memory as audio arrives, never larger than its capacity (the capture
 * window): no temporary files, no buffering of the whole call.
 */
public final class WavWriter {

    public static final int HEADER_BYTES = 44;
    private static final int WAVE_FORMAT_PCM = 1;
    private static final int INITIAL_BYTES = 64 * 1024;

    private final AudioFormat format;
    private final int capacityBytes;
    private byte[] buffer;
    private int dataBytes;

    /** @param capacitySamples the most samples the file may hold */
    public WavWriter(AudioFormat monoFormat, long capacitySamples) {
        if (monoFormat.channels() != 1 || monoFormat.bigEndian()) {
            throw new IllegalArgumentException("a WAV here is mono little-endian PCM, not " + monoFormat);
        }
        long capacity = capacitySamples * monoFormat.bytesPerSample();
        if (capacity <= 0 || capacity > Integer.MAX_VALUE - HEADER_BYTES) {
            throw new IllegalArgumentException("WAV capacity out of range: " + capacitySamples + " samples");
        }
        this.format = monoFormat;
        this.capacityBytes = (int) capacity;
        this.buffer = new byte[HEADER_BYTES + Math.min(capacityBytes, INITIAL_BYTES)];
    }

    /** Appends as much of {@code pcm} as fits (whole samples); returns the bytes taken. */
    public int append(byte[] pcm, int offset, int length) {
        int room = capacityBytes - dataBytes;
        int take = Math.min(room, length);
        take -= take % format.bytesPerSample();
        if (take <= 0) {
            return 0;
        }
        ensure(HEADER_BYTES + dataBytes + take);
        System.arraycopy(pcm, offset, buffer, HEADER_BYTES + dataBytes, take);
        dataBytes += take;
        return take;
    }

    private void ensure(int needed) {
        if (needed > buffer.length) {
            int grown = (int) Math.min((long) HEADER_BYTES + capacityBytes, Math.max(needed, 2L * buffer.length));
            buffer = Arrays.copyOf(buffer, grown);
        }
    }

    public boolean isFull() {
        return dataBytes >= capacityBytes - (capacityBytes % format.bytesPerSample());
    }

    public long sampleCount() {
        return dataBytes / format.bytesPerSample();
    }

    public AudioFormat format() {
        return format;
    }

    /** The complete file: header then data. */
    public byte[] toByteArray() {
        byte[] wav = buffer.length == HEADER_BYTES + dataBytes ? buffer : Arrays.copyOf(buffer, HEADER_BYTES + dataBytes);
        ByteBuffer header = ByteBuffer.wrap(wav, 0, HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = format.bytesPerSample();
        header.put((byte) 'R').put((byte) 'I').put((byte) 'F').put((byte) 'F')
                .putInt(36 + dataBytes)
                .put((byte) 'W').put((byte) 'A').put((byte) 'V').put((byte) 'E')
                .put((byte) 'f').put((byte) 'm').put((byte) 't').put((byte) ' ')
                .putInt(16)
                .putShort((short) WAVE_FORMAT_PCM)
                .putShort((short) 1)
                .putInt(format.sampleRate())
                .putInt(format.sampleRate() * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) format.bitsPerSample())
                .put((byte) 'd').put((byte) 'a').put((byte) 't').put((byte) 'a')
                .putInt(dataBytes);
        return wav;
    }
}
