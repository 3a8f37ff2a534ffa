package com.nomidio.connect.upload.domain;

/**
 * Energy voice-activity measure: the RMS level of each 20 ms window of mono little-endian PCM against a threshold;
 * a window counts as speech only inside a run of at least {@link CapturePolicy#MIN_SPEECH_RUN_WINDOWS} loud windows.
 * State carries over between calls, so audio may arrive in any slicing.
 */
public final class EnergyVad {

    private static final double SCALE_16_SQUARED = 1.0 / (32768.0 * 32768.0);

    private final AudioFormat format;
    private final int bytesPerSample;
    private final int windowSamples;
    private final double thresholdMeanSquare;
    private double sumSquares;
    private int samplesInWindow;
    private int run;
    private long speechWindows;
    /** Closed windows since the last one counted as speech (all of them before any speech). */
    private long windowsSinceSpeech;

    public EnergyVad(AudioFormat monoFormat, double thresholdDbfs) {
        if (monoFormat.channels() != 1 || monoFormat.bigEndian()) {
            throw new IllegalArgumentException("the VAD reads mono little-endian PCM, not " + monoFormat);
        }
        this.format = monoFormat;
        this.bytesPerSample = monoFormat.bytesPerSample();
        this.windowSamples = (int) monoFormat.samplesFor(CapturePolicy.VAD_WINDOW.toMillis());
        // Compare mean squares, not decibels: no logarithm per window.
        this.thresholdMeanSquare = Math.pow(10, thresholdDbfs / 10);
    }

    /** A copy that goes on from where {@code other} is, leaving {@code other} as it was. */
    public EnergyVad(EnergyVad other) {
        this.format = other.format;
        this.bytesPerSample = other.bytesPerSample;
        this.windowSamples = other.windowSamples;
        this.thresholdMeanSquare = other.thresholdMeanSquare;
        this.sumSquares = other.sumSquares;
        this.samplesInWindow = other.samplesInWindow;
        this.run = other.run;
        this.speechWindows = other.speechWindows;
        this.windowsSinceSpeech = other.windowsSinceSpeech;
    }

    public void accept(byte[] pcm, int offset, int length) {
        int end = offset + length - (length % bytesPerSample);
        if (bytesPerSample == 2) {
            accept16(pcm, offset, end);
            return;
        }
        double scale = 1.0 / (1L << (format.bitsPerSample() - 1));
        for (int i = offset; i < end; i += bytesPerSample) {
            double sample = sampleAt(pcm, i) * scale;
            sumSquares += sample * sample;
            if (++samplesInWindow == windowSamples) {
                closeWindow();
            }
        }
    }

    /** The telephone case: this loop runs over every caller sample, so it sums integer squares per window. */
    private void accept16(byte[] pcm, int offset, int end) {
        int i = offset;
        while (i < end) {
            int take = Math.min((end - i) / 2, windowSamples - samplesInWindow);
            int stop = i + take * 2;
            long squares = 0;
            for (; i < stop; i += 2) {
                int sample = (pcm[i] & 0xFF) | (pcm[i + 1] << 8);
                squares += (long) sample * sample;
            }
            sumSquares += squares * SCALE_16_SQUARED;
            samplesInWindow += take;
            if (samplesInWindow == windowSamples) {
                closeWindow();
            }
        }
    }

    private int sampleAt(byte[] pcm, int i) {
        return switch (bytesPerSample) {
            case 1 -> (pcm[i] & 0xFF) - 128; // 8-bit PCM is unsigned
            case 2 -> (pcm[i] & 0xFF) | (pcm[i + 1] << 8);
            case 3 -> (pcm[i] & 0xFF) | ((pcm[i + 1] & 0xFF) << 8) | (pcm[i + 2] << 16);
            default -> (pcm[i] & 0xFF) | ((pcm[i + 1] & 0xFF) << 8) | ((pcm[i + 2] & 0xFF) << 16) | (pcm[i + 3] << 24);
        };
    }

    private void closeWindow() {
        boolean loud = sumSquares / windowSamples >= thresholdMeanSquare;
        sumSquares = 0;
        samplesInWindow = 0;
        if (!loud) {
            run = 0;
            windowsSinceSpeech++;
            return;
        }
        run++;
        if (run == CapturePolicy.MIN_SPEECH_RUN_WINDOWS) {
            speechWindows += run;
            windowsSinceSpeech = 0;
        } else if (run > CapturePolicy.MIN_SPEECH_RUN_WINDOWS) {
            speechWindows++;
            windowsSinceSpeech = 0;
        } else {
            windowsSinceSpeech++;
        }
    }

    /** How long since the last speech (the whole audio when there was none). */
    public long trailingSilenceMillis() {
        return windowsSinceSpeech * CapturePolicy.VAD_WINDOW.toMillis();
    }

    /** True while loud windows are coming in: what sounds like silence may be the start of a word. */
    public boolean inLoudRun() {
        return run > 0;
    }

    public long speechMillis() {
        return speechWindows * CapturePolicy.VAD_WINDOW.toMillis();
    }
}
