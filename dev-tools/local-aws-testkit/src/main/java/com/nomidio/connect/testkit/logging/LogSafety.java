package com.nomidio.connect.testkit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What no function's log may hold, and how its lines are read, in one place for every function's LogSafetyTest:
 * the kit's credentials (the gateway's access key secret, plain and base64, the token it issues, the KMS
 * ciphertext), the sample caller's number in any form that would identify them, and context written as text into a
 * message instead of as fields of the JSON line.
 */
public final class LogSafety {

    /** The sample caller every function's tests use. */
    public static final String SAMPLE_CALLER = "+447700900123";
    /** Forms of {@link #SAMPLE_CALLER} that would identify them: the significant number and its parts. */
    public static final List<String> SAMPLE_CALLER_FORMS = List.of(SAMPLE_CALLER, "447700900123", "7700900123",
            "07700 900123", "07700900123", "7700 900123", "7700900");
    /** How a masked number appears: the last three digits only. */
    public static final String SAMPLE_CALLER_MASKED = "***123";
    /** The old style, context as text inside the message: {@code Challenge created [challengeId=...]}. */
    private static final Pattern KEY_IN_MESSAGE = Pattern.compile("\\[[A-Za-z]+=");

    private LogSafety() {
    }

    /**
     * Asserts that {@code logged} holds none of the kit's credentials, no form of the sample caller's number, and
     * none of {@code alsoForbidden} (what a test's own path could leak: a reference, a priming secret).
     */
    public static void assertNoCredentialsOrCallerNumber(String logged, String... alsoForbidden) {
        assertThat(logged)
                .doesNotContain(GatewayStubs.ACCESS_KEY_SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(
                        GatewayStubs.ACCESS_KEY_SECRET.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(GatewayStubs.TOKEN)
                .doesNotContain(LocalKms.CIPHERTEXT_BASE64);
        for (String phone : SAMPLE_CALLER_FORMS) {
            assertThat(logged).as("log output must not contain %s", phone).doesNotContain(phone);
        }
        for (String forbidden : alsoForbidden) {
            assertThat(logged).as("log output must not contain %s", forbidden).doesNotContain(forbidden);
        }
    }

    /** Asserts that there are lines and that every message is a plain sentence, its context in fields. */
    public static void assertPlainMessages(List<JsonNode> lines) {
        assertThat(lines).as("log lines").isNotEmpty().allSatisfy(line ->
                assertThat(line.path("message").asText()).as("message of %s", line)
                        .doesNotContainPattern(KEY_IN_MESSAGE));
    }

    /**
     * What CloudWatch Logs Insights' {@code filter a = "x" and b = "y"} selects: the lines whose fields hold exactly
     * these values.
     */
    public static List<JsonNode> filter(List<JsonNode> lines, Map<String, String> fields) {
        return lines.stream()
                .filter(line -> fields.entrySet().stream()
                        .allMatch(field -> line.path(field.getKey()).isValueNode()
                                && line.path(field.getKey()).asText().equals(field.getValue())))
                .toList();
    }
}
