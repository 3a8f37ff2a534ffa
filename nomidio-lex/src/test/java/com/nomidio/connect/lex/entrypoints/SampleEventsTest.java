package com.nomidio.connect.lex.entrypoints;

import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.CHALLENGE_ID;
import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.CUSTOMER;
import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.NOMIDIO_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.testkit.events.SampleEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code events/nomidio-lex-*.json} (the samples for {@code sam local invoke -e}, shaped as Lex V2 sends them
 * for Amazon Connect) goes through the handler against a gateway that knows the sample customer, and gives the
 * complete response recorded beside it in {@code expected-answers/}.
 */
class SampleEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final NomidioLexHarness harness = new NomidioLexHarness();

    @BeforeEach
    void stubTheSampleCustomer() {
        harness.stubs.identity(CUSTOMER, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .invite(CUSTOMER)
                .optOut()
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);
    }

    static List<Path> sampleEvents() {
        return LexEventFixtures.EVENTS.all();
    }

    @Test
    void eventsDirectory_holdsTheChatAndVoiceSamples() {
        assertThat(sampleEvents()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "nomidio-lex-chat-identify.json", "nomidio-lex-chat-offer-register.json",
                "nomidio-lex-chat-challenge-done.json", "nomidio-lex-voice-speech-opt-out.json",
                "nomidio-lex-voice-dtmf-register.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void sampleEvent_throughHandler_answersTheRecordedCompleteResponse(Path file) throws IOException {
        ObjectNode answer = harness.invoke(Files.readAllBytes(file));

        assertThat(answer).isEqualTo(expectedAnswer(file.getFileName().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void sampleEvent_isShapedAsLexSendsIt(Path file) {
        ObjectNode event = SampleEvents.read(file);

        assertThat(event.path("messageVersion").asText()).isEqualTo("1.0");
        assertThat(event.path("invocationSource").asText()).isIn("DialogCodeHook", "FulfillmentCodeHook");
        assertThat(event.path("inputMode").asText()).isIn("Text", "Speech", "DTMF");
        assertThat(event.path("sessionId").asText()).isEqualTo(LexEventFixtures.CONTACT_ID);
        assertThat(event.path("bot").path("localeId").asText()).isEqualTo("en_GB");
        assertThat(event.path("requestAttributes").path("x-amz-lex:channels:platform").asText())
                .isIn("Connect", "Connect Chat");
        assertThat(event.path("sessionState").path("sessionAttributes").isObject()).isTrue();
        assertThat(event.path("sessionState").path("intent").path("name").isTextual()).isTrue();
        assertThat(event.path("interpretations").isArray()).isTrue();
    }

    @Test
    void sampleEvents_coverBothInvocationSourcesAndAllThreeInputModes() {
        List<ObjectNode> events = sampleEvents().stream().map(SampleEvents::read).toList();

        assertThat(events).extracting(e -> e.path("invocationSource").asText()).containsAll(
                Set.of("DialogCodeHook", "FulfillmentCodeHook"));
        assertThat(events).extracting(e -> e.path("inputMode").asText()).containsAll(Set.of("Text", "Speech", "DTMF"));
    }

    private static JsonNode expectedAnswer(String fileName) throws IOException {
        try (InputStream in = SampleEventsTest.class.getResourceAsStream("/expected-answers/" + fileName)) {
            assertThat(in).as("expected answer for %s", fileName).isNotNull();
            return JSON.readTree(in);
        }
    }
}
