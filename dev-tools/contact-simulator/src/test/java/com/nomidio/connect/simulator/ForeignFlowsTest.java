package com.nomidio.connect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import com.nomidio.connect.testkit.connect.ForeignFlows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flows nobody on this project wrote (AWS's Voicemail Express sample, committed in contact-flows-model's test
 * resources with SOURCE.md): the simulator runs them as far as it can and names the action type it cannot run.
 */
class ForeignFlowsTest {

    private static final String SAMPLE_QUEUE =
            "arn:aws:connect:eu-west-2:111122223333:instance/simulated-instance/queue/VoicemailQueue";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void call_whenAgentWhisperRunsForAVoicemailContact_clearsTheFlagSpeaksTheQueueAndEnds() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder()
                .entryFlow("VMXInQueueAgentWhisper", ForeignFlows.read("vmx3-VMXInQueueAgentWhisper.json"))
                .queue(SAMPLE_QUEUE)
                .attribute("vmx3_flag", "1"));

        assertThat(call.events(TranscriptEvent.Kind.NOTE)).first()
                .satisfies(note -> assertThat(note.text()).startsWith("flow logging Enabled"));
        assertThat(call.events(TranscriptEvent.Kind.BRANCH)).first()
                .satisfies(branch -> assertThat(branch.details()).containsEntry("subject", "$.Attributes.vmx3_flag")
                        .containsEntry("next", "Clear VMX3 Flag"));
        assertThat(call.attributes()).containsEntry("vmx3_flag", "0");
        assertThat(call.prompts()).containsExactly("VoicemailQueue");
        assertThat(call.outcome()).isEqualTo(CallOutcome.FLOW_ENDED);
    }

    @Test
    void call_whenTaskFlowRoutesToAQueue_queuesTheContactWhereTheAttributeSays() {
        CallResult call = taskFlowCall("queue");

        assertThat(call.events(TranscriptEvent.Kind.QUEUE_SET)).singleElement()
                .satisfies(queue -> assertThat(queue.details()).containsEntry("queueArn", SAMPLE_QUEUE));
        assertThat(call.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(call.queue()).isEqualTo("VoicemailQueue");
    }

    @Test
    void call_whenTaskFlowRoutesToAnAgent_stopsNamingTheActionTypeItDoesNotKnow() {
        CallResult call = taskFlowCall("agent");

        assertThat(call.outcome()).isEqualTo(CallOutcome.STOPPED);
        assertThat(call.detail()).contains("UpdateContactRoutingCriteria", "Set preferred agent", "VMXExampleTaskFlow",
                "unknown");
        assertThat(call.events(TranscriptEvent.Kind.QUEUE_SET)).hasSize(1);
    }

    @Test
    void call_whenGuidedTaskFlowCallsAFunctionTheAccountLacks_takesTheErrorBranchThenStopsAtShowView() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder()
                .entryFlow("VMXExampleGuidedTaskAgentFlow", ForeignFlows.read("vmx3-VMXExampleGuidedTaskAgentFlow.json")));

        assertThat(call.events(TranscriptEvent.Kind.ATTRIBUTES_SET)).first()
                .satisfies(set -> assertThat(set.details()).containsKey("vmx3_presigner_arn"));
        assertThat(call.events(TranscriptEvent.Kind.ERROR_BRANCH)).singleElement()
                .satisfies(error -> assertThat(error.text()).contains("placeholder/vmguidedflowpresigner"));
        assertThat(call.outcome()).isEqualTo(CallOutcome.STOPPED);
        assertThat(call.detail()).contains("ShowView", "Show VMX Guided Task view");
    }

    @Test
    void call_whenFlowUsesATypeTheLanguageHasButTheSimulatorDoesNotRun_saysSo() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder()
                .entryFlow("MODULE-CALLER", SimulatorHarness.resource("flows/engine/INVOKES-A-MODULE.json")));

        assertThat(call.outcome()).isEqualTo(CallOutcome.STOPPED);
        assertThat(call.detail()).contains("InvokeFlowModule", "part of the flow language but this simulator does not "
                + "execute it");
    }

    /** VMX3's task flow routes on {@code vmx3_target}, to the queue {@code vmx3_queue_arn} names or to an agent. */
    private static CallResult taskFlowCall(String target) {
        return DEPLOYMENT.call(CallScenario.builder()
                .entryFlow("VMXExampleTaskFlow", ForeignFlows.read("vmx3-VMXExampleTaskFlow.json"))
                .attribute("vmx3_queue_arn", SAMPLE_QUEUE)
                .attribute("vmx3_target", target));
    }
}
