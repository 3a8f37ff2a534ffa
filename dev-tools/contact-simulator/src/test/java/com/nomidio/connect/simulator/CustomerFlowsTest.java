package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static com.nomidio.connect.simulator.SimulatorHarness.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guide's customisation points: a pre-flow of the customer's own sets nomidio_auth_level and
 * nomidio_post_flow_id and transfers to authentication; the Nomidio flows hand the contact to that post-flow, which
 * routes on the outputs.
 */
class CustomerFlowsTest {

    private static final String PREMIUM_POST_FLOW_ARN =
            "arn:aws:connect:eu-west-2:111122223333:instance/simulated-instance/contact-flow/PREMIUM-POST-FLOW";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void call_whenCustomerPreFlowAsksForHighAndItsOwnPostFlow_runsHighAndEndsInTheirPostFlow() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900001")
                .entryFlow("CUSTOMER-HIGH-PRE-FLOW", resource("flows/CUSTOMER-HIGH-PRE-FLOW.json"))
                .flow("PREMIUM-POST-FLOW", resource("flows/PREMIUM-POST-FLOW.json")));

        assertThat(call.flowsEntered()).containsExactly("CUSTOMER-HIGH-PRE-FLOW", "NOMIDIO-AUTHENTICATION-FLOW",
                "NOMIDIO-CHALLENGE-FLOW", "PREMIUM-POST-FLOW");
        assertThat(call.attributes()).containsEntry("nomidio_auth_level", "HIGH")
                .containsEntry("nomidio_post_flow_id", PREMIUM_POST_FLOW_ARN)
                .containsEntry("nomidio_challenge_auth", "HIGH")
                .containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_authenticated_enrolled", "true");
        assertThat(DEPLOYMENT.simulator().emulator().challenge(call.attribute("nomidio_challenge_id")).orElseThrow()
                .level()).isEqualTo(AuthLevel.HIGH);
        assertThat(call.prompts()).contains("Thank you, you are verified. Connecting you to your private banker.");
        assertThat(call.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(call.queue()).isEqualTo("PremiumQueue");
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenCustomerPostFlowSeesAFailedChallenge_routesOnTheOutputs() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900001").says("voice-b", "voice-b")
                .entryFlow("CUSTOMER-HIGH-PRE-FLOW", resource("flows/CUSTOMER-HIGH-PRE-FLOW.json"))
                .flow("PREMIUM-POST-FLOW", resource("flows/PREMIUM-POST-FLOW.json")));

        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("FAILED");
        assertThat(call.prompts()).contains("An agent will confirm your identity before we continue.");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenPostFlowIdNamesAFlowThatIsGone_fallsBackToNomidioPostFlow() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900007")
                .entryFlow("CUSTOMER-STALE-PRE-FLOW", resource("flows/CUSTOMER-STALE-PRE-FLOW.json")));

        assertThat(call.events(TranscriptEvent.Kind.ERROR_BRANCH)).singleElement().satisfies(error -> {
            assertThat(error.action()).isEqualTo("Transfer to post flow");
            assertThat(error.text()).contains("RETIRED-POST-FLOW");
        });
        assertThat(call.flowsEntered()).endsWith("NOMIDIO-POST-FLOW");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenEveryQueueIsFull_apologisesAndDisconnects() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900007").queuesAtCapacity(true));

        assertThat(call.prompts()).contains("All of our agents are busy at the moment. Please call back later. Goodbye.");
        assertThat(call.outcome()).isEqualTo(CallOutcome.DISCONNECTED);
        assertThat(call.queue()).isNull();
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenAgentChallengeQuickConnectRunsForAQueuedCaller_challengesAndReturnsToTheQueue() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900001")
                .startsIn("NOMIDIO-AGENT-CHALLENGE-QUEUE")
                .queue("arn:aws:connect:eu-west-2:111122223333:instance/simulated-instance/queue/BasicQueue")
                .attribute("nomidio_id", "NID-ENROLLED-A")
                .attribute("nomidio_status", "ENROLLED")
                .attribute("nomidio_auth_level", "HIGH")
                .presses("1"));

        assertThat(call.flowsEntered()).containsExactly("NOMIDIO-AGENT-CHALLENGE-QUEUE", "NOMIDIO-CHALLENGE-FLOW",
                "NOMIDIO-POST-FLOW");
        assertThat(call.prompts()).contains("Your agent has asked you to confirm your identity. Please press 1 to begin.");
        assertThat(call.attributes()).containsEntry("nomidio_challenge_auth", "HIGH")
                .containsEntry("nomidio_challenge_result", "PASSED");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
    }
}
