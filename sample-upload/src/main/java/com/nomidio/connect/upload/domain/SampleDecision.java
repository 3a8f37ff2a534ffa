package com.nomidio.connect.upload.domain;

import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.upload.adapters.ConnectStreams;

/** What to tell the gateway about a capture: upload the WAV, or cancel the challenge with a reason. */
public record SampleDecision(boolean upload, CancelReason cancelReason, String explanation) {

    public static SampleDecision decide(CaptureResult result, CapturePolicy policy) {
        long minimum = policy.minimumSpeech().toMillis();
        if (result.wav() != null && result.samples() > 0 && result.speechMillis() >= minimum
                && result.speechMillis() > 0) {
            return new SampleDecision(true, null, "speechMs=" + result.speechMillis() + " stop=" + result.stopReason());
        }
        if (result.stopReason().isFault()) {
            return cancel(CancelReason.STREAM_ERROR, "stream fault before enough speech: " + result.stopReason()
                    + (result.detail() == null ? "" : " (" + result.detail() + ")"));
        }
        if (!result.callerTrackSeen() || result.samples() == 0) {
            return cancel(CancelReason.NO_AUDIO, result.callerTrackSeen()
                    ? "no caller audio of this contact in the stream"
                    : "no caller audio: no " + ConnectStreams.CALLER_TRACK + " track in the stream");
        }
        if (result.stopReason() == StopReason.OTHER_CONTACT) {
            // Connect hands the stream to the next contact only once this one stopped streaming: the call ended.
            return cancel(CancelReason.CALLER_HUNG_UP, "the stream moved on to another contact after speechMs="
                    + result.speechMillis());
        }
        return cancel(CancelReason.INSUFFICIENT_AUDIO, "speechMs=" + result.speechMillis() + " below minimumMs="
                + minimum + " stop=" + result.stopReason());
    }

    private static SampleDecision cancel(CancelReason reason, String explanation) {
        return new SampleDecision(false, reason, explanation);
    }
}
