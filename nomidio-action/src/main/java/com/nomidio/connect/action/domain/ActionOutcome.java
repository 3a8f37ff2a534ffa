package com.nomidio.connect.action.domain;

import com.nomidio.connect.domain.FlowAttributes;
import java.time.Duration;

/**
 * The result of one invocation: the attributes for the flow plus what the log line and the metrics need.
 *
 * @param action         the action's parameter value, or {@code "unknown"} when the request named none we know
 * @param outcome        a short, bounded label for metrics: a Nomidio Status, a challenge status, CREATED or STARTED
 * @param attributes     the answer to Amazon Connect
 * @param maskedCaller   the caller's number as logs may show it (at most the last three digits), or empty
 * @param gatewayLatency time spent in gateway calls, null when none was made
 * @param configurationFailure true when the answer failed because of the deployment, not the caller or Nomidio:
 *                             an unusable environment, or KMS refusing or failing to decrypt the access key secret
 */
public record ActionOutcome(
        String action,
        String outcome,
        FlowAttributes attributes,
        String maskedCaller,
        Duration gatewayLatency,
        boolean configurationFailure) {

    public static final String UNKNOWN_ACTION = "unknown";

    public ActionOutcome(String action, String outcome, FlowAttributes attributes, String maskedCaller,
                         Duration gatewayLatency) {
        this(action, outcome, attributes, maskedCaller, gatewayLatency, false);
    }
}
