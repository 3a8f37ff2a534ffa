package com.nomidio.connect.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import org.junit.jupiter.api.Test;

class SampleDecisionTest {

    private static final CapturePolicy STANDARD = CapturePolicy.defaultFor(AuthLevel.STANDARD);
    private static final AudioFormat TELEPHONE = new AudioFormat(8000, 16, 1, false);

    @Test
    void decide_whenMinimumSpeechReachedEvenAfterAFault_uploads() {
        assertThat(SampleDecision.decide(result(StopReason.STREAM_FAULT, 4000, true), STANDARD).upload()).isTrue();
    }

    @Test
    void decide_whenFaultBeforeMinimum_cancelsWithStreamError() {
        assertThat(SampleDecision.decide(result(StopReason.ERROR_TAG, 3000, true), STANDARD).cancelReason())
                .isEqualTo(CancelReason.STREAM_ERROR);
    }

    @Test
    void decide_whenNoCallerTrack_cancelsWithNoAudio() {
        CaptureResult none = new CaptureResult(StopReason.END_OF_STREAM, null, null, 0, 0, 0, 0, null, false, null);
        assertThat(SampleDecision.decide(none, STANDARD).cancelReason()).isEqualTo(CancelReason.NO_AUDIO);
    }

    @Test
    void decide_whenStreamMovedToAnotherContactBeforeMinimum_cancelsAsHungUp() {
        assertThat(SampleDecision.decide(result(StopReason.OTHER_CONTACT, 1000, true), STANDARD).cancelReason())
                .isEqualTo(CancelReason.CALLER_HUNG_UP);
    }

    @Test
    void decide_whenStreamEndedBeforeMinimum_cancelsWithInsufficientAudio() {
        assertThat(SampleDecision.decide(result(StopReason.END_OF_STREAM, 3999, true), STANDARD).cancelReason())
                .isEqualTo(CancelReason.INSUFFICIENT_AUDIO);
    }

    private static CaptureResult result(StopReason reason, long speechMillis, boolean callerTrack) {
        return new CaptureResult(reason, new byte[44 + 16000], TELEPHONE, 8000, speechMillis, 1, 0, "1", callerTrack, null);
    }
}
