package com.nomidio.connect.upload.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A parsed RIFF/WAVE file as the gateway received it (header fields read, not trusted). */
public record Wav(String riff, int riffSize, String wave, String fmt, int fmtSize, int formatTag, int channels,
        int sampleRate, int byteRate, int blockAlign, int bitsPerSample, String data, int dataSize, byte[] pcm) {

    public static Wav parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        String riff = ascii(file, 0);
        int riffSize = b.getInt(4);
        String wave = ascii(file, 8);
        String fmt = ascii(file, 12);
        int fmtSize = b.getInt(16);
        int dataSize = b.getInt(40);
        byte[] pcm = new byte[file.length - 44];
        System.arraycopy(file, 44, pcm, 0, pcm.length);
        return new Wav(riff, riffSize, wave, fmt, fmtSize, Short.toUnsignedInt(b.getShort(20)),
                Short.toUnsignedInt(b.getShort(22)), b.getInt(24), b.getInt(28), Short.toUnsignedInt(b.getShort(32)),
                Short.toUnsignedInt(b.getShort(34)), ascii(file, 36), dataSize, pcm);
    }

    public short[] samples16() {
        short[] out = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    private static String ascii(byte[] file, int at) {
        return new String(file, at, 4, StandardCharsets.US_ASCII);
    }
}
