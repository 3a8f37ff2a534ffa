package com.nomidio.connect.upload.domain;

/** Why the capture stopped reading the stream. */
public enum StopReason {
    /** The policy's target of net speech was reached. */
    ENOUGH_SPEECH,
    /** The minimum speech was captured and the caller then stayed silent for the policy's end silence. */
    CALLER_STOPPED,
    /** The capture window is full. */
    WINDOW_FULL,
    /** A fragment of another contact (or of no provable contact) followed this contact's audio: Connect reuses streams. */
    OTHER_CONTACT,
    /** GetMedia sent an AWS_KINESISVIDEO_ERROR_CODE tag. */
    ERROR_TAG,
    /** The stream ended cleanly. */
    END_OF_STREAM,
    /** The stream ended inside a fragment, or its bytes are not Matroska this reader can follow. */
    STREAM_FAULT,
    /** The function's own time budget (less the time kept for the upload) ran out. */
    TIME_BUDGET,
    /** The caller track changed format mid-stream; one WAV cannot hold both. */
    FORMAT_CHANGED;

    public boolean isFault() {
        return this == ERROR_TAG || this == STREAM_FAULT || this == FORMAT_CHANGED;
    }
}
