package com.nomidio.connect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.simulator.SimulatorSettings.KvsDelivery;
import com.nomidio.connect.simulator.audio.CallerAudio;
import com.nomidio.connect.simulator.audio.CallerMediaStream;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import com.nomidio.connect.upload.domain.CapturePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cautious reading of KVS: GetMedia hands each fragment over only once it is complete. Then the capture can only
 * stop when a whole fragment arrives, at a fragment boundary at least the end silence after the last word (relayed
 * frames let it stop sooner); the last word is still kept and the journey still ends with the verdict. Call-clock
 * figures only.
 */
class WholeFragmentDeliveryTest {

    private static final long END_SILENCE = CapturePolicy.DEFAULT_END_SILENCE.toMillis();
    private static final long WINDOW = 20;

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness(
            SimulatorHarness.fastEmulator(SimulatorSettings.defaults().withKvsDelivery(KvsDelivery.WHOLE_FRAGMENTS)));

    @Test
    void call_whenGetMediaHandsOverWholeFragments_endPointsOnWholeFragmentsAndPasses() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(CallScenario.ENROLLED_CALLER)
                .says("voice-a-enrolment"));

        TranscriptEvent upload = call.events(TranscriptEvent.Kind.ASYNC_INVOCATION).stream()
                .filter(e -> "sampleUpload".equals(e.details().get("function"))).findFirst().orElseThrow();
        assertThat(upload.details()).containsEntry("result.stopReason", "CALLER_STOPPED");
        long streamingStart = call.events(TranscriptEvent.Kind.MEDIA_STREAMING).getFirst().atMillis();
        long keptEnd = streamingStart
                + Long.parseLong(upload.details().get("result.samples")) * 1000 / CallerAudio.SAMPLE_RATE;
        long lastWord = call.callerLastWordAt();
        assertThat(keptEnd).isGreaterThanOrEqualTo(lastWord - WINDOW);
        // The first fragment boundary at which a whole fragment shows the end silence after the last word.
        long fragment = CallerMediaStream.FRAGMENT_MILLIS;
        long silenceSeenBy = lastWord + END_SILENCE - WINDOW;
        long boundary = streamingStart + ((silenceSeenBy - streamingStart + fragment - 1) / fragment) * fragment;
        assertThat(upload.atMillis()).isGreaterThanOrEqualTo(boundary);
        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("PASSED");
    }
}
