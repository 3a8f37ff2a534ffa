package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static com.nomidio.connect.simulator.SimulatorHarness.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.emulator.state.ChallengeInspection;
import com.nomidio.connect.simulator.engine.MediaFault;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, items 4-6 through the flows: a capture that cannot start ends the challenge at once (and tells the
 * gateway), a single unavailable poll costs one round, the level the flow waits for is the one Nomidio confirmed,
 * and the post flow is a flow of this instance or the default.
 */
class CaptureAndRoutingTest {

    private static final String ENROLLED = "+447700900001";
    private static final String VOICE_PROMPT =
            "To confirm your identity, please say your full name, and then count slowly from one to ten.";
    private static final String NOT_COMPLETED = "Sorry, we could not complete the identity check this time.";
    private static final String FACE_CHECK_PROMPT =
            "Thank you. Now please open your Nomidio app and complete the face check. We will wait while you do this.";
    private static final String THIS_INSTANCE = "arn:aws:connect:eu-west-2:111122223333:instance/simulated-instance";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    // --- item 6 ------------------------------------------------------------------------------------------------

    @Test
    void call_whenMediaStreamingCannotStart_cancelsTheChallengeAtOnceWithoutAskingTheCallerToSpeak() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED).mediaFault(MediaFault.BLOCK_FAILS));

        assertThat(call.nomidioActions()).containsExactly("lookup", "createChallenge", "cancelChallenge");
        assertThat(call.prompts()).doesNotContain(VOICE_PROMPT).contains(NOT_COMPLETED);
        assertThat(call.events(TranscriptEvent.Kind.LOOP)).isEmpty();
        assertCancelledForStreamError(call);
    }

    @Test
    void call_whenStartSampleUploadAnswersError_cancelsTheChallengeAtOnceWithoutAskingTheCallerToSpeak() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED).mediaFault(MediaFault.NO_STREAM));

        assertThat(call.nomidioActions()).containsExactly("lookup", "createChallenge", "startSampleUpload",
                "cancelChallenge");
        assertThat(call.events(TranscriptEvent.Kind.LAMBDA)).filteredOn(e -> "startSampleUpload".equals(
                e.details().get("parameter.action"))).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("result.nomidio_status", "ERROR"));
        assertThat(call.prompts()).doesNotContain(VOICE_PROMPT).contains(NOT_COMPLETED);
        assertCancelledForStreamError(call);
    }

    @Test
    void call_whenOnePollFindsTheGatewayUnavailable_pollsAgainAndPasses() {
        // times=2: the client retries an idempotent read once, so one poll sees two 503s and answers UNAVAILABLE;
        // armed after startSampleUpload, whose own non-waiting read (the challenge binding check) comes first.
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED)
                .fault(ScheduledFault.parse("getChallengeResult=503,times=2,after=startSampleUpload")));

        assertThat(call.events(TranscriptEvent.Kind.LAMBDA)).filteredOn(e -> "challengeResult".equals(
                e.details().get("parameter.action"))).extracting(e -> e.details().get("result.nomidio_challenge_result"))
                .startsWith("").endsWith("PASSED");
        assertThat(call.events(TranscriptEvent.Kind.LAMBDA)).filteredOn(e -> "challengeResult".equals(
                e.details().get("parameter.action"))).first()
                .satisfies(e -> assertThat(e.details()).containsEntry("result.nomidio_status", "NOMIDIO_UNAVAILABLE"));
        assertThat(call.attributes()).containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_status", "ENROLLED")
                .containsEntry("nomidio_authenticated_enrolled", "true")
                .containsEntry("nomidio_voice_auth", "Authenticated");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    // --- item 5 ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"HIgH", "HIGHT", "voice and face"})
    void call_whenTheLevelIsAnyCaseOrUnknown_runsAndWaitsForTheHighChallengeNomidioConfirmed(String level) {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED).authLevel(level));

        ChallengeInspection challenge = DEPLOYMENT.simulator().emulator()
                .challenge(call.attribute("nomidio_challenge_id")).orElseThrow();
        assertThat(challenge.level()).isEqualTo(AuthLevel.HIGH);
        assertThat(call.prompts()).contains(FACE_CHECK_PROMPT);
        assertThat(call.events(TranscriptEvent.Kind.LOOP)).extracting(TranscriptEvent::text).first()
                .isEqualTo("round 1 of 12");
        assertThat(call.attributes()).containsEntry("nomidio_challenge_auth", "HIGH")
                .containsEntry("nomidio_challenge_result", "PASSED");
        assertEveryOutputSet(call);
    }

    // --- item 4 ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"PREMIUM-POST-FLOW", THIS_INSTANCE + "/contact-flow/PREMIUM-POST-FLOW"})
    void call_whenPostFlowIsAFlowOfThisInstance_byIdOrArn_endsThere(String postFlow) {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED)
                .attribute("nomidio_post_flow_id", postFlow)
                .flow("PREMIUM-POST-FLOW", resource("flows/PREMIUM-POST-FLOW.json")));

        assertThat(call.flowsEntered()).endsWith("PREMIUM-POST-FLOW");
        assertThat(call.attribute("nomidio_post_flow_id")).isEqualTo(postFlow);
        assertThat(call.events(TranscriptEvent.Kind.ERROR_BRANCH)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:connect:eu-west-2:444455556666:instance/another-instance/contact-flow/PREMIUM-POST-FLOW",
        "arn:aws:lambda:eu-west-2:111122223333:function:anything",
        "any words at all"})
    void call_whenPostFlowIsNotAFlowOfThisInstance_usesTheDefaultAndWarns(String postFlow) {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(ENROLLED)
                .attribute("nomidio_post_flow_id", postFlow)
                .flow("PREMIUM-POST-FLOW", resource("flows/PREMIUM-POST-FLOW.json")));

        assertThat(call.flowsEntered()).endsWith("NOMIDIO-POST-FLOW");
        assertThat(call.attribute("nomidio_post_flow_id")).isEqualTo(THIS_INSTANCE + "/contact-flow/NOMIDIO-POST-FLOW");
        // The default is chosen before the transfer, not by a transfer failing.
        assertThat(call.events(TranscriptEvent.Kind.ERROR_BRANCH)).isEmpty();
        assertThat(call.logs()).contains("Post flow is not a flow of this instance, using the default post flow");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
    }

    private static void assertCancelledForStreamError(CallResult call) {
        ChallengeInspection challenge = DEPLOYMENT.simulator().emulator()
                .challenge(call.attribute("nomidio_challenge_id")).orElseThrow();
        assertThat(challenge.status()).isEqualTo(ChallengeStatus.TIMEOUT);
        assertThat(challenge.reason()).isEqualTo("STREAM_ERROR");
        assertThat(call.attributes()).containsEntry("nomidio_challenge_result", "TIMEOUT")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_status", "ENROLLED");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }
}
