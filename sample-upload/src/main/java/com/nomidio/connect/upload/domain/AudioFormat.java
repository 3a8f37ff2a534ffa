package com.nomidio.connect.upload.domain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Linear PCM as a track carries it, read from the track's Matroska metadata (CodecID, the Audio element and, for
 * {@code A_MS/ACM}, the WAVEFORMATEX in CodecPrivate) rather than assumed.
 */
public record AudioFormat(int sampleRate, int bitsPerSample, int channels, boolean bigEndian) {

    public static final String PCM_LITTLE_ENDIAN = "A_PCM/INT/LIT";
    public static final String PCM_BIG_ENDIAN = "A_PCM/INT/BIG";
    public static final String MS_ACM = "A_MS/ACM";
    /** Matroska's default for an absent SamplingFrequency element. */
    static final double MATROSKA_DEFAULT_RATE = 8000.0;
    private static final int WAVE_FORMAT_PCM = 1;

    public AudioFormat {
        if (sampleRate < 1000 || sampleRate > 192_000) {
            throw new UnsupportedAudioException("sampling rate " + sampleRate + " Hz is outside 1000..192000");
        }
        if (bitsPerSample != 8 && bitsPerSample != 16 && bitsPerSample != 24 && bitsPerSample != 32) {
            throw new UnsupportedAudioException("bit depth " + bitsPerSample + " is not 8, 16, 24 or 32");
        }
        if (channels < 1 || channels > 8) {
            throw new UnsupportedAudioException("channel count " + channels + " is outside 1..8");
        }
    }

    /**
     * The format of a track from its metadata. {@code samplingFrequency}, {@code bitDepth} and {@code channels}
     * are the Audio element's children (null when absent); {@code codecPrivate} may be null.
     */
    public static AudioFormat fromTrack(String codecId, Double samplingFrequency, Long bitDepth, Long channels,
            ByteBuffer codecPrivate) {
        String codec = codecId == null ? "" : codecId.trim().toUpperCase(Locale.ROOT);
        return switch (codec) {
            case PCM_LITTLE_ENDIAN, PCM_BIG_ENDIAN -> {
                if (bitDepth == null) {
                    throw new UnsupportedAudioException(codec + " track has no BitDepth");
                }
                double rate = samplingFrequency == null ? MATROSKA_DEFAULT_RATE : samplingFrequency;
                yield new AudioFormat((int) Math.round(rate), bitDepth.intValue(),
                        channels == null ? 1 : channels.intValue(), PCM_BIG_ENDIAN.equals(codec));
            }
            case MS_ACM -> fromWaveFormatEx(codecPrivate);
            default -> throw new UnsupportedAudioException("codec " + codecId + " is not linear PCM");
        };
    }

    private static AudioFormat fromWaveFormatEx(ByteBuffer codecPrivate) {
        if (codecPrivate == null || codecPrivate.remaining() < 16) {
            throw new UnsupportedAudioException(MS_ACM + " track has no WAVEFORMATEX in CodecPrivate");
        }
        ByteBuffer wfx = codecPrivate.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int base = wfx.position();
        int formatTag = Short.toUnsignedInt(wfx.getShort(base));
        if (formatTag != WAVE_FORMAT_PCM) {
            throw new UnsupportedAudioException(MS_ACM + " format tag " + formatTag + " is not PCM");
        }
        int channels = Short.toUnsignedInt(wfx.getShort(base + 2));
        int rate = wfx.getInt(base + 4);
        int bits = Short.toUnsignedInt(wfx.getShort(base + 14));
        return new AudioFormat(rate, bits, channels, false);
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** Bytes of one sample frame (all channels). */
    public int frameSize() {
        return bytesPerSample() * channels;
    }

    /** The same sampling, one channel, little-endian: what the WAV holds. */
    public AudioFormat monoLittleEndian() {
        return channels == 1 && !bigEndian ? this : new AudioFormat(sampleRate, bitsPerSample, 1, false);
    }

    public long millisFor(long samples) {
        return samples * 1000 / sampleRate;
    }

    public long samplesFor(long millis) {
        return millis * sampleRate / 1000;
    }

    /**
     * Copies the first channel of {@code src} (in this format) into {@code dst} as little-endian mono; returns the
     * bytes written. A trailing partial sample frame is ignored.
     */
    public int toMonoLittleEndian(ByteBuffer src, byte[] dst, int dstOffset) {
        int bytes = bytesPerSample();
        int frames = src.remaining() / frameSize();
        int base = src.position();
        if (channels == 1 && !bigEndian) {
            src.duplicate().get(dst, dstOffset, frames * bytes);
            return frames * bytes;
        }
        int out = dstOffset;
        for (int f = 0; f < frames; f++) {
            int at = base + f * frameSize();
            for (int b = 0; b < bytes; b++) {
                dst[out + b] = src.get(bigEndian ? at + bytes - 1 - b : at + b);
            }
            out += bytes;
        }
        return frames * bytes;
    }

    @Override
    public String toString() {
        return sampleRate + "Hz/" + bitsPerSample + "bit/" + channels + "ch" + (bigEndian ? "/BE" : "");
    }
}
