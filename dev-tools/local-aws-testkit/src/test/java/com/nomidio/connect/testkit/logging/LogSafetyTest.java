package com.nomidio.connect.testkit.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared log assertions fail on what every function's LogSafetyTest relies on them to catch. */
class LogSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void assertNoCredentialsOrCallerNumber_whenOnlyTheMaskedNumberIsLogged_passes() {
        assertThatCode(() -> LogSafety.assertNoCredentialsOrCallerNumber(
                "{\"message\":\"Answered contact flow\",\"caller\":\"" + LogSafety.SAMPLE_CALLER_MASKED + "\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void assertNoCredentialsOrCallerNumber_whenTheNationalFormIsLogged_fails() {
        assertThatThrownBy(() -> LogSafety.assertNoCredentialsOrCallerNumber("{\"input\":\"07700 900123\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("07700 900123");
    }

    @Test
    void assertNoCredentialsOrCallerNumber_whenTheSecretIsLoggedInBase64_fails() {
        String encoded = Base64.getEncoder().encodeToString(GatewayStubs.ACCESS_KEY_SECRET.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> LogSafety.assertNoCredentialsOrCallerNumber("{\"body\":\"" + encoded + "\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void assertNoCredentialsOrCallerNumber_whenATestsOwnForbiddenValueIsLogged_fails() {
        assertThatThrownBy(() -> LogSafety.assertNoCredentialsOrCallerNumber("{\"reference\":\"CUST-7731\"}", "CUST-7731"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CUST-7731");
    }

    @Test
    void assertPlainMessages_whenContextIsWrittenIntoTheMessage_fails() throws Exception {
        List<JsonNode> lines = List.of(JSON.readTree("{\"message\":\"Challenge created [challengeId=ch-1]\"}"));

        assertThatThrownBy(() -> LogSafety.assertPlainMessages(lines)).isInstanceOf(AssertionError.class);
    }

    @Test
    void filter_whenFieldsAreGiven_selectsOnlyLinesHoldingEveryValue() throws Exception {
        List<JsonNode> lines = List.of(
                JSON.readTree("{\"action\":\"lookup\",\"outcome\":\"ENROLLED\"}"),
                JSON.readTree("{\"action\":\"lookup\",\"outcome\":\"NOT_FOUND\"}"),
                JSON.readTree("{\"action\":{\"name\":\"lookup\"},\"outcome\":\"ENROLLED\"}"));

        assertThat(LogSafety.filter(lines, Map.of("action", "lookup", "outcome", "ENROLLED"))).containsExactly(lines.get(0));
    }
}
