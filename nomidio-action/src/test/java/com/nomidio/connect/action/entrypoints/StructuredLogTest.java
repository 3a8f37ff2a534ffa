package com.nomidio.connect.action.entrypoints;

import static com.nomidio.connect.action.entrypoints.ActionRig.CALLER;
import static com.nomidio.connect.action.entrypoints.ActionRig.CHALLENGE_ID;
import static com.nomidio.connect.action.entrypoints.ActionRig.CONTACT_ID;
import static com.nomidio.connect.action.entrypoints.ActionRig.NOMIDIO_ID;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.event;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withAttribute;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withoutAttribute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.logging.LogLevels;
import com.nomidio.connect.testing.GatewayStubs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * The function's log lines are read the way CloudWatch Logs Insights reads them: each line a JSON object whose
 * context (contactId, action, outcome, challengeId...) are fields, so that {@code filter action = "lookup" and
 * outcome = "ENROLLED"} finds an invocation without {@code parse}. Messages are plain sentences.
 */
class StructuredLogTest {

    /** Duplicate field names would make Logs Insights (and readers in general) pick one value arbitrarily. */
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** The old style, context as text inside the message: {@code Challenge created [challengeId=...]}. */
    private static final Pattern KEY_IN_MESSAGE = Pattern.compile("\\[[A-Za-z]+=");

    private static ActionRig rig;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream originalStdout;

    @BeforeAll
    static void startRig() {
        rig = new ActionRig();
    }

    @AfterAll
    static void stopRig() {
        rig.close();
    }

    @BeforeEach
    void captureStdout() {
        originalStdout = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        LogLevels.set("com.nomidio", Level.DEBUG);
        rig.reset();
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(originalStdout);
        LogLevels.set("com.nomidio", null);
    }

    @Test
    void handleRequest_whenLookupAnswers_isFoundByContactIdActionAndOutcomeFields() {
        rig.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        rig.invoke(event("lookup"));
        rig.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));
        rig.invoke(event("lookup"));

        List<JsonNode> lines = lines();

        assertThat(filter(lines, Map.of("contactId", CONTACT_ID, "action", "lookup", "outcome", "ENROLLED")))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("message").asText()).isEqualTo("Answered contact flow");
                    assertThat(line.path("durationMs").isIntegralNumber()).as("durationMs is a number").isTrue();
                    assertThat(line.path("caller").asText()).isEqualTo("***123");
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
        rig.stubs.createChallenge(NOMIDIO_ID, AuthLevel.HIGH, CHALLENGE_ID);
        rig.invoke(withAttribute(event("createChallenge"), "nomidio_auth_level", "HIGH"));

        List<JsonNode> lines = lines();

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
        rig.invoke(withoutAttribute(event("challengeResult"), "nomidio_challenge_id"));

        List<JsonNode> lines = lines();

        assertThat(filter(lines, Map.of("action", "challengeResult", "level", "ERROR")))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("message").asText()).isEqualTo("Invalid request, answering ERROR");
                    assertThat(line.path("problem").asText()).contains("nomidio_challenge_id");
                });
        assertThat(filter(lines, Map.of("contactId", CONTACT_ID, "action", "challengeResult", "outcome", "ERROR")))
                .hasSize(1);
        assertPlainMessages(lines);
    }

    /** What {@code filter a = "x" and b = "y"} selects: lines whose fields hold exactly these values. */
    private static List<JsonNode> filter(List<JsonNode> lines, Map<String, String> fields) {
        return lines.stream()
                .filter(line -> fields.entrySet().stream()
                        .allMatch(field -> line.path(field.getKey()).isValueNode()
                                && line.path(field.getKey()).asText().equals(field.getValue())))
                .toList();
    }

    private static void assertPlainMessages(List<JsonNode> lines) {
        assertThat(lines).as("log lines").isNotEmpty().allSatisfy(line ->
                assertThat(line.path("message").asText()).as("message of %s", line)
                        .doesNotContainPattern(KEY_IN_MESSAGE));
    }

    private List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(STRICT_JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not one JSON object: " + line, e);
                }
            }
        }
        return lines;
    }
}
