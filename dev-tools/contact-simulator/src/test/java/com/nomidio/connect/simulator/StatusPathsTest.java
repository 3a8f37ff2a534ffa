package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static com.nomidio.connect.simulator.SimulatorHarness.assertLogsSafe;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.emulator.voice.Verification;
import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Nomidio Status the authentication flow branches on, played as a call through the rendered flows, the real
 * nomidioAction and the gateway emulator's seeded callers (nomidio-emulator/README.md), each ending in the working
 * queue with every output attribute set.
 */
class StatusPathsTest {

    private static final String NOT_FOUND_CALLER = "+447700900999";
    private static final List<String> FLOWS_WITH_CHALLENGE =
            List.of("NOMIDIO-PRE-FLOW", "NOMIDIO-AUTHENTICATION-FLOW", "NOMIDIO-CHALLENGE-FLOW", "NOMIDIO-POST-FLOW");
    private static final List<String> FLOWS_WITHOUT_CHALLENGE =
            List.of("NOMIDIO-PRE-FLOW", "NOMIDIO-AUTHENTICATION-FLOW", "NOMIDIO-POST-FLOW");

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void call_whenEnrolledCallerSaysThePassphraseInTheirVoice_passesAStandardChallengeAndIsQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900001"));

        assertThat(call.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertThat(call.flowsEntered()).isEqualTo(FLOWS_WITH_CHALLENGE);
        // The flow polls from the end of the voice prompt until the verdict: as many long-polls as the caller talks.
        assertThat(call.nomidioActions()).startsWith("lookup", "createChallenge", "startSampleUpload", "challengeResult");
        assertThat(call.nomidioActions().subList(3, call.nomidioActions().size())).containsOnly("challengeResult");
        assertThat(call.attributes()).containsEntry("nomidio_status", "ENROLLED")
                .containsEntry("nomidio_id", "NID-ENROLLED-A")
                .containsEntry("nomidio_fraud_flag", "")
                .containsEntry("nomidio_challenge_auth", "STANDARD")
                .containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_authenticated_enrolled", "true")
                .containsEntry("nomidio_voice_auth", "Authenticated");
        assertThat(call.prompts()).contains("Welcome to Simulated Bank.", "Thank you. Your identity has been confirmed.");
        TranscriptEvent upload = call.events(TranscriptEvent.Kind.ASYNC_INVOCATION).getFirst();
        assertThat(upload.details()).containsEntry("function", "sampleUpload").containsEntry("result.action", "UPLOADED");
        String challengeId = call.attribute("nomidio_challenge_id");
        assertThat(DEPLOYMENT.simulator().emulator().challenge(challengeId)).hasValueSatisfying(challenge ->
                assertThat(challenge.verification().verdict()).isEqualTo(Verification.Verdict.MATCH));
        assertThat(DEPLOYMENT.simulator().kmsDecrypts()).as("each function decrypts the secret once").isEqualTo(2);
        assertEveryOutputSet(call);
        assertLogsSafe(call, "+447700900001");
    }

    @Test
    void call_whenTermsNeedUpdating_warnsThenChallengesAsEnrolled() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900002"));

        assertThat(call.prompts()).contains("Nomidio has updated its terms and conditions. Please accept them in your "
                + "Nomidio app soon.");
        assertThat(call.flowsEntered()).isEqualTo(FLOWS_WITH_CHALLENGE);
        assertThat(call.attributes()).containsEntry("nomidio_status", "TAC_WARN")
                .containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_authenticated_enrolled", "true");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenAwaitingApproval_passesTheChallengeButIsNotAuthenticatedEnrolled() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900003"));

        assertThat(call.attributes()).containsEntry("nomidio_status", "AWAITING_APPROVAL")
                .containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_voice_auth", "Authenticated")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenUnknownCallerAcceptsTheInvitation_isSentOneAndQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(NOT_FOUND_CALLER).presses("1"));

        assertThat(call.nomidioActions()).containsExactly("lookup", "invite");
        assertThat(call.prompts()).anyMatch(p -> p.startsWith("Next time you call, you could confirm your identity"))
                .contains("We have sent you a text message with your invitation. Thank you.");
        assertThat(call.attributes()).containsEntry("nomidio_status", "INVITATION_SENT")
                .containsEntry("nomidio_voice_auth", "NotEnrolled")
                .containsEntry("nomidio_challenge_result", "")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        assertThat(call.flowsEntered()).isEqualTo(FLOWS_WITHOUT_CHALLENGE);
        assertThat(DEPLOYMENT.statusAtGateway(NOT_FOUND_CALLER)).isEqualTo(NomidioStatus.INVITATION_SENT);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
        assertLogsSafe(call, NOT_FOUND_CALLER);
    }

    @ParameterizedTest(name = "caller presses {0}")
    @ValueSource(strings = {"timeout", "3"})
    void call_whenUnknownCallerDeclinesTheInvitation_staysNotFoundAndIsQueued(String answer) {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(NOT_FOUND_CALLER).presses(answer));

        assertThat(call.nomidioActions()).containsExactly("lookup");
        assertThat(call.attributes()).containsEntry("nomidio_status", "NOT_FOUND")
                .containsEntry("nomidio_voice_auth", "NotEnrolled")
                .containsEntry("nomidio_id", "");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenUnknownCallerOptsOut_isRecordedAsOptedOut() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(NOT_FOUND_CALLER).presses("2"));

        assertThat(call.nomidioActions()).containsExactly("lookup", "optOut");
        assertThat(call.prompts()).contains("You have opted out. We will not ask you to use voice identification again.");
        assertThat(call.attributes()).containsEntry("nomidio_status", "OPTED_OUT")
                .containsEntry("nomidio_voice_auth", "OptedOut");
        assertThat(DEPLOYMENT.statusAtGateway(NOT_FOUND_CALLER)).isEqualTo(NomidioStatus.OPTED_OUT);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @ParameterizedTest(name = "{0} ({1}) presses {2}")
    @CsvSource({
        "+447700900004, INVITED,         timeout, INVITED,         ''",
        "+447700900005, PENDING,         timeout, PENDING,         ''",
        "+447700900013, INVITATION_SENT, timeout, INVITATION_SENT, ''",
        "+447700900004, INVITED,         1,       INVITATION_SENT, invite",
        "+447700900005, PENDING,         2,       OPTED_OUT,       optOut",
        "+447700900006, EXISTS,          1,       INVITATION_SENT, invite",
        "+447700900006, EXISTS,          2,       OPTED_OUT,       optOut"})
    void call_whenRegistrationIsIncomplete_offersTheMenuAndActsOnTheAnswer(String caller, String status, String answer,
            String finalStatus, String action) {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(caller).presses(answer));

        String menu = status.equals("EXISTS") ? "Next time you call, you could confirm your identity"
                : "Your Nomidio registration is not complete yet.";
        assertThat(call.prompts()).anyMatch(p -> p.startsWith(menu));
        assertThat(call.nomidioActions()).containsExactlyElementsOf(action.isEmpty() ? List.of("lookup")
                : List.of("lookup", action));
        assertThat(call.attribute("nomidio_status")).isEqualTo(finalStatus);
        assertThat(call.flowsEntered()).isEqualTo(FLOWS_WITHOUT_CHALLENGE);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "+447700900007, OPTED_OUT,   OptedOut",
        "+447700900008, BLOCKED,     Inconclusive",
        "+447700900009, TAC_EXPIRED, NotEnrolled"})
    void call_whenStatusAllowsNoChallenge_goesStraightToTheQueue(String caller, String status, String voiceAuth) {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(caller));

        assertThat(call.nomidioActions()).containsExactly("lookup");
        assertThat(call.flowsEntered()).isEqualTo(FLOWS_WITHOUT_CHALLENGE);
        assertThat(call.events(TranscriptEvent.Kind.INPUT)).isEmpty();
        assertThat(call.attributes()).containsEntry("nomidio_status", status)
                .containsEntry("nomidio_voice_auth", voiceAuth)
                .containsEntry("nomidio_challenge_result", "");
        if (status.equals("TAC_EXPIRED")) {
            assertThat(call.prompts()).anyMatch(p -> p.contains("please accept the latest Nomidio terms and conditions"));
        }
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenTheEnterpriseUsedUpItsFreeTrial_isFreeTrialLimitAndQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900001").freeTrialLimitReached(true));

        assertThat(call.attributes()).containsEntry("nomidio_status", "FREE_TRIAL_LIMIT")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_challenge_result", "");
        assertThat(call.flowsEntered()).isEqualTo(FLOWS_WITHOUT_CHALLENGE);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource({"+447700900010, FRAUD_WARNING", "+447700900011, SUSPECTED_FRAUD"})
    void call_whenCallerIsFraudFlagged_passesTheChallengeAndCarriesTheFlag(String caller, String flag) {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(caller));

        assertThat(call.attributes()).containsEntry("nomidio_status", "ENROLLED")
                .containsEntry("nomidio_fraud_flag", flag)
                .containsEntry("nomidio_challenge_result", "PASSED");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenNumberIsWithheld_isWithheldNumberWithoutAskingTheGateway() {
        int tokensBefore = DEPLOYMENT.simulator().emulator().tokensIssued();

        CallResult call = DEPLOYMENT.call(CallScenario.builder().withheldNumber());

        assertThat(call.attributes()).containsEntry("nomidio_status", "WITHHELD_NUMBER")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_id", "");
        assertThat(call.nomidioActions()).containsExactly("lookup");
        assertThat(call.logs()).doesNotContain("\"operation\":\"identify\"");
        assertThat(DEPLOYMENT.simulator().emulator().tokensIssued()).isEqualTo(tokensBefore);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenCallerIdIsNotAPhoneNumber_isErrorAndStillQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("12"));

        assertThat(call.attributes()).containsEntry("nomidio_status", "ERROR")
                .containsEntry("nomidio_voice_auth", "Inconclusive");
        assertThat(call.flowsEntered()).isEqualTo(FLOWS_WITHOUT_CHALLENGE);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }
}
