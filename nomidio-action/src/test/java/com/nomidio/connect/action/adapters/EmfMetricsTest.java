package com.nomidio.connect.action.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.action.domain.ActionOutcome;
import com.nomidio.connect.domain.FlowAttributes;
import com.nomidio.connect.domain.NomidioStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The EMF line follows the specification CloudWatch Logs reads: every metric named has a value at the root. */
class EmfMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics(new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void record_whenUnavailable_writesOneLineWithDimensionsAndTheUnavailableFlag() throws Exception {
        ActionOutcome outcome = new ActionOutcome("lookup", "NOMIDIO_UNAVAILABLE",
                FlowAttributes.failure(NomidioStatus.NOMIDIO_UNAVAILABLE), "***123", Duration.ofMillis(7012));

        metrics.record(outcome, Duration.ofNanos(7_020_456_789L), "contact-1");

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith(System.lineSeparator()).hasLineCount(1);
        JsonNode line = JSON.readTree(text);
        JsonNode aws = line.path("_aws");
        assertThat(aws.path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        JsonNode byOutcome = aws.path("CloudWatchMetrics").get(0);
        assertThat(byOutcome.path("Namespace").asText()).isEqualTo("NomidioConnect");
        assertThat(byOutcome.path("Dimensions").toString()).isEqualTo("[[\"action\",\"outcome\"],[\"outcome\"]]");
        assertThat(byOutcome.path("Metrics").findValuesAsText("Name")).containsExactly("Invocations", "Duration", "GatewayLatency");
        JsonNode unavailable = aws.path("CloudWatchMetrics").get(1);
        assertThat(unavailable.path("Dimensions").toString()).isEqualTo("[[\"action\"],[]]");
        assertThat(unavailable.path("Metrics").findValuesAsText("Name")).containsExactly("NomidioUnavailable", "ConfigurationFailure");
        assertThat(line.path("action").asText()).isEqualTo("lookup");
        assertThat(line.path("outcome").asText()).isEqualTo("NOMIDIO_UNAVAILABLE");
        assertThat(line.path("Invocations").asInt()).isEqualTo(1);
        assertThat(line.path("Duration").asDouble()).isEqualTo(7020.46);
        assertThat(line.path("GatewayLatency").asDouble()).isEqualTo(7012.0);
        assertThat(line.path("NomidioUnavailable").asInt()).isEqualTo(1);
        assertThat(line.path("contactId").asText()).isEqualTo("contact-1");
    }

    @Test
    void record_whenNoGatewayCall_namesNoGatewayLatency() throws Exception {
        ActionOutcome outcome = new ActionOutcome("lookup", "WITHHELD_NUMBER",
                FlowAttributes.failure(NomidioStatus.WITHHELD_NUMBER), "withheld", null);

        metrics.record(outcome, Duration.ofMillis(1), "contact-1");

        JsonNode line = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").findValuesAsText("Name"))
                .doesNotContain("GatewayLatency");
        assertThat(line.has("GatewayLatency")).isFalse();
        assertThat(line.path("NomidioUnavailable").asInt()).isZero();
    }
}
