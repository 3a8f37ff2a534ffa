package com.nomidio.connect.agentapi.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.AGENT_ARN;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CALLER;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CHALLENGE_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CONTACT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.INSTANCE_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.NOMIDIO_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.action;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.event;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.identifiedAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.agentapi.domain.AgentApi;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.AgentChallengeRequest;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.testkit.connect.LocalConnectContacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every action the contract names, allowed: the sample agent on the sample contact. What each sends to the gateway
 * (the contact's own identity and number), what it writes back onto the contact, and what it answers.
 */
class AgentApiActionsTest {

    @RegisterExtension
    static final AgentApiHarness harness = new AgentApiHarness();

    @Test
    void read_whenTheAgentIsInTheCall_answersExactlyThePanelAttributes() {
        AgentApiHarness.Answer answer = harness.send(event("read"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("contactId").asText()).isEqualTo(CONTACT_ID);
        List<String> names = iterableNames(answer.body().path("attributes"));
        assertThat(names).containsExactlyElementsOf(AgentApi.PANEL_ATTRIBUTES.stream().map(ContactAttribute::key).toList());
        assertThat(answer.attribute(ContactAttribute.STATUS)).isEqualTo("AWAITING_APPROVAL");
        assertThat(answer.attribute(ContactAttribute.AGENT_CHALLENGE)).isEmpty();
        // The flows' bookkeeping and the customer's own attributes stay on the contact, not in the panel.
        assertThat(answer.body().toString()).doesNotContain("customer_own_attribute").doesNotContain(CHALLENGE_ID);
        assertThat(harness.connect.requests("DescribeContact")).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/contacts/" + INSTANCE_ID + "/" + CONTACT_ID));
        assertThat(harness.connect.requests("GetContactAttributes")).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/contact/attributes/" + INSTANCE_ID + "/" + CONTACT_ID));
        assertThat(harness.connect.requests("UpdateContactAttributes")).isEmpty();
    }

    @Test
    void challenge_whenTheCallerIsAuthenticated_writesTheLevelTheRequestAndTheAgentOntoTheContact() {
        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"CHALLENGE\",\"level\":\"STANDARD\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("outcome").asText()).isEqualTo("OK");
        assertThat(answer.body().path("action").asText()).isEqualTo("CHALLENGE");
        assertThat(answer.attribute(ContactAttribute.AGENT_CHALLENGE)).isEqualTo(AgentChallengeRequest.REQUESTED.name());
        assertThat(harness.contactAttributes())
                .containsEntry(ContactAttribute.AUTH_LEVEL.key(), "STANDARD")
                .containsEntry(ContactAttribute.AGENT_CHALLENGE.key(), "REQUESTED")
                .containsEntry(ContactAttribute.RETURN_AGENT.key(), AGENT_ARN)
                .containsEntry("customer_own_attribute", "kept");
        JsonNode update = harness.connect.requests("UpdateContactAttributes").getFirst().body();
        assertThat(update.path("InstanceId").asText()).isEqualTo(INSTANCE_ID);
        assertThat(update.path("InitialContactId").asText()).isEqualTo(CONTACT_ID);
        assertThat(harness.gateway.getAllServeEvents()).as("a challenge request needs no gateway call").isEmpty();
    }

    @Test
    void challenge_whenTheCallerWasNeverIdentified_isNotAllowed() {
        harness.connect.add(LocalConnectContacts.Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER,
                AgentApiHarness.AGENT_ID), Map.of(ContactAttribute.STATUS.key(), "NOT_FOUND"));

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"CHALLENGE\",\"level\":\"HIGH\"}"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("error").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(harness.connect.requests("UpdateContactAttributes")).isEmpty();
    }

    @Test
    void enrol_whenThisContactPassedAHighChallenge_enrolsTheContactsOwnIdentityAndAnswersItsNomidioId() {
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH)
                .enrol(NOMIDIO_ID, CHALLENGE_ID, NomidioStatus.ENROLLED);

        // A Nomidio ID in the body is not the contract's, and is never the one acted on.
        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"ENROL\",\"nomidioId\":\"NMD-SOMEONE-ELSE\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("nomidioId").asText()).isEqualTo(NOMIDIO_ID);
        assertThat(answer.attribute(ContactAttribute.STATUS)).isEqualTo("ENROLLED");
        assertThat(answer.attribute(ContactAttribute.AUTHENTICATED_ENROLLED)).isEqualTo("true");
        assertThat(harness.contactAttributes())
                .containsEntry(ContactAttribute.STATUS.key(), "ENROLLED")
                .containsEntry(ContactAttribute.AUTHENTICATED_ENROLLED.key(), "true");
        harness.gateway.verify(1, postRequestedFor(urlPathEqualTo("/v1/identities/" + NOMIDIO_ID + "/enrolment"))
                .withRequestBody(matchingJsonPath("$.challengeId", equalTo(CHALLENGE_ID))));
    }

    @Test
    void block_whenAllowed_blocksTheNumberConnectHasForTheContact() {
        harness.stubs.setBlocked(CALLER, true, NOMIDIO_ID, NomidioStatus.BLOCKED);

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"BLOCK\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.attribute(ContactAttribute.STATUS)).isEqualTo("BLOCKED");
        assertThat(answer.attribute(ContactAttribute.AUTHENTICATED_ENROLLED)).isEqualTo("false");
        assertThat(harness.contactAttributes()).containsEntry(ContactAttribute.STATUS.key(), "BLOCKED");
        harness.gateway.verify(1, putRequestedFor(urlPathEqualTo("/v1/blocks"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(CALLER)))
                .withRequestBody(matchingJsonPath("$.blocked", equalTo("true"))));
    }

    @Test
    void unblock_whenAllowed_unblocksAndWritesTheStatusTheGatewayAnswers() {
        harness.connect.add(LocalConnectContacts.Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, "07700 900123",
                AgentApiHarness.AGENT_ID), Map.of(ContactAttribute.STATUS.key(), "BLOCKED"));
        harness.stubs.setBlocked(CALLER, false, NOMIDIO_ID, NomidioStatus.ENROLLED);

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"UNBLOCK\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.attribute(ContactAttribute.STATUS)).isEqualTo("ENROLLED");
        // Unblocking proves nothing about the caller: still not authenticated.
        assertThat(answer.attribute(ContactAttribute.AUTHENTICATED_ENROLLED)).isEqualTo("false");
    }

    @Test
    void setFraud_whenAllowed_marksTheContactsIdentitySuspectedFraud() {
        harness.stubs.setFraudFlag(NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, FraudFlag.SUSPECTED_FRAUD);

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"SET_FRAUD\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.attribute(ContactAttribute.FRAUD_FLAG)).isEqualTo("SUSPECTED_FRAUD");
        assertThat(harness.contactAttributes()).containsEntry(ContactAttribute.FRAUD_FLAG.key(), "SUSPECTED_FRAUD");
    }

    @Test
    void clearFraud_whenAFlagIsSet_clearsItOnTheGatewayAndTheContact() {
        Map<String, String> flagged = identifiedAttributes("ENROLLED");
        flagged.put(ContactAttribute.FRAUD_FLAG.key(), "FRAUD_WARNING");
        harness.connect.add(LocalConnectContacts.Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER,
                AgentApiHarness.AGENT_ID), flagged);
        harness.stubs.setFraudFlag(NOMIDIO_ID, NomidioStatus.ENROLLED, null);

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"CLEAR_FRAUD\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.attribute(ContactAttribute.FRAUD_FLAG)).isEmpty();
        assertThat(harness.contactAttributes()).containsEntry(ContactAttribute.FRAUD_FLAG.key(), "");
    }

    @Test
    void confirmFraud_whenNomidioWarned_setsSuspectedFraud() {
        Map<String, String> flagged = identifiedAttributes("ENROLLED");
        flagged.put(ContactAttribute.FRAUD_FLAG.key(), "FRAUD_WARNING");
        harness.connect.add(LocalConnectContacts.Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER,
                AgentApiHarness.AGENT_ID), flagged);
        harness.stubs.setFraudFlag(NOMIDIO_ID, NomidioStatus.ENROLLED, FraudFlag.SUSPECTED_FRAUD);

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"CONFIRM_FRAUD\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.attribute(ContactAttribute.FRAUD_FLAG)).isEqualTo("SUSPECTED_FRAUD");
    }

    @Test
    void confirmFraud_whenThereIsNoWarning_isNotAllowedAndCallsNoGateway() {
        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"CONFIRM_FRAUD\"}"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("error").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(harness.gateway.getAllServeEvents()).isEmpty();
    }

    @Test
    void action_whenTheHttpApiSendsTheBodyBase64Encoded_isReadTheSame() {
        harness.stubs.setBlocked(CALLER, true, NOMIDIO_ID, NomidioStatus.BLOCKED);
        var event = action(java.util.Base64.getEncoder().encodeToString(
                "{\"action\":\"BLOCK\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);

        AgentApiHarness.Answer answer = harness.send(event);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.attribute(ContactAttribute.STATUS)).isEqualTo("BLOCKED");
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
