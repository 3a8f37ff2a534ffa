package com.nomidio.connect.action.entrypoints;

import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CALLER;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CHALLENGE_ID;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.NOMIDIO_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.testkit.events.SampleEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code events/nomidio-action-*.json} (the samples for {@code sam local invoke -e}) goes through the
 * handler against a gateway that knows the sample caller, and gives the complete answer recorded beside it
 * in {@code expected-answers/}.
 */
class SampleEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final NomidioActionHarness harness = new NomidioActionHarness();

    @BeforeEach
    void stubTheSampleCaller() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .invite(CALLER)
                .optOut()
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD)
                .cancelChallenge(CHALLENGE_ID, AuthLevel.STANDARD);
    }

    static List<Path> sampleEvents() {
        return ConnectEventFixtures.EVENTS.all();
    }

    @Test
    void eventsDirectory_holdsOneSampleEventPerAction() {
        assertThat(sampleEvents()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "nomidio-action-lookup.json", "nomidio-action-invite.json", "nomidio-action-optOut.json",
                "nomidio-action-createChallenge.json", "nomidio-action-startSampleUpload.json",
                "nomidio-action-challengeResult.json", "nomidio-action-cancelChallenge.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void sampleEvent_throughHandler_answersTheRecordedCompleteMap(Path file) throws IOException {
        Map<String, String> answer = harness.invoke(Files.readAllBytes(file), NomidioActionHarness.CONNECT_REMAINING_MS);

        assertThat(answer).containsExactlyEntriesOf(expectedAnswer(file.getFileName().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void sampleEvent_isShapedAsConnectSendsIt(Path file) {
        var event = SampleEvents.read(file);
        var contact = ConnectEventFixtures.contactData(event);

        assertThat(event.path("Name").asText()).isEqualTo("ContactFlowEvent");
        assertThat(contact.path("Channel").asText()).isEqualTo("VOICE");
        assertThat(contact.path("ContactId").asText()).isEqualTo(NomidioActionHarness.CONTACT_ID);
        assertThat(contact.path("CustomerEndpoint").path("Type").asText()).isEqualTo("TELEPHONE_NUMBER");
        assertThat(contact.path("InstanceARN").asText()).startsWith("arn:aws:connect:");
        assertThat(contact.path("MediaStreams").path("Customer").has("Audio")).isTrue();
        assertThat(contact.path("Attributes").isObject()).isTrue();
        assertThat(event.path("Details").path("Parameters").path("action").asText())
                .isEqualTo(file.getFileName().toString().replace(ConnectEventFixtures.EVENTS.prefix(), "").replace(".json", ""));
    }

    private static Map<String, String> expectedAnswer(String fileName) throws IOException {
        try (InputStream in = SampleEventsTest.class.getResourceAsStream("/expected-answers/" + fileName)) {
            assertThat(in).as("expected answer for %s", fileName).isNotNull();
            return JSON.readValue(in, new TypeReference<Map<String, String>>() { });
        }
    }
}
