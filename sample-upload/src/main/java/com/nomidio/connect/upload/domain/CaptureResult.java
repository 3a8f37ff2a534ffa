package com.nomidio.connect.upload.domain;

/**
 * What a capture produced.
 *
 * @param stopReason          why reading stopped
 * @param wav                 the caller's audio as a WAV, or null when no caller audio was kept
 * @param format              the WAV's format, or null
 * @param samples             samples in the WAV
 * @param speechMillis        net speech in the WAV, by the energy VAD
 * @param fragmentsKept       fragments of this contact whose caller audio is in the WAV
 * @param fragmentsSkipped    fragments read but not kept (another contact's before this one's, or unprovable)
 * @param lastFragmentNumber  the last fragment kept, or null
 * @param callerTrackSeen     whether any fragment had a caller track
 * @param detail              a short human explanation for logs (error code, fault message), or null
 */
public record CaptureResult(
        StopReason stopReason,
        byte[] wav,
        AudioFormat format,
        long samples,
        long speechMillis,
        int fragmentsKept,
        int fragmentsSkipped,
        String lastFragmentNumber,
        boolean callerTrackSeen,
        String detail) {

    /** Nothing could be read at all (the stream could not be opened or parsed). */
    public static CaptureResult failed(StopReason reason, String detail) {
        return new CaptureResult(reason, null, null, 0, 0, 0, 0, null, false, detail);
    }

    public long audioMillis() {
        return format == null ? 0 : format.millisFor(samples);
    }

    @Override
    public String toString() {
        return "CaptureResult[stopReason=" + stopReason + ", format=" + format + ", samples=" + samples
                + ", speechMs=" + speechMillis + ", fragmentsKept=" + fragmentsKept + ", fragmentsSkipped="
                + fragmentsSkipped + ", lastFragment=" + lastFragmentNumber + ", callerTrackSeen=" + callerTrackSeen
                + ", detail=" + detail + "]";
    }
}
