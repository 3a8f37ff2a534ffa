package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.simulator.engine.MediaFault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, item 1: a contact that arrives already saying "passed" (an earlier challenge, a customer flow, an API
 * call) and then fails its challenge in any way leaves every Nomidio entry flow claiming nothing it did not prove
 * there. Each entry flow, each way of failing.
 */
class StaleOutcomeTest {

    private static final String ENROLLED = "+447700900001";
    private static final String STALE_CHALLENGE_ID = "ch-from-an-earlier-challenge";
    private static final String BASIC_QUEUE_ARN =
            "arn:aws:connect:eu-west-2:111122223333:instance/simulated-instance/queue/BasicQueue";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    /** Every output set to what a passed HIGH challenge would have left. */
    private static Map<String, String> passedValues() {
        Map<String, String> passed = new LinkedHashMap<>();
        passed.put("nomidio_status", "ENROLLED");
        passed.put("nomidio_fraud_flag", "");
        passed.put("nomidio_id", "NID-ENROLLED-A");
        passed.put("nomidio_challenge_auth", "HIGH");
        passed.put("nomidio_challenge_result", "PASSED");
        passed.put("nomidio_authenticated_enrolled", "true");
        passed.put("nomidio_challenge_id", STALE_CHALLENGE_ID);
        passed.put("nomidio_voice_auth", "Authenticated");
        return passed;
    }

    static Stream<Arguments> entryFlowsAndFailures() {
        Map<String, UnaryOperator<CallScenario.Builder>> entries = new LinkedHashMap<>();
        entries.put("NOMIDIO-PRE-FLOW", b -> b);
        entries.put("NOMIDIO-AUTHENTICATION-FLOW", b -> b.startsIn("NOMIDIO-AUTHENTICATION-FLOW"));
        entries.put("NOMIDIO-CHALLENGE-FLOW", b -> b.startsIn("NOMIDIO-CHALLENGE-FLOW"));
        entries.put("NOMIDIO-AGENT-CHALLENGE-QUEUE", b -> b.startsIn("NOMIDIO-AGENT-CHALLENGE-QUEUE").queue(BASIC_QUEUE_ARN)
                // The caller (the agent has left) starts the challenge with 1.
                .presses("1"));
        Map<String, UnaryOperator<CallScenario.Builder>> failures = new LinkedHashMap<>();
        failures.put("createChallenge NOMIDIO_UNAVAILABLE", b -> b.fault(ScheduledFault.parse("createChallenge=503")));
        failures.put("FREE_TRIAL_LIMIT", b -> b.freeTrialLimitReached(true));
        failures.put("another voice (FAILED)", b -> b.says("voice-b", "voice-b"));
        failures.put("silence (TIMEOUT)", b -> b.says("silence"));
        failures.put("media streaming fails", b -> b.mediaFault(MediaFault.BLOCK_FAILS));
        failures.put("no customer audio stream", b -> b.mediaFault(MediaFault.NO_STREAM));
        failures.put("result polls unavailable", b -> b.fault(ScheduledFault.parse("getChallengeResult=503")));
        List<Arguments> cases = new ArrayList<>();
        entries.forEach((entry, start) -> failures.forEach((failure, fail) ->
                cases.add(Arguments.of(entry, failure, (UnaryOperator<CallScenario.Builder>) b -> fail.apply(start.apply(b))))));
        // createChallenge creating no challenge: the caller's own identity cannot be challenged (EXISTS). A
        // nomidio_id attribute naming an unknown identity no longer does it: createChallenge identifies the caller
        // again and challenges the caller's own identity. Only where the flow does not look the caller up first.
        UnaryOperator<CallScenario.Builder> unknownId = b -> b.caller("+447700900006");
        cases.add(Arguments.of("NOMIDIO-CHALLENGE-FLOW", "no challenge for the caller",
                (UnaryOperator<CallScenario.Builder>) b -> unknownId.apply(entries.get("NOMIDIO-CHALLENGE-FLOW").apply(b))));
        cases.add(Arguments.of("NOMIDIO-AGENT-CHALLENGE-QUEUE", "no challenge for the caller",
                (UnaryOperator<CallScenario.Builder>) b -> unknownId.apply(entries.get("NOMIDIO-AGENT-CHALLENGE-QUEUE").apply(b))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("entryFlowsAndFailures")
    void call_whenArrivingAsPassedAndTheChallengeFails_claimsNothing(String entryFlow, String failure,
            UnaryOperator<CallScenario.Builder> scenario) {
        CallScenario.Builder builder = CallScenario.builder().caller(ENROLLED);
        passedValues().forEach(builder::attribute);

        CallResult call = DEPLOYMENT.call(scenario.apply(builder));

        assertThat(call.flowsEntered()).first().isEqualTo(entryFlow);
        assertThat(call.attributes()).as("%s then %s", entryFlow, failure)
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_voice_auth", call.attribute("nomidio_challenge_result").equals("FAILED")
                        ? "NotAuthenticated"
                        // the gateway said this caller has a Nomidio ID but is not enrolled here: true, and no claim
                        : "EXISTS".equals(call.attribute("nomidio_status")) ? "NotEnrolled" : "Inconclusive")
                .doesNotContainEntry("nomidio_challenge_id", STALE_CHALLENGE_ID);
        assertThat(call.attribute("nomidio_challenge_result")).isIn("", "FAILED", "TIMEOUT");
        // No level was asked for: whatever ran was STANDARD, never the stale HIGH.
        assertThat(call.attribute("nomidio_challenge_auth")).isIn("", "STANDARD");
        assertThat(call.queue()).isNotNull();
        assertEveryOutputSet(call);
    }
}
