package com.nomidio.connect.action.adapters;

import com.nomidio.connect.action.domain.ActionOutcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one log line and the metrics of each invocation. Never fails the invocation. */
public final class InvocationRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationRecorder.class);

    private final EmfMetrics metrics;

    public InvocationRecorder(EmfMetrics metrics) {
        this.metrics = metrics;
    }

    public void record(ActionOutcome outcome, Duration duration, String contactId) {
        try {
            Long gatewayMs = outcome.gatewayLatency() == null ? null : outcome.gatewayLatency().toMillis();
            LOG.atInfo()
                    .addKeyValue("action", outcome.action())
                    .addKeyValue("outcome", outcome.outcome())
                    .addKeyValue("durationMs", duration.toMillis())
                    .addKeyValue("gatewayMs", (Object) gatewayMs)
                    .addKeyValue("caller", outcome.maskedCaller())
                    .log("Answered contact flow");
            metrics.record(outcome, duration, contactId);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("exception", e.toString()).log("Could not record the invocation");
        }
    }
}
