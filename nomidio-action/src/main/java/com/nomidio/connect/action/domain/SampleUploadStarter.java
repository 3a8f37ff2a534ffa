package com.nomidio.connect.action.domain;

import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.time.Deadline;

/** Starts the sampleUpload function without waiting for it (it outlives this invocation). */
public interface SampleUploadStarter {

    /** Returns once the request is accepted, by the deadline, or throws {@link SampleUploadException}. */
    void start(SampleUploadRequest request, Deadline deadline);
}
