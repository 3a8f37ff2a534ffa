package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.ChatJourneysTest.CHAT_FLOWS;
import static com.nomidio.connect.simulator.ChatJourneysTest.hookCalls;
import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three CustomerInteractionConfiguration values, each with the flows deploymentHelper renders for it: where
 * NOMIDIO-PRE-FLOW sends chat and voice, and, under Lex Voice + Chat, voice menus answered by the bot (spoken
 * words or keys) while nomidioAction still sends the invitation or records the opt-out and the audio challenge
 * stays with NOMIDIO-CHALLENGE-FLOW.
 */
class InteractionConfigurationsTest {

    private static final String NOT_FOUND_CALLER = "+447700900999";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void lexVoiceAndChat_whenAnEnrolledCallerCalls_isChallengedByAudioFromTheLexFlow() {
        CallResult call = DEPLOYMENT.call(lexVoice().caller("+447700900001"));

        assertThat(call.flowsEntered()).containsExactly("NOMIDIO-PRE-FLOW", "NOMIDIO-LEX-AUTHENTICATION-FLOW",
                "NOMIDIO-CHALLENGE-FLOW", "NOMIDIO-POST-FLOW");
        // The challenge flow polls while the caller speaks: how many polls depends on when the verdict is ready.
        assertThat(call.nomidioActions()).startsWith("lookup", "createChallenge", "startSampleUpload", "challengeResult");
        assertThat(call.nomidioActions().subList(3, call.nomidioActions().size())).containsOnly("challengeResult");
        assertThat(call.attributes()).containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_authenticated_enrolled", "true");
        assertThat(hookCalls(call)).as("no menu, so no bot turn").isEmpty();
        assertEveryOutputSet(call);
    }

    @Test
    void lexVoiceAndChat_whenAnUnknownCallerSaysRegister_theBotTakesItAndNomidioActionInvites() {
        CallResult call = DEPLOYMENT.call(lexVoice().caller(NOT_FOUND_CALLER).presses("register"));

        assertThat(call.events(TranscriptEvent.Kind.INPUT)).anySatisfy(input ->
                assertThat(input.details()).containsEntry("input", "register").containsEntry("inputMode", "Speech"));
        assertThat(hookCalls(call)).isNotEmpty();
        assertThat(call.nomidioActions()).containsExactly("lookup", "invite");
        assertThat(call.attributes()).containsEntry("nomidio_status", "INVITATION_SENT");
        assertThat(DEPLOYMENT.statusAtGateway(NOT_FOUND_CALLER)).isEqualTo(NomidioStatus.INVITATION_SENT);
        assertThat(call.flowsEntered()).containsExactly("NOMIDIO-PRE-FLOW", "NOMIDIO-LEX-AUTHENTICATION-FLOW",
                "NOMIDIO-POST-FLOW");
        assertEveryOutputSet(call);
    }

    @Test
    void lexVoiceAndChat_whenAnInvitedCallerKeysTwo_optsOutThroughNomidioAction() {
        CallResult call = DEPLOYMENT.call(lexVoice().caller("+447700900004").presses("2"));

        assertThat(call.events(TranscriptEvent.Kind.INPUT)).anySatisfy(input ->
                assertThat(input.details()).containsEntry("input", "2").containsEntry("inputMode", "DTMF"));
        assertThat(call.nomidioActions()).containsExactly("lookup", "optOut");
        assertThat(call.attributes()).containsEntry("nomidio_status", "OPTED_OUT");
        assertEveryOutputSet(call);
    }

    @Test
    void lexVoiceAndChat_whenTheCallerAnswersNothing_carriesOnToTheQueueAsTheLookupLeftIt() {
        CallResult call = DEPLOYMENT.call(lexVoice().caller(NOT_FOUND_CALLER));

        assertThat(call.nomidioActions()).containsExactly("lookup");
        assertThat(call.attributes()).containsEntry("nomidio_status", "NOT_FOUND");
        assertThat(call.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
    }

    @Test
    void lexVoiceAndChat_whenTheBotDoesNotUnderstandTwice_carriesOnWithoutInvitingOrOptingOut() {
        CallResult call = DEPLOYMENT.call(lexVoice().caller(NOT_FOUND_CALLER).presses("perhaps", "maybe tomorrow"));

        assertThat(hookCalls(call)).hasSize(2);
        assertThat(call.nomidioActions()).containsExactly("lookup");
        assertThat(call.attributes()).containsEntry("nomidio_status", "NOT_FOUND");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void lexVoiceAndChat_whenChat_goesThroughTheBotToo() {
        CallResult chat = DEPLOYMENT.call(lexVoice().types("CUST-1004", "no thanks"));

        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
        assertThat(chat.attributes()).containsEntry("nomidio_status", "INVITED");
        assertEveryOutputSet(chat);
    }

    @Test
    void standardVoiceAndChat_whenVoice_keepsTheKeypadMenusWithoutTheBot() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder()
                .interaction(InteractionConfiguration.STANDARD_VOICE_AND_CHAT).caller(NOT_FOUND_CALLER).presses("1"));

        assertThat(call.flowsEntered()).containsExactly("NOMIDIO-PRE-FLOW", "NOMIDIO-AUTHENTICATION-FLOW",
                "NOMIDIO-POST-FLOW");
        assertThat(call.nomidioActions()).containsExactly("lookup", "invite");
        assertThat(hookCalls(call)).isEmpty();
        assertThat(call.attributes()).containsEntry("nomidio_status", "INVITATION_SENT");
    }

    @Test
    void standardVoiceOnly_whenAChatArrives_hasNoLexFlowAndGoesToTheKeypadFlowWithNothingProven() {
        CallResult chat = DEPLOYMENT.call(CallScenario.builder()
                .interaction(InteractionConfiguration.STANDARD_VOICE_ONLY).types("CUST-1001"));

        assertThat(chat.flowsEntered()).containsExactly("NOMIDIO-PRE-FLOW", "NOMIDIO-AUTHENTICATION-FLOW",
                "NOMIDIO-POST-FLOW");
        assertThat(hookCalls(chat)).isEmpty();
        assertThat(chat.attributes()).containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_challenge_result", "");
        assertThat(chat.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(chat);
    }

    private static CallScenario.Builder lexVoice() {
        return CallScenario.builder().interaction(InteractionConfiguration.LEX_VOICE_AND_CHAT);
    }

    static List<String> flows(CallResult call) {
        return call.flowsEntered();
    }
}
