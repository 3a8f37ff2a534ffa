package com.nomidio.connect.agentapi.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.AGENT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CALLER;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CHALLENGE_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CONTACT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.INSTANCE_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.NOMIDIO_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.OTHER_AGENT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.OTHER_CONTACT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.OTHER_INSTANCE_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.action;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.agentArn;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.event;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.forContact;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.identifiedAttributes;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.testkit.connect.LocalConnectContacts.Contact;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nobody outside may act on a customer: every request that is not the contact's own connected agent on this
 * instance gets 403 with no detail, and reaches neither the gateway nor the contact's attributes. Bad input is
 * refused before anything is asked; failures answer the contract's errors, never a trace.
 */
class AgentApiSecurityTest {

    private static final String FORBIDDEN = "{\"error\":\"FORBIDDEN\"}";

    @RegisterExtension
    static final AgentApiHarness harness = new AgentApiHarness();

    static Stream<String> everyRequest() {
        return Stream.of("read", "challenge", "enrol", "block", "confirm-fraud");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRequest")
    void request_whenTheContactIsAnotherAgents_isForbiddenWithoutDetail(String sample) {
        harness.connect.update(Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER, OTHER_AGENT_ID));

        assertForbiddenAndUntouched(harness.send(event(sample)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRequest")
    void request_whenTheAgentIsNotYetConnected_isForbidden(String sample) {
        harness.connect.update(Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER, AGENT_ID).withAgent(AGENT_ID, null));

        assertForbiddenAndUntouched(harness.send(event(sample)));
    }

    @Test
    void request_whenTheContactHasEnded_isForbidden() {
        harness.connect.update(Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER, AGENT_ID).disconnected(Instant.now()));

        assertForbiddenAndUntouched(harness.send(action("{\"action\":\"BLOCK\"}")));
    }

    @Test
    void request_whenTheContactIsInQueueWithNoAgent_isForbidden() {
        harness.connect.update(Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER, null).withAgent(null, null));

        assertForbiddenAndUntouched(harness.send(event("read")));
    }

    @Test
    void request_whenTheContactIsUnknown_isForbidden() {
        assertForbiddenAndUntouched(harness.send(forContact(event("block"), OTHER_CONTACT_ID)));
        assertThat(harness.connect.requests("DescribeContact")).hasSize(1);
    }

    @Test
    void request_whenTheContactIsAnotherInstancesWithTheSameAgentId_isForbidden() {
        // The other instance has this contact id, connected to an agent of the same id: ours does not.
        harness.connect.add(Contact.connectedVoice(OTHER_INSTANCE_ID, OTHER_CONTACT_ID, CALLER, AGENT_ID),
                identifiedAttributes("AWAITING_APPROVAL"));

        assertForbiddenAndUntouched(harness.send(forContact(event("block"), OTHER_CONTACT_ID)));
        assertThat(harness.connect.requests("DescribeContact")).singleElement()
                .satisfies(r -> assertThat(r.path()).startsWith("/contacts/" + INSTANCE_ID + "/"));
    }

    @Test
    void request_whenTheAgentArnNamesAnotherInstance_isForbiddenWithoutAskingConnect() {
        harness.connect.add(Contact.connectedVoice(OTHER_INSTANCE_ID, CONTACT_ID, CALLER, AGENT_ID),
                identifiedAttributes("AWAITING_APPROVAL"));

        assertForbiddenAndUntouched(harness.send(withHeader(event("block"), "x-nomidio-agent-arn",
                agentArn(OTHER_INSTANCE_ID, AGENT_ID))));
        assertThat(harness.connect.requests()).isEmpty();
    }

    @Test
    void request_whenTheAgentArnIsMalformed_isForbiddenWithoutAskingConnect() {
        for (String arn : new String[] {"not-an-arn", AGENT_ID,
                "arn:aws:connect:eu-west-2:111122223333:instance/" + INSTANCE_ID + "/queue/" + AGENT_ID,
                agentArn(INSTANCE_ID, AGENT_ID) + "/extra", agentArn(INSTANCE_ID, "../" + AGENT_ID.substring(3))}) {
            assertForbiddenAndUntouched(harness.send(withHeader(event("read"), "x-nomidio-agent-arn", arn)));
        }
        assertThat(harness.connect.requests()).isEmpty();
    }

    @Test
    void request_whenTheContactIdIsMalformed_isForbiddenWithoutAskingConnect() {
        assertForbiddenAndUntouched(harness.send(forContact(event("read"), "..%2F..%2Fcontact%2Fattributes")));
        assertThat(harness.connect.requests()).isEmpty();
    }

    @Test
    void request_whenTheAgentHeaderIsMissing_isABadRequest() {
        AgentApiHarness.Answer answer = harness.send(withHeader(event("block"), "x-nomidio-agent-arn", null));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(harness.connect.requests()).isEmpty();
    }

    @Test
    void action_whenTheBodyIsMalformedOrUnknown_isABadRequestThatQuotesNothing() {
        for (String body : new String[] {"{\"action\":\"BLOCK\"", "[\"BLOCK\"]", "{\"action\":\"DELETE_CUSTOMER\"}",
                "{\"action\":\"block\"}", "{\"action\":\"CHALLENGE\"}", "{\"action\":\"CHALLENGE\",\"level\":\"LOW\"}",
                "{\"action\":\"BLOCK\",\"level\":\"HIGH\"}", "", "{\"action\":" + CALLER + "}"}) {
            AgentApiHarness.Answer answer = harness.send(action(body));

            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body().path("error").asText()).as(body).isEqualTo("BAD_REQUEST");
            assertThat(answer.response().getBody()).as(body).doesNotContain("DELETE_CUSTOMER").doesNotContain("7700");
        }
        assertThat(harness.connect.requests()).isEmpty();
        assertThat(harness.gateway.getAllServeEvents()).isEmpty();
    }

    @Test
    void action_whenTheBodyIsOverAFewKiB_isTooLargeBeforeAnythingIsAsked() {
        String big = "{\"action\":\"BLOCK\",\"padding\":\"" + "x".repeat(5000) + "\"}";

        AgentApiHarness.Answer answer = harness.send(action(big));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.response().getBody()).isEqualTo("{\"error\":\"TOO_LARGE\"}");
        assertThat(harness.connect.requests()).isEmpty();
    }

    @Test
    void action_whenTheGatewayIsDown_answersNomidioUnavailableAndWritesNothing() {
        Map<String, String> env = harness.environment();
        env.put(GatewayConfig.GATEWAY_URL, AgentApiHarness.closedPortUrl());
        harness.rewire(env);

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"BLOCK\"}"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.response().getBody()).isEqualTo("{\"error\":\"NOMIDIO_UNAVAILABLE\"}");
        assertThat(harness.connect.requests("UpdateContactAttributes")).isEmpty();
    }

    @Test
    void action_whenTheGatewayFails_answersNomidioUnavailable() {
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"SET_FRAUD\"}"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body().path("error").asText()).isEqualTo("NOMIDIO_UNAVAILABLE");
    }

    @Test
    void request_whenConnectFails_answersErrorWithoutDetail() {
        harness.connect.failEverything(500, "InternalServiceException");

        AgentApiHarness.Answer answer = harness.send(event("read"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.response().getBody()).isEqualTo("{\"error\":\"ERROR\"}");
    }

    @Test
    void enrol_whenTheContactsChallengePassedOnlyAtStandard_isNotAllowed() {
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD)
                .enrol(NOMIDIO_ID, CHALLENGE_ID, NomidioStatus.ENROLLED);

        assertEnrolRefused(harness.send(action("{\"action\":\"ENROL\"}")));
    }

    @Test
    void enrol_whenTheHighChallengeFailed_isNotAllowed() {
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.FAILED, AuthLevel.HIGH)
                .enrol(NOMIDIO_ID, CHALLENGE_ID, NomidioStatus.ENROLLED);

        assertEnrolRefused(harness.send(action("{\"action\":\"ENROL\"}")));
    }

    @Test
    void enrol_whenTheChallengeIdOnTheContactIsAnotherContacts_isNotAllowed() {
        // The attributes say PASSED at HIGH, but the gateway says the challenge was made for another contact.
        harness.stubs.bindChallengesTo(OTHER_CONTACT_ID, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH)
                .enrol(NOMIDIO_ID, CHALLENGE_ID, NomidioStatus.ENROLLED);

        assertEnrolRefused(harness.send(action("{\"action\":\"ENROL\"}")));
    }

    @Test
    void enrol_whenTheChallengeIsAnotherIdentitys_isNotAllowed() {
        harness.stubs.bindChallengesTo(CONTACT_ID, "NMD-OTHER", NomidioStatus.AWAITING_APPROVAL, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH)
                .enrol(NOMIDIO_ID, CHALLENGE_ID, NomidioStatus.ENROLLED);

        assertEnrolRefused(harness.send(action("{\"action\":\"ENROL\"}")));
    }

    @Test
    void enrol_whenTheCallerIsNotAwaitingApproval_isNotAllowed() {
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH)
                .enrol(NOMIDIO_ID, CHALLENGE_ID, NomidioStatus.ENROLLED);

        assertEnrolRefused(harness.send(action("{\"action\":\"ENROL\"}")));
    }

    @Test
    void enrol_whenTheContactHasNoChallenge_isNotAllowedWithoutAskingTheGateway() {
        Map<String, String> attributes = identifiedAttributes("AWAITING_APPROVAL");
        attributes.remove("nomidio_challenge_id");
        harness.connect.add(Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER, AGENT_ID), attributes);

        assertEnrolRefused(harness.send(action("{\"action\":\"ENROL\"}")));
        assertThat(harness.gateway.getAllServeEvents()).isEmpty();
    }

    private static void assertEnrolRefused(AgentApiHarness.Answer answer) {
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("error").asText()).isEqualTo("NOT_ALLOWED");
        harness.gateway.verify(0, postRequestedFor(urlPathMatching("/v1/identities/.*/enrolment")));
        assertThat(harness.connect.requests("UpdateContactAttributes")).isEmpty();
        assertThat(harness.contactAttributes()).containsEntry("nomidio_status", "AWAITING_APPROVAL");
    }

    private static void assertForbiddenAndUntouched(AgentApiHarness.Answer answer) {
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.response().getBody()).isEqualTo(FORBIDDEN);
        assertThat(harness.connect.requests("GetContactAttributes")).isEmpty();
        assertThat(harness.connect.requests("UpdateContactAttributes")).isEmpty();
        harness.gateway.verify(0, postRequestedFor(anyUrl()));
        assertThat(harness.gateway.getAllServeEvents()).isEmpty();
    }
}
