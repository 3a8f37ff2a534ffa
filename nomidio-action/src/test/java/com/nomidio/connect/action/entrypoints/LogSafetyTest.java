package com.nomidio.connect.action.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.event;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withAction;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withAttribute;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withCaller;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withoutAttribute;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CALLER;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CHALLENGE_ID;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CONTACT_ID;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.NOMIDIO_ID;
import static com.nomidio.connect.testkit.logging.LogSafety.assertPlainMessages;
import static com.nomidio.connect.testkit.logging.LogSafety.filter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.logging.LogLevels;
import com.nomidio.connect.snapstart.LoopbackServices;
import com.nomidio.connect.snapstart.PrimingContext;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.logging.CapturedStdout;
import com.nomidio.connect.testkit.logging.LogSafety;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * Captures stdout, where the JSON logging backend (nomidio-logging) and the EMF metrics write, through every action
 * and the failure paths that handle credentials, and proves that no secret, token or full phone number is
 * written, that every line is JSON, and that each line of an invocation carries the ContactId.
 * The lines are read the way CloudWatch Logs Insights reads them too: context (contactId, action, outcome,
 * challengeId...) in fields, so that {@code filter action = "lookup" and outcome = "ENROLLED"} finds an invocation
 * without {@code parse}; messages are plain sentences.
 */
class LogSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final NomidioActionHarness harness = new NomidioActionHarness();

    // Our own debug lines too, in case one ever prints a value it should not; the handler is rebuilt once stdout is
    // captured, so that its construction is logged too.
    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout(() -> {
        LogLevels.set("com.nomidio", Level.DEBUG);
        harness.reset();
    }, () -> LogLevels.set("com.nomidio", null));

    @Test
    void everyAction_andCredentialFailures_logNoSecretNoTokenNoFullNumber_andCarryContactId() throws IOException {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, FraudFlag.SUSPECTED_FRAUD)
                .invite(CALLER)
                .optOut()
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.FAILED, AuthLevel.STANDARD);
        harness.invoke(withCaller(event("lookup"), "07700 900123"));
        harness.invoke(event("invite"));
        harness.invoke(withoutAttribute(event("optOut"), "nomidio_id"));
        harness.invoke(event("createChallenge"));
        harness.invoke(event("startSampleUpload"));
        harness.invoke(event("challengeResult"));
        harness.invoke(withAction(event("lookup"), "+447700900123"));
        harness.invoke(withCaller(event("lookup"), "+44 7700 900123 9999 9999"));
        // The token request carries the secret: a refusal must not echo it.
        harness.gateway.stubFor(post(urlPathEqualTo("/oauth2/token")).atPriority(1)
                .willReturn(GatewayStubs.error(401, "BAD_CREDENTIALS")));
        harness.invoke(event("lookup"));
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));
        harness.invoke(event("lookup"));
        harness.reset();
        harness.kms.refuseEverything(400, "InvalidCiphertextException", "bad ciphertext");
        harness.invoke(event("lookup"));

        List<String> lines = stdout.lines();
        String everything = String.join("\n", lines) + "\n" + metricsText();
        assertThat(lines).as("log lines").hasSizeGreaterThan(15);
        LogSafety.assertNoCredentialsOrCallerNumber(everything);
        for (String line : lines) {
            JsonNode json = JSON.readTree(line);
            if (json.has("awsRequestId")) {
                assertThat(json.path("contactId").asText()).as("contactId of %s", line).isEqualTo(CONTACT_ID);
            }
        }
        assertThat(lines).filteredOn(l -> l.contains("Answered contact flow")).hasSize(11)
                .allSatisfy(l -> assertThat(JSON.readTree(l).path("contactId").asText()).isEqualTo(CONTACT_ID));
        assertThat(everything).contains(LogSafety.SAMPLE_CALLER_MASKED);
        assertPlainMessages(stdout.jsonLines());
    }

    @Test
    void snapStartHooks_whenPrimingRestoringAndAnsweringAfter_logNoSecretNoTokenNoFullNumber() throws Exception {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        NomidioActionHandler handler = NomidioActionHandler.fromEnvironment(SnapStartPrimingTest.snapStartEnvironment(harness));

        handler.snapStart().beforeCheckpoint(null);
        handler.snapStart().afterRestore(null);
        handler.snapStart().lastRefill().get(30, TimeUnit.SECONDS);
        handler.handleRequest(new ByteArrayInputStream(ConnectEventFixtures.bytes(event("lookup"))),
                new ByteArrayOutputStream(), null);
        // A second restore whose refill fails at the token request: the refusal must not echo what was sent.
        harness.gateway.stubFor(post(urlPathEqualTo("/oauth2/token")).atPriority(1)
                .willReturn(GatewayStubs.error(401, "BAD_CREDENTIALS")));
        handler.snapStart().afterRestore(null);
        handler.snapStart().lastRefill().get(30, TimeUnit.SECONDS);

        List<JsonNode> lines = stdout.jsonLines();
        String everything = String.join("\n", stdout.lines());
        assertThat(filter(lines, Map.of("function", "nomidioAction", "message", "Primed before the snapshot"))).hasSize(1);
        assertThat(filter(lines, Map.of("message", "Answered contact flow", "awsRequestId", PrimingContext.REQUEST_ID)))
                .as("one logged pass of the priming; its %d lookups for the JIT are not logged", NomidioActionHandler.PRIMING_LOOKUPS)
                .extracting(line -> line.path("action").asText())
                .containsExactlyElementsOf(NomidioActionHandler.PRIMING_ACTIONS);
        assertThat(filter(lines, Map.of("message", "Decrypted the access key secret")))
                .as("one per logged decrypt (5 here), not one per priming refill (300)").hasSizeLessThan(10);
        assertThat(filter(lines, Map.of("function", "nomidioAction", "message", "Restored from the snapshot"))).hasSize(2);
        assertThat(filter(lines, Map.of("function", "nomidioAction", "message",
                "Refilled the secret and token after the restore"))).singleElement()
                .satisfies(line -> assertThat(line.path("durationMs").isIntegralNumber()).isTrue());
        assertThat(filter(lines, Map.of("function", "nomidioAction", "message",
                "Refill after the restore failed; the first invocation decrypts and authenticates for itself")))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("WARN");
                    assertThat(line.path("problem").asText()).contains("BAD_CREDENTIALS");
                });
        LogSafety.assertNoCredentialsOrCallerNumber(everything, LoopbackServices.PRIMING_PLAINTEXT,
                LoopbackServices.PRIMING_TOKEN);
        assertPlainMessages(lines);
    }

    @Test
    void unreadableEvent_containingANumber_isNotEchoedIntoTheLog() {
        String payload = "{\"Details\":{\"ContactData\":{\"CustomerEndpoint\":{\"Address\":\"" + CALLER + "\"}}} oops";

        harness.invoke(payload.getBytes(StandardCharsets.UTF_8), NomidioActionHarness.CONNECT_REMAINING_MS);

        String everything = String.join("\n", stdout.lines());
        assertThat(everything).contains("Unreadable invocation");
        LogSafety.assertNoCredentialsOrCallerNumber(everything);
    }

    @Test
    void handleRequest_whenLookupAnswers_isFoundByContactIdActionAndOutcomeFields() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        harness.invoke(event("lookup"));
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));
        harness.invoke(event("lookup"));

        List<JsonNode> lines = stdout.jsonLines();

        assertThat(filter(lines, Map.of("contactId", CONTACT_ID, "action", "lookup", "outcome", "ENROLLED")))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("message").asText()).isEqualTo("Answered contact flow");
                    assertThat(line.path("durationMs").isIntegralNumber()).as("durationMs is a number").isTrue();
                    assertThat(line.path("caller").asText()).isEqualTo(LogSafety.SAMPLE_CALLER_MASKED);
                });
        assertThat(filter(lines, Map.of("contactId", CONTACT_ID, "action", "lookup", "outcome", "NOMIDIO_UNAVAILABLE")))
                .singleElement().satisfies(line -> assertThat(line.path("level").asText()).isEqualTo("INFO"));
        assertThat(filter(lines, Map.of("action", "lookup", "error", "SERVER_ERROR")))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("WARN");
                    assertThat(line.path("message").asText()).isEqualTo("Nomidio gateway unavailable, answering NOMIDIO_UNAVAILABLE");
                    assertThat(line.path("contactId").asText()).isEqualTo(CONTACT_ID);
                });
        assertThat(filter(lines, Map.of("outcome", "ENROLLED", "action", "invite"))).isEmpty();
        assertPlainMessages(lines);
    }

    @Test
    void handleRequest_whenChallengeCreated_carriesChallengeIdAndAuthLevelAsFields() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null).createChallenge(NOMIDIO_ID, AuthLevel.HIGH, CHALLENGE_ID);
        harness.invoke(withAttribute(event("createChallenge"), "nomidio_auth_level", "HIGH"));

        List<JsonNode> lines = stdout.jsonLines();

        assertThat(filter(lines, Map.of("contactId", CONTACT_ID, "challengeId", CHALLENGE_ID)))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("message").asText()).isEqualTo("Challenge created");
                    assertThat(line.path("authLevel").asText()).isEqualTo("HIGH");
                    assertThat(line.path("channel").asText()).isEqualTo("VOICE");
                    assertThat(line.path("level").asText()).isEqualTo("INFO");
                });
        assertThat(filter(lines, Map.of("action", "createChallenge", "outcome", "CREATED"))).hasSize(1);
        assertPlainMessages(lines);
    }

    @Test
    void handleRequest_whenTheActionIsInvalid_logsTheProblemAsAFieldBesideTheAction() {
        harness.invoke(withoutAttribute(event("challengeResult"), "nomidio_challenge_id"));

        List<JsonNode> lines = stdout.jsonLines();

        assertThat(filter(lines, Map.of("action", "challengeResult", "level", "ERROR")))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("message").asText()).isEqualTo("Invalid request, answering ERROR");
                    assertThat(line.path("problem").asText()).contains("nomidio_challenge_id");
                });
        assertThat(filter(lines, Map.of("contactId", CONTACT_ID, "action", "challengeResult", "outcome", "ERROR")))
                .hasSize(1);
        assertPlainMessages(lines);
    }

    private static String metricsText() {
        return String.join("\n", harness.metricLines().stream().map(JsonNode::toString).toList());
    }
}
