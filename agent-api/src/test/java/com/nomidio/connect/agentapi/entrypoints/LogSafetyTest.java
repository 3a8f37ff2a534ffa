package com.nomidio.connect.agentapi.entrypoints;

import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.AGENT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CALLER;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CHALLENGE_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CONTACT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.NOMIDIO_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.OTHER_AGENT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.action;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.event;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.logging.LogLevels;
import com.nomidio.connect.testkit.connect.LocalConnectContacts.Contact;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.logging.CapturedStdout;
import com.nomidio.connect.testkit.logging.LogSafety;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * Every request is one audit line (agent, contact, action, outcome, the caller's number masked to its last three
 * digits), found by fields as CloudWatch Logs Insights reads them; and nothing the function logs, at DEBUG too,
 * carries a secret, a token, a full number or what a request's body said.
 */
class LogSafetyTest {

    private static final String AUDIT_MESSAGE = "Agent API request";

    @RegisterExtension
    static final AgentApiHarness harness = new AgentApiHarness();

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout(() -> {
        LogLevels.set("com.nomidio", Level.DEBUG);
        harness.reset();
    }, () -> LogLevels.set("com.nomidio", null));

    @Test
    void everyAction_writesOneAuditLineWithAgentContactActionOutcomeAndMaskedCaller() {
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH)
                .enrol(NOMIDIO_ID, CHALLENGE_ID, NomidioStatus.ENROLLED)
                .setBlocked(CALLER, true, NOMIDIO_ID, NomidioStatus.BLOCKED)
                .setBlocked(CALLER, false, NOMIDIO_ID, NomidioStatus.ENROLLED)
                .setFraudFlag(NOMIDIO_ID, NomidioStatus.ENROLLED, FraudFlag.SUSPECTED_FRAUD)
                .setFraudFlag(NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        List<String> actions = List.of("{\"action\":\"CHALLENGE\",\"level\":\"HIGH\"}", "{\"action\":\"ENROL\"}",
                "{\"action\":\"BLOCK\"}", "{\"action\":\"UNBLOCK\"}", "{\"action\":\"SET_FRAUD\"}",
                "{\"action\":\"CLEAR_FRAUD\"}", "{\"action\":\"CONFIRM_FRAUD\"}");
        harness.send(event("read"));
        actions.forEach(body -> harness.send(action(body)));

        List<JsonNode> audit = auditLines();

        assertThat(audit).hasSize(1 + actions.size());
        assertThat(audit).extracting(line -> line.path("action").asText()).containsExactly("READ", "CHALLENGE",
                "ENROL", "BLOCK", "UNBLOCK", "SET_FRAUD", "CLEAR_FRAUD", "CONFIRM_FRAUD");
        assertThat(audit).allSatisfy(line -> {
            assertThat(line.path("agentId").asText()).isEqualTo(AGENT_ID);
            assertThat(line.path("contactId").asText()).isEqualTo(CONTACT_ID);
            assertThat(line.path("caller").asText()).isEqualTo(LogSafety.SAMPLE_CALLER_MASKED);
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("durationMs").isIntegralNumber()).isTrue();
        });
        assertThat(audit).extracting(line -> line.path("outcome").asText())
                .containsExactly("OK", "OK", "OK", "OK", "OK", "OK", "OK", "NOT_ALLOWED");
        assertSafe();
    }

    @Test
    void refusedRequests_areAuditedWithTheirReasonButAnswerNone() {
        harness.connect.update(Contact.connectedVoice(AgentApiHarness.INSTANCE_ID, CONTACT_ID, CALLER, OTHER_AGENT_ID));
        harness.send(action("{\"action\":\"BLOCK\"}"));
        harness.send(withHeader(event("read"), "x-nomidio-agent-arn", "arn:aws:connect:" + CALLER));
        harness.send(action("{\"action\":\"BLOCK\",\"note\":\"" + CALLER + " " + "x".repeat(9000) + "\"}"));
        harness.send(action("{\"action\":\"BLOCK\",\"note\":\"" + CALLER + "\""));
        harness.send(action("{\"action\":\"" + CALLER + "\"}"));
        // A CORS preflight is no agent's request: no audit line.
        harness.send(event("preflight"));

        List<JsonNode> audit = auditLines();

        assertThat(audit).extracting(line -> line.path("outcome").asText())
                .containsExactly("FORBIDDEN", "FORBIDDEN", "TOO_LARGE", "BAD_REQUEST", "BAD_REQUEST");
        assertThat(audit.getFirst().path("reason").asText()).isEqualTo("contact of another agent");
        assertThat(audit.getFirst().path("agentId").asText()).isEqualTo(AGENT_ID);
        assertThat(audit.get(1).path("reason").asText()).isEqualTo("malformed agent ARN");
        assertThat(audit.get(1).path("agentId").isTextual()).as("a malformed ARN is not logged").isFalse();
        assertSafe();
    }

    @Test
    void gatewayAndCredentialFailures_logNoSecretNoToken() {
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));
        harness.send(action("{\"action\":\"BLOCK\"}"));
        harness.reset();
        // The token request carries the secret: a refusal must not echo it.
        harness.gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/oauth2/token")).atPriority(1)
                .willReturn(GatewayStubs.error(401, "BAD_CREDENTIALS")));
        harness.send(action("{\"action\":\"SET_FRAUD\"}"));
        harness.reset();
        harness.kms.refuseEverything(400, "InvalidCiphertextException", "bad ciphertext");
        harness.send(action("{\"action\":\"BLOCK\"}"));

        assertThat(auditLines()).extracting(line -> line.path("outcome").asText())
                .containsExactly("NOMIDIO_UNAVAILABLE", "ERROR", "ERROR");
        assertSafe();
    }

    private List<JsonNode> auditLines() {
        return stdout.jsonLines().stream().filter(line -> AUDIT_MESSAGE.equals(line.path("message").asText())).toList();
    }

    private void assertSafe() {
        LogSafety.assertNoCredentialsOrCallerNumber(String.join("\n", stdout.lines()), "xxxxxxxx");
        LogSafety.assertPlainMessages(stdout.jsonLines());
    }
}
