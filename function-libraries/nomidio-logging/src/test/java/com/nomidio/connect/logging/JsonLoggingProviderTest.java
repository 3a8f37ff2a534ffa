package com.nomidio.connect.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

class JsonLoggingProviderTest {

    /** Refuses a line with two fields of one name, which JSON readers (Logs Insights too) resolve differently. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
        MDC.clear();
        LogLevels.set("com.nomidio", null);
        LogLevels.set("com.nomidio.Quiet", null);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void info_whenMdcHasContact_writesOneJsonLineWithIt() throws IOException {
        MDC.put("contactId", "c-123");
        LoggerFactory.getLogger("com.nomidio.Test").info("Looked up {} identities, all {}", 3, "ENROLLED");

        assertThat(lines()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("logger").asText()).isEqualTo("com.nomidio.Test");
            assertThat(line.path("message").asText()).isEqualTo("Looked up 3 identities, all ENROLLED");
            assertThat(line.path("contactId").asText()).isEqualTo("c-123");
            assertThat(line.path("timestamp").asText()).endsWith("Z");
        });
    }

    @Test
    void fluentApi_whenKeyValuesGiven_writesThemAsTypedFields() throws IOException {
        LoggerFactory.getLogger("com.nomidio.Test").atInfo()
                .addKeyValue("action", "lookup").addKeyValue("durationMs", 42L).addKeyValue("gatewayMs", (Object) null)
                .log("Answered");

        JsonNode line = lines().get(0);
        assertThat(line.path("action").asText()).isEqualTo("lookup");
        assertThat(line.path("durationMs").isNumber()).isTrue();
        assertThat(line.path("durationMs").asLong()).isEqualTo(42L);
        assertThat(line.has("gatewayMs")).isTrue();
        assertThat(line.path("message").asText()).isEqualTo("Answered");
    }

    @Test
    void error_whenThrowableGiven_writesStackTraceAsOneField() throws IOException {
        LoggerFactory.getLogger("com.nomidio.Test").error("Failed to {}", "decrypt", new IllegalStateException("boom"));

        JsonNode line = lines().get(0);
        assertThat(line.path("message").asText()).isEqualTo("Failed to decrypt");
        assertThat(line.path("exception").asText()).contains("IllegalStateException: boom");
    }

    @Test
    void fluentApi_whenKeyValueNamesTheMdcEntry_writesOneFieldWithTheKeyValue() throws IOException {
        MDC.put("contactId", "from-mdc");
        MDC.put("awsRequestId", "r-1");
        LoggerFactory.getLogger("com.nomidio.Test").atInfo()
                .addKeyValue("contactId", "from-event").addKeyValue("status", "first").addKeyValue("status", "second")
                .log("Simulated call starts");

        JsonNode line = lines().get(0);
        assertThat(line.path("contactId").asText()).isEqualTo("from-event");
        assertThat(line.path("awsRequestId").asText()).isEqualTo("r-1");
        assertThat(line.path("status").asText()).isEqualTo("second");
    }

    @Test
    void fluentApi_whenKeyValueNamesAFieldOfTheLine_keepsTheLineFieldAndRenamesTheValue() throws IOException {
        LoggerFactory.getLogger("com.nomidio.Test").atWarn()
                .addKeyValue("level", "HIGH").addKeyValue("message", "from a key-value")
                .addKeyValue("exception", "java.io.IOException: summary").setCause(new IllegalStateException("boom"))
                .log("Plain sentence");

        JsonNode line = lines().get(0);
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("message").asText()).isEqualTo("Plain sentence");
        assertThat(line.path("exception").asText()).contains("IllegalStateException: boom");
        assertThat(line.path("kv_level").asText()).isEqualTo("HIGH");
        assertThat(line.path("kv_message").asText()).isEqualTo("from a key-value");
        assertThat(line.path("kv_exception").asText()).isEqualTo("java.io.IOException: summary");
    }

    @Test
    void fluentApi_whenExceptionIsAKeyValueWithoutCause_writesItAsTheExceptionField() throws IOException {
        LoggerFactory.getLogger("com.nomidio.Test").atWarn()
                .addKeyValue("exception", "java.io.IOException: closed").log("Could not record the invocation");

        JsonNode line = lines().get(0);
        assertThat(line.path("exception").asText()).isEqualTo("java.io.IOException: closed");
        assertThat(line.has("kv_exception")).isFalse();
    }

    @Test
    void levels_whenBelowThreshold_writeNothing() throws IOException {
        Logger ours = LoggerFactory.getLogger("com.nomidio.Test");
        ours.debug("hidden at INFO");
        LoggerFactory.getLogger("software.amazon.awssdk.request").info("SDK chatter stays out");

        LogLevels.set("com.nomidio", Level.DEBUG);
        ours.debug("shown at DEBUG");

        assertThat(lines()).extracting(l -> l.path("message").asText()).containsExactly("shown at DEBUG");
    }

    @Test
    void message_whenItHasQuotesAndNewlines_staysOneValidLine() throws IOException {
        LoggerFactory.getLogger("com.nomidio.Test").warn("odd \"input\"\nsecond line");

        assertThat(stdout.toString(StandardCharsets.UTF_8).strip().split("\n")).hasSize(1);
        assertThat(lines().get(0).path("message").asText()).isEqualTo("odd \"input\"\nsecond line");
    }

    @Test
    void threshold_matchesWholeNameSegmentsOnly() {
        LogLevels levels = new LogLevels(Level.INFO);
        assertThat(levels.threshold("software.amazon.awssdk.core")).isEqualTo(Level.WARN.toInt());
        assertThat(levels.threshold("software.amazon.awssdkextra")).isEqualTo(Level.INFO.toInt());
        assertThat(LogLevels.parse("debug", Level.INFO)).isEqualTo(Level.DEBUG);
        assertThat(LogLevels.parse("nonsense", Level.INFO)).isEqualTo(Level.INFO);
    }

    @Test
    void off_whenAPrefixIsOff_writesNothingThereEvenErrors() throws IOException {
        LogLevels.off("com.nomidio.Quiet");

        LoggerFactory.getLogger("com.nomidio.Quiet.Inner").error("silenced error");
        LoggerFactory.getLogger("com.nomidio.Loud").error("written error");

        assertThat(lines()).extracting(l -> l.path("message").asText()).containsExactly("written error");
    }

    @Test
    void levels_whenPowertoolsLogsAnError_writeNothing() throws IOException {
        // Powertools' CloudFormation module puts the pre-signed ResponseURL in its ERROR lines.
        Logger powertools = LoggerFactory.getLogger("software.amazon.lambda.powertools.cloudformation.AbstractCustomResourceHandler");
        powertools.error("Unable to send response {} to {}.", "response", "https://bucket.example/?X-Amz-Signature=abc");

        assertThat(powertools.isErrorEnabled()).isFalse();
        assertThat(lines()).isEmpty();
    }

    @Test
    void rootThreshold_whenLevelIsOff_isAboveEveryLevel() {
        assertThat(LogLevels.rootThreshold(" off ")).isEqualTo(LogLevels.OFF).isGreaterThan(Level.ERROR.toInt());
        assertThat(LogLevels.rootThreshold("warn")).isEqualTo(Level.WARN.toInt());
        assertThat(LogLevels.rootThreshold(null)).isEqualTo(Level.INFO.toInt());
    }
}
