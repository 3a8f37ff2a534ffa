package com.nomidio.connect.upload.adapters;

import java.util.Set;

/** What Amazon Connect and Kinesis Video Streams put in a contact's media stream, named in one place. */
public final class ConnectStreams {

    /** The caller's track in Connect's two-track streams. */
    public static final String CALLER_TRACK = "AUDIO_FROM_CUSTOMER";
    /** The audio played to the caller (prompts, agent); never part of a sample. */
    public static final String AGENT_TRACK = "AUDIO_TO_CUSTOMER";
    /** The single caller track of streams made before Connect split the audio into two tracks. */
    public static final String LEGACY_CALLER_TRACK = "Track_audio/L16";
    public static final Set<String> CALLER_TRACKS = Set.of(CALLER_TRACK, LEGACY_CALLER_TRACK);

    /** Connect's per-fragment tag naming the contact whose audio the fragment carries. */
    public static final String CONTACT_ID_TAG = "ContactId";

    public static final String FRAGMENT_NUMBER_TAG = "AWS_KINESISVIDEO_FRAGMENT_NUMBER";
    public static final String PRODUCER_TIMESTAMP_TAG = "AWS_KINESISVIDEO_PRODUCER_TIMESTAMP";
    public static final String SERVER_TIMESTAMP_TAG = "AWS_KINESISVIDEO_SERVER_TIMESTAMP";
    /** GetMedia's error chunk: the stream cannot be read on from here. */
    public static final String ERROR_CODE_TAG = "AWS_KINESISVIDEO_ERROR_CODE";
    public static final String ERROR_ID_TAG = "AWS_KINESISVIDEO_ERROR_ID";
    /** GetMedia appends these after each fragment's frames and tags: the fragment is complete. */
    public static final String MILLIS_BEHIND_NOW_TAG = "AWS_KINESISVIDEO_MILLIS_BEHIND_NOW";
    public static final String CONTINUATION_TOKEN_TAG = "AWS_KINESISVIDEO_CONTINUATION_TOKEN";

    private ConnectStreams() {
    }

    public static boolean isCallerTrack(String trackName) {
        return trackName != null && CALLER_TRACKS.contains(trackName.trim());
    }
}
