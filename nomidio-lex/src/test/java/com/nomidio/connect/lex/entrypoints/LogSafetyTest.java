package com.nomidio.connect.lex.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.CONTACT_ID;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.chat;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.event;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.nextTurn;
import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.CHALLENGE_ID;
import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.CUSTOMER;
import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.NOMIDIO_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.logging.LogLevels;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.logging.CapturedStdout;
import com.nomidio.connect.testkit.logging.LogSafety;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * Captures stdout, where the JSON logging backend (nomidio-logging) writes, through the chat journey (a typed
 * number, an invitation, a challenge), the voice menu and the failure paths that handle credentials, and proves
 * that no secret, token, full phone number or customer reference is written, that every line is one JSON object
 * with plain-sentence messages, and that each line of an invocation carries the contact id.
 */
class LogSafetyTest {

    private static final String REFERENCE = "CUST-7731";

    @RegisterExtension
    static final NomidioLexHarness harness = new NomidioLexHarness();

    // Our own debug lines too, in case one ever prints a value it should not; the handler is rebuilt once stdout is
    // captured, so that its construction is logged too.
    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout(() -> {
        LogLevels.set("com.nomidio", Level.DEBUG);
        harness.reset();
    }, () -> LogLevels.set("com.nomidio", null));

    @Test
    void everyPath_andCredentialFailures_logNoSecretNoTokenNoNumberNoReference_andCarryTheContactId()
            throws IOException {
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null).invite(CUSTOMER)
                .identityByReference(REFERENCE, NOMIDIO_ID, NomidioStatus.ENROLLED)
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);
        ObjectNode first = chat("07700 900123");
        harness.invoke(nextTurn(first, harness.invoke(first), "NomidioRegister", "1"));
        // Opt-out asked on chat (answered, never acted on), with the number typed again.
        harness.invoke(nextTurn(first, harness.invoke(first), "NomidioOptOut", "opt out 07700 900123 call me"));
        ObjectNode byReference = chat(REFERENCE);
        harness.invoke(nextTurn(byReference, harness.invoke(byReference), "NomidioChallengeDone", "done"));
        harness.invoke(chat("my number is 07700 900123 call me"));
        harness.invoke(event("voice-speech-opt-out"));
        // The token request carries the secret: a refusal must not echo it.
        harness.gateway.stubFor(post(urlPathEqualTo("/oauth2/token")).atPriority(1)
                .willReturn(GatewayStubs.error(401, "BAD_CREDENTIALS")));
        harness.invoke(chat("07700 900123"));
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));
        harness.invoke(chat("07700 900123"));
        harness.reset();
        harness.kms.refuseEverything(400, "InvalidCiphertextException", "bad ciphertext");
        harness.invoke(chat("07700 900123"));
        harness.invoke(("{\"sessionId\":\"x\",\"inputTranscript\":\"" + CUSTOMER + "\" oops").getBytes(StandardCharsets.UTF_8));

        List<String> lines = stdout.lines();
        String everything = String.join("\n", lines);
        assertThat(lines).as("log lines").hasSizeGreaterThan(12);
        LogSafety.assertNoCredentialsOrCallerNumber(everything, REFERENCE, "call me");
        assertThat(everything).contains(LogSafety.SAMPLE_CALLER_MASKED);
        List<JsonNode> json = stdout.jsonLines();
        assertThat(json).filteredOn(l -> l.path("message").asText().equals("Answered Lex")).hasSize(12)
                .filteredOn(l -> l.path("intent").isTextual())
                .allSatisfy(l -> assertThat(l.path("contactId").asText()).isEqualTo(CONTACT_ID));
        LogSafety.assertPlainMessages(json);
    }
}
