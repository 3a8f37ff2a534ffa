package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AgentChallengeRequest;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent challenge end to end, with Amazon Connect's Queue quick connect semantics: the agent asks for a
 * challenge (the agent API writes the request on the contact), chooses the "Nomidio Agent Challenge Flow" quick
 * connect and hears the transfer flow while the caller is on hold; once the agent leaves, the caller joins the flow,
 * starts the challenge, and the result comes back to the same agent's own queue with the request cleared.
 */
class AgentChallengeTest {

    private static final String ENROLLED_VOICE_A = "+447700900001";
    private static final SimulatedInstance INSTANCE = SimulatedInstance.defaults();
    private static final String AGENT_ID = "5c4a1f0e-agent-7";
    private static final String AGENT_ARN = INSTANCE.agentArn(AGENT_ID);
    private static final String AGENT_QUEUE = "agent/" + AGENT_ID;
    private static final String AGENT_INSTRUCTIONS = "Nomidio identity check. Leave the call now to hand the caller "
            + "over. The caller will come back to you with the result.";
    private static final String CALLER_START = "Your agent has asked you to confirm your identity. Please press 1 to begin.";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void call_whenTheAgentAsksForHighAndCompletesTheTransfer_challengesTheCallerAndQueuesBackToThatAgent() {
        CallResult call = DEPLOYMENT.call(agentAsks("HIGH", AGENT_ARN).caller(ENROLLED_VOICE_A).presses("1"));

        assertThat(call.flowsEntered()).containsExactly("NOMIDIO-AGENT-CHALLENGE-QUEUE", "NOMIDIO-CHALLENGE-FLOW",
                "NOMIDIO-POST-FLOW");
        assertThat(call.agentPrompts()).containsExactly(AGENT_INSTRUCTIONS);
        assertThat(call.prompts()).first().isEqualTo(CALLER_START);
        assertThat(call.prompts()).contains("Thank you. Please hold while we connect you back to your agent.");
        assertThat(call.attributes()).containsEntry("nomidio_challenge_auth", "HIGH")
                .containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_voice_auth", "Authenticated");
        assertRoutedBackAndCleared(call);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenTheAgentIsStillOnTheTransferLeg_theCallerIsOnHoldAndNothingIsCapturedUntilTheAgentLeaves() {
        CallResult call = DEPLOYMENT.call(agentAsks("HIGH", AGENT_ARN).caller(ENROLLED_VOICE_A).presses("1"));

        List<TranscriptEvent> events = call.transcript();
        List<TranscriptEvent> transfer = call.events(TranscriptEvent.Kind.TRANSFER);
        assertThat(transfer).extracting(e -> e.details().get("caller")).containsExactly("on hold", "in the flow");
        int agentLeaves = events.indexOf(transfer.get(1));
        int firstCallerPrompt = events.indexOf(call.events(TranscriptEvent.Kind.PROMPT).get(0));
        int firstLambda = events.indexOf(call.events(TranscriptEvent.Kind.LAMBDA).get(0));
        int streaming = events.indexOf(call.events(TranscriptEvent.Kind.MEDIA_STREAMING).get(0));
        assertThat(events.indexOf(call.events(TranscriptEvent.Kind.AGENT_PROMPT).get(0))).isLessThan(agentLeaves);
        assertThat(agentLeaves).isLessThan(firstCallerPrompt).isLessThan(firstLambda).isLessThan(streaming);
    }

    @Test
    void call_whenTheCallersChallengeFails_reportsTheFailureToTheSameAgent() {
        CallResult call = DEPLOYMENT.call(agentAsks("STANDARD", AGENT_ARN).caller(ENROLLED_VOICE_A).presses("1")
                .says("voice-b", "voice-b"));

        assertThat(call.attributes()).containsEntry("nomidio_challenge_auth", "STANDARD")
                .containsEntry("nomidio_challenge_result", "FAILED")
                .containsEntry("nomidio_voice_auth", "NotAuthenticated")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        assertThat(call.prompts()).contains("Sorry, we could not confirm your identity.");
        assertRoutedBackAndCleared(call);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenTheAgentNeverLeaves_runsNoChallengeAndGivesTheContactBackToTheAgent() {
        CallResult call = DEPLOYMENT.call(agentAsks("HIGH", AGENT_ARN, 1_000).caller(ENROLLED_VOICE_A).presses("1"));

        assertThat(call.prompts()).as("the caller, on hold, hears no prompt of the flow").isEmpty();
        assertThat(call.agentPrompts()).contains(AGENT_INSTRUCTIONS, CALLER_START);
        assertThat(call.nomidioActions()).isEmpty();
        assertThat(call.attributes()).containsEntry("nomidio_challenge_result", "")
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_voice_auth", "Inconclusive");
        assertRoutedBackAndCleared(call);
    }

    @Test
    void call_whenTheReturnAgentIsNotAnAgentOfThisInstance_queuesToTheWorkingQueueAndClearsTheRequest() {
        String otherInstanceAgent = "arn:aws:connect:eu-west-2:444455556666:instance/other-instance/agent/" + AGENT_ID;
        CallResult call = DEPLOYMENT.call(agentAsks("STANDARD", otherInstanceAgent).caller(ENROLLED_VOICE_A).presses("1"));

        assertThat(call.attributes()).containsEntry("nomidio_challenge_result", "PASSED");
        assertThat(call.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertThat(call.attributes()).containsEntry(ContactAttribute.AGENT_CHALLENGE.key(), "")
                .containsEntry(ContactAttribute.RETURN_AGENT.key(), "");
    }

    @Test
    void call_whenNoAgentAskedForAChallenge_goesToTheWorkingQueueAsBefore() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED_VOICE_A));

        assertThat(call.events(TranscriptEvent.Kind.TRANSFER)).isEmpty();
        assertThat(call.agentPrompts()).isEmpty();
        assertThat(call.prompts()).contains("Thank you. Please hold while we connect you to an agent.");
        assertThat(call.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertThat(call.attributes()).doesNotContainKeys(ContactAttribute.AGENT_CHALLENGE.key(),
                ContactAttribute.RETURN_AGENT.key());
    }

    /**
     * What the agent API leaves on the connected contact when its agent presses High / Standard challenge (the
     * contact's earlier lookup outputs are there too), and the agent's quick connect.
     */
    private static CallScenario.Builder agentAsks(String level, String agentArn) {
        return agentAsks(level, agentArn, 1);
    }

    private static CallScenario.Builder agentAsks(String level, String agentArn, int promptsBeforeLeaving) {
        return CallScenario.builder()
                .attribute(ContactAttribute.STATUS.key(), "ENROLLED")
                .attribute(ContactAttribute.NOMIDIO_ID.key(), "NID-ENROLLED-A")
                .attribute(ContactAttribute.AUTH_LEVEL.key(), level)
                .attribute(ContactAttribute.AGENT_CHALLENGE.key(), AgentChallengeRequest.REQUESTED.name())
                .attribute(ContactAttribute.RETURN_AGENT.key(), agentArn)
                .agentQuickConnect(AGENT_ARN, promptsBeforeLeaving);
    }

    private static void assertRoutedBackAndCleared(CallResult call) {
        assertThat(call.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(call.queue()).isEqualTo(AGENT_QUEUE);
        assertThat(call.events(TranscriptEvent.Kind.QUEUE_SET)).last().satisfies(e ->
                assertThat(e.details()).containsEntry("queueArn", INSTANCE.instanceArn() + "/queue/agent/" + AGENT_ID));
        assertThat(call.attributes()).containsEntry(ContactAttribute.AGENT_CHALLENGE.key(), "")
                .containsEntry(ContactAttribute.RETURN_AGENT.key(), "");
    }
}
