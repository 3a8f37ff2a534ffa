package com.nomidio.connect.agentapi.entrypoints;

import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CALLER;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CHALLENGE_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CONTACT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.NOMIDIO_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.testkit.connect.LocalConnectContacts.Contact;
import com.nomidio.connect.testkit.events.SampleEvents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code events/agent-api-*.json} (the samples for {@code sam local invoke -e}, shaped as an HTTP API sends
 * payload format 2.0) goes through the handler for the sample agent on the sample contact, whose caller Nomidio
 * warned about and who passed a HIGH challenge while AWAITING_APPROVAL, and is answered with success.
 */
class SampleEventsTest {

    private static final Map<String, Integer> EXPECTED_STATUS = Map.of(
            "agent-api-read.json", 200, "agent-api-challenge.json", 200, "agent-api-enrol.json", 200,
            "agent-api-block.json", 200, "agent-api-confirm-fraud.json", 200, "agent-api-preflight.json", 204);

    @RegisterExtension
    static final AgentApiHarness harness = new AgentApiHarness();

    @BeforeEach
    void theSampleCaller() {
        Map<String, String> attributes = AgentApiHarness.identifiedAttributes("AWAITING_APPROVAL");
        attributes.put("nomidio_fraud_flag", "FRAUD_WARNING");
        harness.connect.add(Contact.connectedVoice(AgentApiHarness.INSTANCE_ID, CONTACT_ID, CALLER,
                AgentApiHarness.AGENT_ID), attributes);
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, FraudFlag.FRAUD_WARNING)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH)
                .enrol(NOMIDIO_ID, CHALLENGE_ID, NomidioStatus.ENROLLED)
                .setBlocked(CALLER, true, NOMIDIO_ID, NomidioStatus.BLOCKED)
                .setFraudFlag(NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, FraudFlag.SUSPECTED_FRAUD);
    }

    static List<Path> sampleEvents() {
        return AgentApiHarness.EVENTS.all();
    }

    @Test
    void eventsDirectory_holdsTheSamplesThisTestExpects() {
        assertThat(sampleEvents()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(EXPECTED_STATUS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void sampleEvent_throughHandler_succeeds(Path file) {
        AgentApiHarness.Answer answer = harness.send(SampleEvents.read(file));

        assertThat(answer.status()).isEqualTo(EXPECTED_STATUS.get(file.getFileName().toString()));
        if (answer.status() == 200) {
            assertThat(answer.body().path("attributes").path("nomidio_status").asText()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void sampleEvent_isShapedAsAnHttpApiSendsIt(Path file) {
        var event = SampleEvents.read(file);

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("rawPath").asText()).startsWith("/contacts/" + CONTACT_ID + "/");
        assertThat(event.path("requestContext").path("http").path("method").asText()).isIn("GET", "POST", "OPTIONS");
        assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("$default");
        // HTTP APIs lower-case header names.
        event.path("headers").fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
    }
}
