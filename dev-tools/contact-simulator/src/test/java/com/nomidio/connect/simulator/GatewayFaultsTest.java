package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.simulator.engine.TranscriptEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When the gateway fails the caller still reaches the queue, marked NOMIDIO_UNAVAILABLE. */
class GatewayFaultsTest {

    private static final String ENROLLED = "+447700900001";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void call_whenGatewayIsDownFromTheStart_isUnavailableAndQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED).fault(ScheduledFault.gatewayDown()));

        assertThat(call.nomidioActions()).containsExactly("lookup");
        assertThat(call.attributes()).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_challenge_result", "");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenGatewayGoesDownBeforeCaptureStarts_cancelsAtOnceNotCompletedAndQueued() {
        // startSampleUpload first reads the challenge (is it this contact's?): with the gateway down it cannot tell,
        // so it starts no upload and the flow takes the capture-failed path at once instead of polling.
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED)
                .fault(ScheduledFault.gatewayDownAfter("createChallenge")));

        assertThat(call.nomidioActions()).containsExactly("lookup", "createChallenge", "startSampleUpload",
                "cancelChallenge");
        assertThat(call.events(TranscriptEvent.Kind.ASYNC_INVOCATION)).isEmpty();
        // The not-completed path records TIMEOUT whatever the cancel answered (here: the gateway is still down).
        assertThat(call.attributes()).containsEntry("nomidio_challenge_result", "TIMEOUT")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        assertThat(call.prompts()).doesNotContain("To confirm your identity, please say your full name, and then count slowly from one to ten.")
                .contains("Sorry, we could not complete the identity check this time.");
        assertThat(call.flowsEntered()).endsWith("NOMIDIO-POST-FLOW");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenGatewayGoesDownOnceCaptureHasStarted_isUnavailableNotCompletedAndQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED)
                .fault(ScheduledFault.gatewayDownAfter("startSampleUpload")));

        assertThat(call.events(TranscriptEvent.Kind.FAULT_INJECTED)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("after", "startSampleUpload"));
        // An unavailable poll costs one round, not the challenge: all seven rounds are tried.
        assertThat(call.nomidioActions()).containsExactly("lookup", "createChallenge", "startSampleUpload",
                "challengeResult", "challengeResult", "challengeResult", "challengeResult", "challengeResult",
                "challengeResult", "challengeResult");
        assertThat(call.events(TranscriptEvent.Kind.ASYNC_INVOCATION).getFirst().details())
                .containsEntry("result.action", "FAILED");
        assertThat(call.attributes()).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE")
                .containsEntry("nomidio_challenge_result", "TIMEOUT")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        assertThat(call.prompts()).contains("Sorry, we could not complete the identity check this time.");
        assertThat(call.flowsEntered()).endsWith("NOMIDIO-POST-FLOW");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenGatewayGoesDownAfterTheLookup_skipsTheChallengeAndIsQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED)
                .fault(ScheduledFault.gatewayDownAfter("lookup")));

        assertThat(call.nomidioActions()).containsExactly("lookup", "createChallenge");
        assertThat(call.events(TranscriptEvent.Kind.MEDIA_STREAMING)).isEmpty();
        assertThat(call.attributes()).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE")
                .containsEntry("nomidio_challenge_result", "");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenGatewayDropsConnections_isUnavailableAndQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED).fault(ScheduledFault.parse("*=drop")));

        assertThat(call.attribute("nomidio_status")).isEqualTo("NOMIDIO_UNAVAILABLE");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    /** The gateway answers after 9 s: nomidioAction gives up inside Connect's 8 s and the flow goes on. */
    @Test
    void call_whenGatewayIsSlowerThanConnectWaits_answersUnavailableInTime() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED)
                .fault(ScheduledFault.parse("identify=slow:9000")));

        TranscriptEvent lookup = call.events(TranscriptEvent.Kind.LAMBDA).getFirst();
        // An answer at all: past the block's 8 s the flow would have taken the Lambda error branch instead.
        assertThat(lookup.details()).containsEntry("result.nomidio_status", "NOMIDIO_UNAVAILABLE")
                .doesNotContainKey("failure");
        assertThat(call.events(TranscriptEvent.Kind.ERROR_BRANCH)).isEmpty();
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }
}
