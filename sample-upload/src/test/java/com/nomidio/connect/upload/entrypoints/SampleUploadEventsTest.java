package com.nomidio.connect.upload.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.testkit.kvs.ServedFragment;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import com.nomidio.connect.upload.domain.CaptureSettings;
import com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures;
import com.nomidio.connect.upload.testing.SampleUploadHarness;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every events/sample-upload-*.json (what nomidioAction sends) through the handler, against the passphrase stream. */
class SampleUploadEventsTest {

    private static final Path EVENTS = Path.of("..", "events");
    /** What each event must lead to at the gateway. */
    private static final Map<String, String> EXPECTED_ACTION = Map.of(
            "sample-upload-standard.json", "UPLOADED",
            "sample-upload-high-fragment-only.json", "UPLOADED",
            "sample-upload-missing-stream.json", "CANCELLED");

    static List<Path> events() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(EVENTS, "sample-upload-*.json")) {
            dir.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    @Test
    void events_whenListed_eachHasAnExpectation() throws IOException {
        assertThat(events()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(EXPECTED_ACTION.keySet());
    }

    @ParameterizedTest
    @MethodSource("events")
    void handleRequest_whenEventFile_tellsTheGatewayExactlyOnce(Path event) throws IOException {
        byte[] payload = Files.readAllBytes(event);
        JsonNode json = SampleUploadHarness.JSON.readTree(payload);
        String challengeId = json.path("challengeId").asText();
        try (SampleUploadHarness harness = new SampleUploadHarness()
                .challenge(challengeId, AuthLevel.valueOf(json.path("level").asText()));
             FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(ConnectFixtures.passphrase()))) {
            SampleUploadHandler handler = new SampleUploadHandler(harness.processor(kvs, CaptureSettings.defaults()),
                    SampleUploadHarness.JSON);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            handler.handleRequest(new ByteArrayInputStream(payload), out, new LocalLambdaContext("sampleUpload", 30_000));

            String action = SampleUploadHarness.JSON.readTree(out.toByteArray()).path("action").asText();
            assertThat(action).isEqualTo(EXPECTED_ACTION.get(event.getFileName().toString()));
            assertThat(harness.uploads(challengeId).size() + harness.cancelReasons(challengeId).size()).isEqualTo(1);
        }
    }
}
