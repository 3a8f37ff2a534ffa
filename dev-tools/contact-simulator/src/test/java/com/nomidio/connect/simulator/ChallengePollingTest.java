package com.nomidio.connect.simulator;

import static com.nomidio.connect.simulator.SimulatorHarness.WORKING_QUEUE;
import static com.nomidio.connect.simulator.SimulatorHarness.assertEveryOutputSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.emulator.state.ChallengeInspection;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The challenge flow's wait: seven rounds of challengeResult for STANDARD from the moment the voice prompt ends, each a
 * long-poll of what nomidioAction's budget leaves, then "not completed". The gateway here takes a minute to decide, and nomidioAction's Lambda
 * timeout is 3 s instead of 8 s, so each round long-polls the gateway 1 s instead of 6 s: the same rounds, sooner.
 */
class ChallengePollingTest {

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness(SimulatorSettings.defaults()
            .withNomidioActionTimeout(Duration.ofSeconds(3))
            .withEmulatorSettings(s -> s.verificationDelay(Duration.ofSeconds(60))));

    @Test
    void call_whenTheResultIsStillPendingAfterEveryRound_recordsNotCompletedAndQueues() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller("+447700900001"));

        assertThat(call.events(TranscriptEvent.Kind.LOOP)).extracting(TranscriptEvent::text)
                .containsExactly("round 1 of 7", "round 2 of 7", "round 3 of 7", "round 4 of 7", "round 5 of 7",
                        "round 6 of 7", "round 7 of 7", "done after 7 rounds");
        assertThat(Collections.frequency(call.nomidioActions(), "challengeResult")).isEqualTo(7);
        assertThat(call.events(TranscriptEvent.Kind.LAMBDA)).filteredOn(e -> "challengeResult".equals(
                e.details().get("parameter.action"))).allSatisfy(poll -> {
                    assertThat(poll.details()).containsEntry("result.nomidio_challenge_result", "PENDING");
                    // Each round really waited at the gateway (a long-poll of 1 s), it did not just ask.
                    assertThat(Long.parseLong(poll.details().get("durationMs"))).isGreaterThanOrEqualTo(900L);
                });
        assertThat(call.attributes()).containsEntry("nomidio_challenge_result", "TIMEOUT")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_status", "ENROLLED");
        ChallengeInspection challenge = DEPLOYMENT.simulator().emulator().challenge(call.attribute("nomidio_challenge_id"))
                .orElseThrow();
        assertThat(challenge.status()).isEqualTo(ChallengeStatus.PENDING);
        // The seven polls, and startSampleUpload's non-waiting read that checks the challenge is this contact's.
        assertThat(challenge.resultReads()).isEqualTo(8);
        assertThat(call.queue()).isEqualTo(WORKING_QUEUE);
        assertEveryOutputSet(call);
    }
}
