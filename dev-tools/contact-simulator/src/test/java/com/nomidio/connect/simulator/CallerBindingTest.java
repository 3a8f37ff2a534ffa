package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9, item 2: a contact whose attributes were set by something else (a customer flow, a chat start, an API
 * call) before it reaches the challenge. The challenged identity is the caller's own, and the status and fraud
 * flag the flows keep are the gateway's, whatever the attributes claimed.
 */
class CallerBindingTest {

    private static final String VOICE_B_CALLER = "+447700900012";
    private static final String SUSPECTED_FRAUD_CALLER = "+447700900011";
    private static final String AWAITING_APPROVAL_CALLER = "+447700900003";

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void call_whenAttributesNameAnotherIdentityAndItsVoiceIsPlayed_challengesTheCallerAndFails() {
        // Voice B's caller sets nomidio_id to voice A's identity and plays voice A: the challenge must be voice B's.
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(VOICE_B_CALLER).startsIn("NOMIDIO-CHALLENGE-FLOW")
                .attribute("nomidio_id", "NID-ENROLLED-A").attribute("nomidio_status", "ENROLLED")
                .says("voice-a", "voice-a"));

        assertThat(call.attribute("nomidio_id")).isEqualTo("NID-ENROLLED-B");
        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("FAILED");
        assertThat(call.attribute("nomidio_authenticated_enrolled")).isEqualTo("false");
        assertThat(call.attribute("nomidio_voice_auth")).isEqualTo("NotAuthenticated");
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenAttributesForgeAClearFraudFlag_keepsTheGatewaysFlag() {
        CallResult call = challengeWithForgedAttribute(SUSPECTED_FRAUD_CALLER, "NID-SUSPECT-A", "nomidio_fraud_flag", "");

        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("PASSED");
        assertThat(call.attribute("nomidio_fraud_flag")).isEqualTo("SUSPECTED_FRAUD");
        assertEveryOutputSet(call);
    }

    @Test
    void call_whenAttributesForgeEnrolled_isAuthenticatedButNotEnrolled() {
        CallResult call = challengeWithForgedAttribute(AWAITING_APPROVAL_CALLER, "NID-AWAITING-A", "nomidio_status", "ENROLLED");

        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("PASSED");
        assertThat(call.attribute("nomidio_status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(call.attribute("nomidio_authenticated_enrolled")).isEqualTo("false");
        assertEveryOutputSet(call);
    }

    /** The caller, speaking the enrolled voice A, enters the challenge flow with its own id and one forged attribute. */
    private static CallResult challengeWithForgedAttribute(String caller, String nomidioId, String attribute, String value) {
        return DEPLOYMENT.call(CallScenario.builder().caller(caller).startsIn("NOMIDIO-CHALLENGE-FLOW")
                .attribute("nomidio_id", nomidioId).attribute(attribute, value));
    }
}
