package com.nomidio.connect.testkit.kvs;

/**
 * The track and tag names Amazon Connect and Kinesis Video Streams write into a contact's media stream, as their
 * documentation gives them. The kit spells them itself rather than borrowing the reader's constants, so that a
 * wrong name in the code under test fails its tests instead of being agreed with.
 */
public final class ConnectStreamNames {

    /** The caller's track in Connect's two-track streams. */
    public static final String CALLER_TRACK = "AUDIO_FROM_CUSTOMER";
    /** The audio played to the caller (prompts, agent). */
    public static final String AGENT_TRACK = "AUDIO_TO_CUSTOMER";
    /** The single caller track of streams made before Connect split the audio into two tracks. */
    public static final String LEGACY_CALLER_TRACK = "Track_audio/L16";
    /** Connect's per-fragment tag naming the contact whose audio the fragment carries. */
    public static final String CONTACT_ID_TAG = "ContactId";

    public static final String FRAGMENT_NUMBER_TAG = "AWS_KINESISVIDEO_FRAGMENT_NUMBER";
    public static final String PRODUCER_TIMESTAMP_TAG = "AWS_KINESISVIDEO_PRODUCER_TIMESTAMP";
    public static final String SERVER_TIMESTAMP_TAG = "AWS_KINESISVIDEO_SERVER_TIMESTAMP";
    public static final String ERROR_CODE_TAG = "AWS_KINESISVIDEO_ERROR_CODE";
    public static final String ERROR_ID_TAG = "AWS_KINESISVIDEO_ERROR_ID";
    public static final String MILLIS_BEHIND_NOW_TAG = "AWS_KINESISVIDEO_MILLIS_BEHIND_NOW";
    public static final String CONTINUATION_TOKEN_TAG = "AWS_KINESISVIDEO_CONTINUATION_TOKEN";

    private ConnectStreamNames() {
    }
}
