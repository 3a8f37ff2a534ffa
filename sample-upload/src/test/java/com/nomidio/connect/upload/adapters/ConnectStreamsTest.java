package com.nomidio.connect.upload.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.media.testkit.ConnectCall;
import org.junit.jupiter.api.Test;

/**
 * The test kit's stream writer states what Connect and KVS write (it plays Connect's side of the wire); the
 * reader must look for exactly those names, or every capture test would pass against a stream nobody sends.
 */
class ConnectStreamsTest {

    @Test
    void names_whenComparedWithWhatTheConnectWriterWrites_areEqual() {
        assertThat(ConnectStreams.CALLER_TRACK).isEqualTo(ConnectCall.CALLER_TRACK);
        assertThat(ConnectStreams.AGENT_TRACK).isEqualTo(ConnectCall.AGENT_TRACK);
        assertThat(ConnectStreams.CONTACT_ID_TAG).isEqualTo(ConnectCall.CONTACT_ID_TAG);
        assertThat(ConnectStreams.FRAGMENT_NUMBER_TAG).isEqualTo(ConnectCall.FRAGMENT_NUMBER_TAG);
        assertThat(ConnectStreams.SERVER_TIMESTAMP_TAG).isEqualTo(ConnectCall.SERVER_TIMESTAMP_TAG);
        assertThat(ConnectStreams.PRODUCER_TIMESTAMP_TAG).isEqualTo(ConnectCall.PRODUCER_TIMESTAMP_TAG);
        assertThat(ConnectStreams.ERROR_CODE_TAG).isEqualTo(ConnectCall.ERROR_CODE_TAG);
        assertThat(ConnectStreams.ERROR_ID_TAG).isEqualTo(ConnectCall.ERROR_ID_TAG);
        assertThat(ConnectStreams.MILLIS_BEHIND_NOW_TAG).isEqualTo(ConnectCall.MILLIS_BEHIND_NOW_TAG);
        assertThat(ConnectStreams.CONTINUATION_TOKEN_TAG).isEqualTo(ConnectCall.CONTINUATION_TOKEN_TAG);
    }

    @Test
    void isCallerTrack_whenGivenTheWritersTracks_acceptsOnlyTheCallers() {
        assertThat(ConnectStreams.isCallerTrack(ConnectCall.CALLER_TRACK)).isTrue();
        assertThat(ConnectStreams.isCallerTrack(ConnectCall.AGENT_TRACK)).isFalse();
    }
}
