package com.nomidio.connect.action.domain;

import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.FlowAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param extraAnswers   answer keys beyond the outputs (the invitation bookkeeping, a rate-limit result), usually none
 */
public record ActionOutcome(
        String action,
        String outcome,
        FlowAttributes attributes,
        String maskedCaller,
        Duration gatewayLatency,
        boolean configurationFailure,
        Map<String, String> extraAnswers) {

    public static final String UNKNOWN_ACTION = "unknown";

    public ActionOutcome {
        extraAnswers = Map.copyOf(extraAnswers);
    }

    public ActionOutcome(String action, String outcome, FlowAttributes attributes, String maskedCaller,
                         Duration gatewayLatency, boolean configurationFailure) {
        this(action, outcome, attributes, maskedCaller, gatewayLatency, configurationFailure, Map.of());
    }

    public ActionOutcome(String action, String outcome, FlowAttributes attributes, String maskedCaller,
                         Duration gatewayLatency) {
        this(action, outcome, attributes, maskedCaller, gatewayLatency, false);
    }

    /** This outcome with one more answer key. */
    public ActionOutcome withAnswer(ContactAttribute key, String value) {
        Map<String, String> extra = new LinkedHashMap<>(extraAnswers);
        extra.put(key.key(), value);
        return new ActionOutcome(action, outcome, attributes, maskedCaller, gatewayLatency, configurationFailure, extra);
    }

    /** What Amazon Connect receives: the outputs, then any extra answer keys. */
    public Map<String, String> answer() {
        Map<String, String> answer = new LinkedHashMap<>(attributes.toMap());
        answer.putAll(extraAnswers);
        return answer;
    }
}
