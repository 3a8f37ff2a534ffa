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
 * minimum. Fed 1 s fragments of 64 ms frames (speech: a -23 dBFS tone; silence: zeros), as KvsMkvReader feeds a
 * GetMedia stream that relays frames as they arrive, each fragment's ContactId tag after its frames; every figure
 * is on the stream's producer clock, so nothing here depends on how fast the test runs.
 */
class EndPointingTest {

    private static final String CONTACT_ID = "7a2f4c1e-9b3d-4e5f-8a6b-1c2d3e4f5a6b";
    private static final AudioFormat PCM_8K = AudioFormat.fromTrack("A_PCM/INT/LIT", 8000.0, 16L, 1L, null);
    private static final String OTHER_CONTACT_ID = "0b9e8d7c-6f5a-4b3c-9d2e-1f0a9b8c7d6e";
    private static final CapturePolicy STANDARD = CapturePolicy.defaultFor(AuthLevel.STANDARD);
    private static final int FRAME_SAMPLES = 512;
    private static final long FRAME_MILLIS = FRAME_SAMPLES / 8;

    @Test
    void result_whenMinimumSpokenThenSilence_stopsOnceTheEndSilenceHasPassedWithoutWaitingForTheFragmentsEnd() {
        // 4.5 s of speech (minimum 4 s), then silence: the fragment ending at 5 s holds 500 ms of it; the next
        // fragment's frames show the rest of the end silence 200 ms in, long before that fragment is complete.
        Fed fed = feed(STANDARD, speech(4500), silence(10_000));

        assertThat(fed.result().stopReason()).isEqualTo(StopReason.CALLER_STOPPED);
        assertThat(fed.result().speechMillis()).isBetween(4400L, 4500L);
        assertThat(fed.stoppedAtMillis() - 4500).isBetween(STANDARD.endSilence().toMillis(),
                STANDARD.endSilence().toMillis() + FRAME_MILLIS + 20);
        // Only proven fragments are kept: the one being read when the caller was heard to stop is not.
        assertThat(fed.result().audioMillis()).isEqualTo(5000);
    }

    @Test
    void result_whenTheLastWordIsInTheFragmentBeingRead_waitsForThatFragmentAndKeepsTheWord() {
        // 4 s in the first four fragments, 0.2 s more at the start of the fifth: that speech is unproven until the
        // fragment is complete, so its silence does not stop the capture before then; the word is kept.
        Fed fed = feed(STANDARD, speech(4200), silence(10_000));

        assertThat(fed.result().stopReason()).isEqualTo(StopReason.CALLER_STOPPED);
        assertThat(fed.result().speechMillis()).isGreaterThanOrEqualTo(STANDARD.minimumSpeech().toMillis());
        assertThat(fed.result().audioMillis()).isEqualTo(5000);
        assertThat(fed.stoppedAtMillis()).isEqualTo(5000); // at the fragment's end, with its tag
    }

    @Test
    void result_whenTheUnprovenSilenceIsAnotherContacts_stopsAndKeepsOnlyThisContactsAudio() {
        // The stream moves to the next contact right after this caller's last fragment; its first fragment is
        // silent. The lookahead may use those frames to stop (that is all they decide): none of them is kept.
        Fed fed = feed(STANDARD, 5, OTHER_CONTACT_ID, speech(4600), silence(400), silence(3000));

        assertThat(fed.result().stopReason()).isEqualTo(StopReason.CALLER_STOPPED);
        assertThat(fed.result().audioMillis()).isEqualTo(5000);
        assertThat(fed.result().fragmentsKept()).isEqualTo(5);
        assertThat(fed.stoppedAtMillis()).isLessThan(6000);
    }

    @Test
    void result_whenTheCallerSpeaksAgainInTheFragmentBeingRead_keepsThatSpeechBeforeStopping() {
        // 4.5 s, a 0.6 s pause across the fragment boundary, a 0.3 s word, then silence: the word is in frames not
        // yet proven, so the silence after it may not stop the capture until its fragment is kept.
        Fed fed = feed(STANDARD, speech(4500), silence(600), speech(300), silence(5000));

        assertThat(fed.result().stopReason()).isEqualTo(StopReason.CALLER_STOPPED);
        assertThat(fed.result().speechMillis()).isGreaterThanOrEqualTo(4700);
        assertThat(fed.result().audioMillis()).isEqualTo(6000);
        assertThat(fed.stoppedAtMillis()).isBetween(6100L, 6200L);
    }

    @Test
    void result_whenHesitantCallerPausesBeforeTheMinimum_keepsListeningUntilTheyFinish() {
        // 2 s, a 3 s pause (longer than the end silence), 3 s more: the pause comes before the 4 s minimum.
        CaptureResult result = feed(STANDARD, speech(2000), silence(3000), speech(3000), silence(10_000)).result();

        assertThat(result.stopReason()).isEqualTo(StopReason.CALLER_STOPPED);
        assertThat(result.speechMillis()).isBetween(4900L, 5000L);
        assertThat(result.audioMillis()).isEqualTo(8000); // the fragment with the end silence was not waited for
    }

    @Test
    void result_whenCallerKeepsTalking_stopsAtTheTargetAsBefore() {
        CaptureResult result = feed(STANDARD, speech(12_000)).result();

        assertThat(result.stopReason()).isEqualTo(StopReason.ENOUGH_SPEECH);
        assertThat(result.speechMillis()).isGreaterThanOrEqualTo(STANDARD.targetSpeech().toMillis());
    }

    @Test
    void result_whenEndPointingOff_waitsForTheWindow() {
        CaptureResult result = feed(STANDARD.withOverrides("endSilenceMs=0"), speech(4500), silence(20_000)).result();

        assertThat(result.stopReason()).isEqualTo(StopReason.WINDOW_FULL);
    }

    @Test
    void result_whenOnlySilence_neverEndPoints() {
        CaptureResult result = feed(STANDARD, silence(8000)).result();

        assertThat(result.stopReason()).isEqualTo(StopReason.END_OF_STREAM);
        assertThat(result.speechMillis()).isZero();
    }

    /** What was kept, and the stream time (ms from its start) of the last frame read before the capture stopped. */
    private record Fed(CaptureResult result, long stoppedAtMillis) {
    }

    private static Fed feed(CapturePolicy policy, short[]... parts) {
        return feed(policy, Integer.MAX_VALUE, null, parts);
    }

    /**
     * The parts one after the other, cut into 1 s fragments of 64 ms frames, each fragment's ContactId tag after
     * its frames (this contact's, or {@code otherContactId}'s from fragment index {@code otherFrom} on), then a clean
     * end of stream. Stops feeding as soon as the capture stops, as KvsMkvReader does.
     */
    private static Fed feed(CapturePolicy policy, int otherFrom, String otherContactId, short[]... parts) {
        List<Short> all = new ArrayList<>();
        for (short[] part : parts) {
            for (short s : part) {
                all.add(s);
            }
        }
        CallerAudioCapture capture = new CallerAudioCapture(CONTACT_ID, policy, null,
                CaptureSettings.DEFAULT_MAX_FRAGMENT_BYTES);
        long start = 1_700_000_000_000L;
        long read = 0;
        for (int at = 0, index = 0; at < all.size() && !capture.isStopped(); at += 8000, index++) {
            long producerMillis = start + at / 8;
            capture.fragmentStarted();
            capture.tag(ConnectStreams.PRODUCER_TIMESTAMP_TAG, (producerMillis / 1000) + "." + String.format("%03d", producerMillis % 1000));
            capture.clusterStarted(PCM_8K);
            int end = Math.min(at + 8000, all.size());
            for (int frameAt = at; frameAt < end && !capture.isStopped(); frameAt += FRAME_SAMPLES) {
                int length = Math.min(FRAME_SAMPLES, end - frameAt);
                ByteBuffer frame = ByteBuffer.allocate(length * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < length; i++) {
                    frame.putShort(all.get(frameAt + i));
                }
                capture.callerFrame(frame.flip(), producerMillis + (frameAt - at) / 8);
                read = (frameAt + length) / 8;
            }
            capture.clusterEnded();
            capture.tag(ConnectStreams.CONTACT_ID_TAG, index >= otherFrom ? otherContactId : CONTACT_ID);
            capture.fragmentComplete();
        }
        capture.endOfStream();
        return new Fed(capture.result(), read);
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
