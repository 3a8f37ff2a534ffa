package com.nomidio.connect.action.adapters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.nomidio.connect.action.domain.ActionOutcome;
import com.nomidio.connect.domain.NomidioStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * CloudWatch metrics in Embedded Metric Format: one JSON line on stdout per invocation, which CloudWatch Logs
 * turns into metrics (no API call, no extra latency).
 * <ul>
 *   <li>{@code Invocations}, {@code Duration}, {@code GatewayLatency} by (action, outcome) and by (outcome);</li>
 *   <li>{@code NomidioUnavailable} (1 or 0) by (action) and overall: its Average is the NOMIDIO_UNAVAILABLE
 *       rate, ready for an alarm;</li>
 *   <li>{@code ConfigurationFailure} (1 or 0) by (action) and overall: an unusable environment or a KMS failure to
 *       decrypt the access key secret, which no caller can cause and every caller suffers: alarm on its Maximum.</li>
 * </ul>
 * Written with Jackson rather than software.amazon.cloudwatchlogs:aws-embedded-metrics, which would add
 * commons-lang3, javatuples and jsr310 (~0.75 MB) and probes the EC2/ECS metadata endpoints outside Lambda.
 */
public final class EmfMetrics {

    public static final String NAMESPACE = "NomidioConnect";
    public static final String ACTION_DIMENSION = "action";
    public static final String OUTCOME_DIMENSION = "outcome";

    private final PrintStream out;
    private final Clock clock;
    private final JsonFactory json = new JsonFactory();

    public EmfMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void record(ActionOutcome outcome, Duration duration, String contactId) {
        StringWriter line = new StringWriter(512);
        try (JsonGenerator g = json.createGenerator(line)) {
            boolean gatewayCalled = outcome.gatewayLatency() != null;
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", clock.millis());
            g.writeArrayFieldStart("CloudWatchMetrics");

            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeArrayFieldStart("Dimensions");
            dimensionSet(g, ACTION_DIMENSION, OUTCOME_DIMENSION);
            dimensionSet(g, OUTCOME_DIMENSION);
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            metric(g, "Invocations", "Count");
            metric(g, "Duration", "Milliseconds");
            if (gatewayCalled) {
                metric(g, "GatewayLatency", "Milliseconds");
            }
            g.writeEndArray();
            g.writeEndObject();

            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeArrayFieldStart("Dimensions");
            dimensionSet(g, ACTION_DIMENSION);
            dimensionSet(g);
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            metric(g, "NomidioUnavailable", "Count");
            metric(g, "ConfigurationFailure", "Count");
            g.writeEndArray();
            g.writeEndObject();

            g.writeEndArray();
            g.writeEndObject();

            g.writeStringField(ACTION_DIMENSION, outcome.action());
            g.writeStringField(OUTCOME_DIMENSION, outcome.outcome());
            g.writeNumberField("Invocations", 1);
            g.writeNumberField("Duration", millis(duration));
            if (gatewayCalled) {
                g.writeNumberField("GatewayLatency", millis(outcome.gatewayLatency()));
            }
            g.writeNumberField("NomidioUnavailable",
                    NomidioStatus.NOMIDIO_UNAVAILABLE.name().equals(outcome.outcome()) ? 1 : 0);
            g.writeNumberField("ConfigurationFailure", outcome.configurationFailure() ? 1 : 0);
            if (contactId != null) {
                g.writeStringField("contactId", contactId);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(line);
    }

    private static void dimensionSet(JsonGenerator g, String... dimensions) throws IOException {
        g.writeStartArray();
        for (String dimension : dimensions) {
            g.writeString(dimension);
        }
        g.writeEndArray();
    }

    private static void metric(JsonGenerator g, String name, String unit) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", name);
        g.writeStringField("Unit", unit);
        g.writeEndObject();
    }

    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 10_000.0) / 100.0;
    }
}
