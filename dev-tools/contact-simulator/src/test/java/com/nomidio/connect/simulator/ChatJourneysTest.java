package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static com.nomidio.connect.simulator.SimulatorHarness.assertLogsSafe;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chat contacts (issue 10) end to end: NOMIDIO-PRE-FLOW → NOMIDIO-LEX-AUTHENTICATION-FLOW → NOMIDIO-POST-FLOW as
 * rendered for Standard Voice + Chat, the local Lex runtime interpreting nomidio-lex/bots/NomidioAuthentication.json
 * and calling the real nomidioLex with Lex V2 events, against the gateway emulator's seeded customers (numbers and
 * references CUST-1001...) and CHAT challenges answered in the Nomidio app (the emulator's admin API). Each asserts
 * the attributes the POST flow receives and the route, not the bot's wording.
 */
class ChatJourneysTest {

    static final List<String> CHAT_FLOWS =
            List.of("NOMIDIO-PRE-FLOW", "NOMIDIO-LEX-AUTHENTICATION-FLOW", "NOMIDIO-POST-FLOW");

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void chat_whenIdentifiedByNumberAndApprovedInTheApp_isAuthenticatedEnrolledInThePostFlow() {
        CallResult chat = DEPLOYMENT.call(chat().types("07700 900001", "app:approve", "done"));

        assertThat(chat.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(chat.queue()).isEqualTo(WORKING_QUEUE);
        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
        assertThat(chat.attributes()).containsEntry("nomidio_status", "ENROLLED")
                .containsEntry("nomidio_id", "NID-ENROLLED-A")
                .containsEntry("nomidio_challenge_auth", "STANDARD")
                .containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_authenticated_enrolled", "true")
                .containsEntry("nomidio_voice_auth", "Authenticated");
        assertThat(DEPLOYMENT.simulator().emulator().challenge(chat.attribute("nomidio_challenge_id"))).isPresent();
        assertThat(hookCalls(chat)).as("every turn reaches the real code hook").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(call -> assertThat(call.details()).containsEntry("invocationSource", "DialogCodeHook"));
        assertThat(chat.nomidioActions()).as("chat needs no nomidioAction").isEmpty();
        assertEveryOutputSet(chat);
        assertLogsSafe(chat, "+447700900001");
        assertThat(chat.logs()).doesNotContain("07700 900001");
    }

    @Test
    void chat_whenIdentifiedByReferenceAndRefusedInTheApp_isNotAuthenticated() {
        CallResult chat = DEPLOYMENT.call(chat().types("my reference is CUST-1012", "app:refuse", "done"));

        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
        assertThat(chat.attributes()).containsEntry("nomidio_status", "ENROLLED")
                .containsEntry("nomidio_id", "NID-ENROLLED-B")
                .containsEntry("nomidio_challenge_result", "FAILED")
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_voice_auth", "NotAuthenticated");
        assertThat(chat.logs()).doesNotContain("CUST-1012");
        assertEveryOutputSet(chat);
    }

    @Test
    void chat_whenTheChallengeIsNeverAnswered_timesOutAfterThreeChecks() {
        CallResult chat = DEPLOYMENT.call(chat().types("CUST-1001", "done", "done", "done"));

        assertThat(chat.attributes()).containsEntry("nomidio_status", "ENROLLED")
                .containsEntry("nomidio_challenge_result", "TIMEOUT")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        assertThat(chat.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(chat);
    }

    @Test
    void chat_whenNeitherANumberNorAKnownReferenceThreeTimes_isIdentificationFailed() {
        CallResult chat = DEPLOYMENT.call(chat().types("what?", "I forget it", "CUST-9999"));

        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
        assertThat(chat.attributes()).containsEntry("nomidio_status", "IDENTIFICATION_FAILED")
                .containsEntry("nomidio_challenge_result", "")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        assertThat(chat.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(chat);
    }

    @Test
    void chat_whenAnUnknownNumberAcceptsTheOffer_isSentTheInvitation() {
        CallResult chat = DEPLOYMENT.call(chat().types("07700 900999", "yes"));

        assertThat(chat.attributes()).containsEntry("nomidio_status", "INVITATION_SENT");
        assertThat(DEPLOYMENT.statusAtGateway("+447700900999")).isEqualTo(NomidioStatus.INVITATION_SENT);
        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
        assertEveryOutputSet(chat);
    }

    @Test
    void chat_whenTheGatewayIsDown_reachesThePostFlowNomidioUnavailable() {
        CallResult chat = DEPLOYMENT.call(chat().types("CUST-1001").fault(ScheduledFault.gatewayDown()));

        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
        assertThat(chat.attributes()).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE")
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_voice_auth", "Inconclusive");
        assertThat(chat.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertEveryOutputSet(chat);
    }

    @Test
    void chat_whenTheCustomerStopsWriting_leavesTheBotWithNothingProvenForThePostFlow() {
        CallResult chat = DEPLOYMENT.call(chat().types("CUST-1001")
                .attribute("nomidio_authenticated_enrolled", "true").attribute("nomidio_voice_auth", "Authenticated"));

        assertThat(chat.events(TranscriptEvent.Kind.ERROR_BRANCH)).anySatisfy(error ->
                assertThat(error.details()).containsEntry("errorType", "InputTimeLimitExceeded"));
        assertThat(chat.attributes()).containsEntry("nomidio_status", "ERROR")
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_voice_auth", "Inconclusive");
        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
    }

    @Test
    void chat_whenOptedOut_keepsTheGatewaysStatusWithoutAChallenge() {
        CallResult chat = DEPLOYMENT.call(chat().types("CUST-1007"));

        assertThat(chat.attributes()).containsEntry("nomidio_status", "OPTED_OUT")
                .containsEntry("nomidio_challenge_id", "")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
        assertEveryOutputSet(chat);
    }

    @Test
    void chat_whenTheWordsMatchNoIntent_theFallbackIntentsFulfillmentHookAnswersAndTheChatGoesOn() {
        CallResult chat = DEPLOYMENT.call(chat().types("??", "CUST-1007"));

        assertThat(hookCalls(chat)).anySatisfy(call -> assertThat(call.details())
                .containsEntry("invocationSource", "FulfillmentCodeHook").containsEntry("intent", "FallbackIntent"));
        assertThat(chat.attributes()).containsEntry("nomidio_status", "OPTED_OUT");
        assertThat(chat.flowsEntered()).isEqualTo(CHAT_FLOWS);
    }

    private static CallScenario.Builder chat() {
        return CallScenario.builder().interaction(InteractionConfiguration.STANDARD_VOICE_AND_CHAT);
    }

    static List<TranscriptEvent> hookCalls(CallResult call) {
        return call.events(TranscriptEvent.Kind.LAMBDA).stream()
                .filter(e -> "nomidioLex".equals(e.details().get("function"))).toList();
    }
}
