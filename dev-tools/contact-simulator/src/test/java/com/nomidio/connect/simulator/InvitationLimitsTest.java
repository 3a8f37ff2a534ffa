package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invitations and opt-outs run on the caller id plus one keypress (issue 9 item 10): at most one invitation per
 * contact, and a gateway rate limit heard as a polite message rather than as a failure.
 */
class InvitationLimitsTest {

    private static final String NOT_FOUND_CALLER = "+447700900999";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void call_whenUnknownCallerAcceptsTheInvitation_marksTheContactInvited() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(NOT_FOUND_CALLER).presses("1"));

        assertThat(call.attributes()).containsEntry("nomidio_status", "INVITATION_SENT")
                .containsEntry("nomidio_invite_sent", "true");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
    }

    @Test
    void call_whenContactWasAlreadyInvited_sendsNoSecondInvitation() {
        // What a contact carries when a customer flow transfers it back into the authentication flow.
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(NOT_FOUND_CALLER).presses("1")
                .attribute("nomidio_invite_sent", "true"));

        assertThat(call.nomidioActions()).containsExactly("lookup", "invite");
        assertThat(call.prompts()).contains("We have sent you a text message with your invitation. Thank you.");
        assertThat(call.attributes()).containsEntry("nomidio_status", "INVITATION_SENT")
                .containsEntry("nomidio_invite_sent", "true")
                .containsEntry("nomidio_voice_auth", "NotEnrolled");
        // The gateway never saw the second invitation.
        assertThat(DEPLOYMENT.statusAtGateway(NOT_FOUND_CALLER)).isEqualTo(NomidioStatus.NOT_FOUND);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenGatewayRateLimitsTheInvitation_hearsPoliteMessageAndIsQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(NOT_FOUND_CALLER).presses("1")
                .fault(ScheduledFault.parse("invite=429")));

        assertThat(call.nomidioActions()).containsExactly("lookup", "invite");
        assertThat(call.prompts()).contains("We cannot send another invitation right now. Please try again later.")
                .doesNotContain("Sorry, we could not send your invitation just now. Please try again next time you call.");
        // The outputs keep what the lookup said; the contact is not marked invited.
        assertThat(call.attributes()).containsEntry("nomidio_status", "NOT_FOUND")
                .doesNotContainKey("nomidio_invite_sent");
        assertThat(call.events(TranscriptEvent.Kind.ERROR_BRANCH)).isEmpty();
        assertThat(call.flowsEntered()).endsWith("NOMIDIO-POST-FLOW");
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenGatewayRateLimitsTheOptOut_hearsPoliteMessageAndIsQueued() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(NOT_FOUND_CALLER).presses("2")
                .fault(ScheduledFault.parse("optOut=429")));

        assertThat(call.nomidioActions()).containsExactly("lookup", "optOut");
        assertThat(call.prompts()).contains("We cannot record your choice right now. Please try again later.");
        assertThat(call.attributes()).containsEntry("nomidio_status", "NOT_FOUND");
        assertThat(DEPLOYMENT.statusAtGateway(NOT_FOUND_CALLER)).isEqualTo(NomidioStatus.NOT_FOUND);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }

}
