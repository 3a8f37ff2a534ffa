package com.nomidio.connect.upload.domain;

import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.time.Deadline;

/** Where the caller's audio comes from (Kinesis Video Streams in production). */
public interface CallerAudioSource {

    /**
     * Reads the contact's caller audio until a stop rule of {@code policy} fires or {@code deadline} passes. Never
     * throws for a stream problem: it reports it in the result.
     */
    CaptureResult capture(SampleUploadRequest request, CapturePolicy policy, Deadline deadline);
}
