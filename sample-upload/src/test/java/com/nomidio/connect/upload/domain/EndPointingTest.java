package com.nomidio.connect.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.upload.adapters.ConnectStreams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End-pointing: the capture ends when the minimum speech is in and the caller has gone quiet, and never before the
 * minimum. Fed whole 1 s fragments of this contact (speech: a -23 dBFS tone; silence: zeros), as KvsMkvReader feeds
 * them; every figure is on the stream's producer clock, so nothing here depends on how fast the test runs.
 */
class EndPointingTest {

    private static final String CONTACT_ID = "7a2f4c1e-9b3d-4e5f-8a6b-1c2d3e4f5a6b";
    private static final AudioFormat PCM_8K = AudioFormat.fromTrack("A_PCM/INT/LIT", 8000.0, 16L, 1L, null);
    private static final CapturePolicy STANDARD = CapturePolicy.defaultFor(AuthLevel.STANDARD);

    @Test
    void result_whenMinimumSpokenThenSilence_stopsAtTheFirstFragmentWithTheEndSilence() {
        // 4.5 s of speech (minimum 4 s), then silence: the fragment ending at 5 s holds 500 ms of it, the next 1.5 s.
        CaptureResult result = feed(STANDARD, speech(4500), silence(10_000));

        assertThat(result.stopReason()).isEqualTo(StopReason.CALLER_STOPPED);
        assertThat(result.speechMillis()).isBetween(4400L, 4500L);
        assertThat(result.audioMillis()).isEqualTo(6000); // the capture ended 1.5 s after the last speech
        assertThat(result.audioMillis() - 4500).isGreaterThanOrEqualTo(STANDARD.endSilence().toMillis());
    }

    @Test
    void result_whenHesitantCallerPausesBeforeTheMinimum_keepsListeningUntilTheyFinish() {
        // 2 s, a 3 s pause (longer than the end silence), 3 s more: the pause comes before the 4 s minimum.
        CaptureResult result = feed(STANDARD, speech(2000), silence(3000), speech(3000), silence(10_000));

        assertThat(result.stopReason()).isEqualTo(StopReason.CALLER_STOPPED);
        assertThat(result.speechMillis()).isBetween(4900L, 5000L);
        assertThat(result.audioMillis()).isEqualTo(9000);
    }

    @Test
    void result_whenCallerKeepsTalking_stopsAtTheTargetAsBefore() {
        CaptureResult result = feed(STANDARD, speech(12_000));

        assertThat(result.stopReason()).isEqualTo(StopReason.ENOUGH_SPEECH);
        assertThat(result.speechMillis()).isGreaterThanOrEqualTo(STANDARD.targetSpeech().toMillis());
    }

    @Test
    void result_whenEndPointingOff_waitsForTheWindow() {
        CaptureResult result = feed(STANDARD.withOverrides("endSilenceMs=0"), speech(4500), silence(20_000));

        assertThat(result.stopReason()).isEqualTo(StopReason.WINDOW_FULL);
    }

    @Test
    void result_whenOnlySilence_neverEndPoints() {
        CaptureResult result = feed(STANDARD, silence(8000));

        assertThat(result.stopReason()).isEqualTo(StopReason.END_OF_STREAM);
        assertThat(result.speechMillis()).isZero();
    }

    /** The parts one after the other, cut into 1 s fragments of this contact, then a clean end of stream. */
    private static CaptureResult feed(CapturePolicy policy, short[]... parts) {
        List<Short> all = new ArrayList<>();
        for (short[] part : parts) {
            for (short s : part) {
                all.add(s);
            }
        }
        CallerAudioCapture capture = new CallerAudioCapture(CONTACT_ID, policy, null,
                CaptureSettings.DEFAULT_MAX_FRAGMENT_BYTES);
        long producerMillis = 1_700_000_000_000L;
        for (int at = 0; at < all.size(); at += 8000) {
            int length = Math.min(8000, all.size() - at);
            ByteBuffer frame = ByteBuffer.allocate(length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < length; i++) {
                frame.putShort(all.get(at + i));
            }
            capture.fragmentStarted();
            capture.tag(ConnectStreams.PRODUCER_TIMESTAMP_TAG, (producerMillis / 1000) + "." + String.format("%03d", producerMillis % 1000));
            capture.clusterStarted(PCM_8K);
            capture.callerFrame(frame.flip(), capture.fragmentProducerMillis());
            capture.clusterEnded();
            capture.tag(ConnectStreams.CONTACT_ID_TAG, CONTACT_ID);
            capture.fragmentComplete();
            producerMillis += 1000;
        }
        capture.endOfStream();
        return capture.result();
    }

    private static short[] speech(int millis) {
        short[] out = new short[millis * 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) (Math.sin(2 * Math.PI * 300 * i / 8000.0) * 0.1 * 32767);
        }
        return out;
    }

    private static short[] silence(int millis) {
        return new short[millis * 8];
    }
}
