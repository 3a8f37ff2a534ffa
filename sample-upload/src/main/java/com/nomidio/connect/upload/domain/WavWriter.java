package com.nomidio.connect.upload.domain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A RIFF/WAVE (PCM, mono) file built in memory as audio arrives, never larger than its capacity (the capture
 * window): no temporary files, no buffering of the whole call. Data is kept in fixed-size chunks so that growing
 * never copies what is already there (a doubling array would need three times the data at its last growth).
 */
public final class WavWriter {

    public static final int HEADER_BYTES = 44;
    private static final int WAVE_FORMAT_PCM = 1;
    private static final int CHUNK_BYTES = 64 * 1024;

    private final AudioFormat format;
    private final int capacityBytes;
    private final List<byte[]> chunks = new ArrayList<>();
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
        this.capacityBytes = (int) (capacity - capacity % monoFormat.bytesPerSample());
    }

    /** Appends as much of {@code pcm} as fits (whole samples); returns the bytes taken. */
    public int append(byte[] pcm, int offset, int length) {
        int take = Math.min(capacityBytes - dataBytes, length);
        take -= take % format.bytesPerSample();
        int copied = 0;
        while (copied < take) {
            int inChunk = dataBytes % CHUNK_BYTES;
            if (inChunk == 0) {
                chunks.add(new byte[Math.min(CHUNK_BYTES, capacityBytes - dataBytes)]);
            }
            byte[] chunk = chunks.get(chunks.size() - 1);
            int n = Math.min(take - copied, chunk.length - inChunk);
            System.arraycopy(pcm, offset + copied, chunk, inChunk, n);
            copied += n;
            dataBytes += n;
        }
        return take;
    }

    public boolean isFull() {
        return dataBytes >= capacityBytes;
    }

    public long sampleCount() {
        return dataBytes / format.bytesPerSample();
    }

    public AudioFormat format() {
        return format;
    }

    /** The complete file: header then data. */
    public byte[] toByteArray() {
        byte[] wav = new byte[HEADER_BYTES + dataBytes];
        int at = HEADER_BYTES;
        for (byte[] chunk : chunks) {
            int n = Math.min(chunk.length, HEADER_BYTES + dataBytes - at);
            System.arraycopy(chunk, 0, wav, at, n);
            at += n;
        }
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
