package com.nomidio.connect.action.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.action.domain.ActionRequest;
import com.nomidio.connect.json.InvalidEventException;
import com.nomidio.connect.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectEventsTest {

    private final ConnectEvents events = new ConnectEvents(Json.mapper());

    @Test
    void read_whenStreamingStarted_readsEverythingTheActionsNeed() throws Exception {
        ActionRequest request;
        try (InputStream in = new FileInputStream("../events/nomidio-action-startSampleUpload.json")) {
            request = events.read(in);
        }

        assertThat(request.contactId()).isEqualTo("5f1d7c3a-8b2e-4c6f-9a0d-2e7b4c9f1a36");
        assertThat(request.actionName()).isEqualTo("startSampleUpload");
        assertThat(request.channel()).isEqualTo("VOICE");
        assertThat(request.callerAddress()).isEqualTo("+447700900123");
        assertThat(request.attributes()).containsEntry("nomidio_challenge_id", "chl-3f9a1c7e");
        assertThat(request.audio().streamArn()).startsWith("arn:aws:kinesisvideo:eu-west-2:111122223333:stream/");
        assertThat(request.audio().startFragmentNumber()).isEqualTo("91343852333181432392682062607743920146264440130");
        assertThat(request.audio().startTimestamp()).isEqualTo("1700000123456");
    }

    @Test
    void read_whenStreamingNeverStarted_hasNoAudio() throws Exception {
        try (InputStream in = new FileInputStream("../events/nomidio-action-lookup.json")) {
            assertThat(events.read(in).audio()).isNull();
        }
    }

    @Test
    void read_whenFieldsUnknownOrMissing_ignoresThem() throws Exception {
        ActionRequest request;
        try (InputStream in = getClass().getResourceAsStream("/connect-events/minimal-with-unknown-fields.json")) {
            request = events.read(in);
        }

        assertThat(request.contactId()).isEqualTo("c-1");
        assertThat(request.actionName()).isNull();
        assertThat(request.callerAddress()).isNull();
        assertThat(request.attributes()).isEmpty();
        assertThat(request.audio()).isNull();
    }

    @Test
    void read_whenNotJson_failsWithoutEchoingThePayload() {
        byte[] payload = "{\"CustomerEndpoint\": +447700900123".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> events.read(new ByteArrayInputStream(payload)))
                .isInstanceOf(InvalidEventException.class)
                .message().doesNotContain("7700900123");
    }

    @Test
    void write_writesAFlatStringMapAndLeavesTheStreamOpen() throws IOException {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("nomidio_status", "ENROLLED");
        answer.put("nomidio_fraud_flag", "");
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };

        events.write(answer, out);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"nomidio_status\":\"ENROLLED\",\"nomidio_fraud_flag\":\"\"}");
        assertThat(closed[0]).isFalse();
    }

    @Test
    void prime_readsTheBundledEventAndWritesAnAnswer() {
        assertThat(events.prime()).isTrue();
    }
}
