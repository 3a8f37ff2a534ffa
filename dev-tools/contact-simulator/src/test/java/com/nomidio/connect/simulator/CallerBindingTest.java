package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 9, item 2: a contact whose attributes were set by something else (a customer flow, a chat start, an API
 * call) before it reaches the challenge. The challenged identity is the caller's own, and the status and fraud
 * flag the flows keep are the gateway's, whatever the attributes claimed.
 */
class CallerBindingTest {

    private static final String VOICE_B_CALLER = "+447700900012";

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

    @ParameterizedTest(name = "{2}={3} -> {4}")
    @CsvSource({
            "+447700900011, NID-SUSPECT-A, nomidio_fraud_flag, '', SUSPECTED_FRAUD, true",
            "+447700900003, NID-AWAITING-A, nomidio_status, ENROLLED, AWAITING_APPROVAL, false"})
    void call_whenAttributesForgeStatusOrFlag_keepsWhatTheGatewaySays(String caller, String nomidioId, String attribute,
            String forged, String gatewaySays, String authenticatedEnrolled) {
        // The caller, speaking the enrolled voice A, enters the challenge flow with its own id and a forged claim.
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(caller).startsIn("NOMIDIO-CHALLENGE-FLOW")
                .attribute("nomidio_id", nomidioId).attribute(attribute, forged));

        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("PASSED");
        assertThat(call.attribute(attribute)).isEqualTo(gatewaySays);
        assertThat(call.attribute("nomidio_authenticated_enrolled")).isEqualTo(authenticatedEnrolled);
        assertEveryOutputSet(call);
    }
}
