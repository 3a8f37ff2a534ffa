package com.nomidio.connect.upload.domain;

import com.nomidio.connect.domain.CancelReason;

/**
 * What sampleUpload did, returned by the handler (the asynchronous invoker ignores it; tests and logs read it).
 *
 * @param action       UPLOADED, CANCELLED, or FAILED when the gateway could not be told
 * @param cancelReason why the challenge was cancelled, or null
 * @param stopReason   why capture stopped, or null when there was no capture
 * @param samples      samples in the WAV
 * @param speechMillis net speech in the WAV
 * @param detail       a short explanation
 */
public record SampleUploadOutcome(Action action, CancelReason cancelReason, StopReason stopReason, long samples,
        long speechMillis, String detail) {

    public enum Action {
        UPLOADED,
        CANCELLED,
        FAILED
    }
}
