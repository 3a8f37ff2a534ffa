package com.nomidio.connect.upload.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.testkit.kvs.ConnectStreamNames;
import org.junit.jupiter.api.Test;

/**
 * The test kit's stream writer (ConnectStreamNames) states what Connect and KVS write (it plays Connect's side of the wire); the
 * reader must look for exactly those names, or every capture test would pass against a stream nobody sends.
 */
class ConnectStreamsTest {

    @Test
    void names_whenComparedWithWhatTheConnectWriterWrites_areEqual() {
        assertThat(ConnectStreams.CALLER_TRACK).isEqualTo(ConnectStreamNames.CALLER_TRACK);
        assertThat(ConnectStreams.AGENT_TRACK).isEqualTo(ConnectStreamNames.AGENT_TRACK);
        assertThat(ConnectStreams.LEGACY_CALLER_TRACK).isEqualTo(ConnectStreamNames.LEGACY_CALLER_TRACK);
        assertThat(ConnectStreams.CONTACT_ID_TAG).isEqualTo(ConnectStreamNames.CONTACT_ID_TAG);
        assertThat(ConnectStreams.FRAGMENT_NUMBER_TAG).isEqualTo(ConnectStreamNames.FRAGMENT_NUMBER_TAG);
        assertThat(ConnectStreams.SERVER_TIMESTAMP_TAG).isEqualTo(ConnectStreamNames.SERVER_TIMESTAMP_TAG);
        assertThat(ConnectStreams.PRODUCER_TIMESTAMP_TAG).isEqualTo(ConnectStreamNames.PRODUCER_TIMESTAMP_TAG);
        assertThat(ConnectStreams.ERROR_CODE_TAG).isEqualTo(ConnectStreamNames.ERROR_CODE_TAG);
        assertThat(ConnectStreams.ERROR_ID_TAG).isEqualTo(ConnectStreamNames.ERROR_ID_TAG);
        assertThat(ConnectStreams.MILLIS_BEHIND_NOW_TAG).isEqualTo(ConnectStreamNames.MILLIS_BEHIND_NOW_TAG);
        assertThat(ConnectStreams.CONTINUATION_TOKEN_TAG).isEqualTo(ConnectStreamNames.CONTINUATION_TOKEN_TAG);
    }

    @Test
    void isCallerTrack_whenGivenTheWritersTracks_acceptsOnlyTheCallers() {
        assertThat(ConnectStreams.isCallerTrack(ConnectStreamNames.CALLER_TRACK)).isTrue();
        assertThat(ConnectStreams.isCallerTrack(ConnectStreamNames.AGENT_TRACK)).isFalse();
    }
}
