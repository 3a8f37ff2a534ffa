package com.nomidio.connect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.simulator.audio.CallerAudio;
import com.nomidio.connect.simulator.audio.CallerMediaStream;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import com.nomidio.connect.upload.domain.CapturePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The caller's wait, on the call clock: the caller speaks once the voice prompt has ended, the capture ends when they
 * have given enough speech and gone quiet (never in a pause before the minimum), and the verdict follows. Every figure
 * here is a call time or what the capture kept, so no assertion depends on how fast the machine runs.
 */
class CallerTimingTest {

    private static final String CHALLENGE_FLOW = "NOMIDIO-CHALLENGE-FLOW";
    private static final long END_SILENCE = CapturePolicy.DEFAULT_END_SILENCE.toMillis();
    /** One VAD window of slack between the script's last sample and what the capture counts. */
    private static final long WINDOW = 20;

    @RegisterExtension
    static final SimulatorHarness DEPLOYMENT = new SimulatorHarness();

    @Test
    void call_whenCallerAnswersThePrompt_speaksOnlyOnceThePromptHasEndedAndHearsTheVerdictAfterTheirLastWord() {
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(CallScenario.ENROLLED_CALLER));

        TranscriptEvent prompt = call.prompt(CHALLENGE_FLOW, "Voice prompt");
        long promptEnds = prompt.atMillis() + Long.parseLong(prompt.details().get("durationMs"));
        assertThat(call.callerAskedAt()).isEqualTo(promptEnds).isGreaterThan(streamingStart(call));
        assertThat(call.events(TranscriptEvent.Kind.CALLER)).first()
                .satisfies(e -> assertThat(e.atMillis()).isEqualTo(promptEnds));
        TranscriptEvent verdict = call.prompt(CHALLENGE_FLOW, "Passed message");
        assertThat(verdict).isNotNull();
        assertThat(verdict.atMillis()).isGreaterThan(call.callerLastWordAt());
        assertCaptureEndedAfterTheLastWord(call);
        // No fixed listening time, no "please hold": the first poll starts as the prompt ends.
        assertThat(call.prompts()).noneMatch(p -> p.contains("Please hold while we check"));
    }

    @Test
    void call_whenCallerPausesBetweenSentencesAfterTheMinimum_endsTheCaptureInThePause() {
        // Two padded sentences: the first holds more than the 4 s minimum, and the 1.4 s between them is longer than
        // the end silence, so the capture ends in that pause, with the first sentence, before the second is heard.
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(CallScenario.ENROLLED_CALLER)
                .says("voice-a-enrolment", "voice-a-enrolment"));

        TranscriptEvent upload = upload(call);
        assertThat(upload.details()).containsEntry("result.stopReason", "CALLER_STOPPED");
        assertThat(Long.parseLong(upload.details().get("result.speechMillis")))
                .isGreaterThanOrEqualTo(CapturePolicy.defaultFor(AuthLevel.STANDARD)
                        .minimumSpeech().toMillis())
                .isLessThan(8000);
        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("PASSED");
    }

    @Test
    void call_whenCallerHesitatesBeforeTheMinimum_isNotCutOffInThePause() {
        // One passphrase is less than STANDARD's 4 s minimum, so the 1.5 s pause after it (longer than the end
        // silence) must not end the capture: both passphrases are in the sample, and it ends after the last word.
        // (The 20 s window counts from streaming start, voice prompt included, so this caller may end it instead.)
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(CallScenario.ENROLLED_CALLER)
                .says("voice-a", "pause:1500", "voice-a"));
        CallResult once = DEPLOYMENT.call(CallScenario.builder().caller(CallScenario.ENROLLED_CALLER).says("voice-a"));

        long onePassphrase = Long.parseLong(upload(once).details().get("result.speechMillis"));
        assertThat(upload(once).details()).containsEntry("result.action", "CANCELLED");
        assertThat(upload(call).details().get("result.stopReason")).isIn("CALLER_STOPPED", "WINDOW_FULL");
        assertThat(Long.parseLong(upload(call).details().get("result.speechMillis")))
                .isGreaterThan(onePassphrase * 3 / 2);
        assertThat(capturedEndAt(call)).isGreaterThan(call.callerLastWordAt());
        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("PASSED");
    }

    @Test
    void call_whenCallerKeepsTalking_stopsAtTheSpeechTargetBeforeTheirLastWord() {
        // Three sentences run together (no half-second pads): no pause reaches the end silence.
        CallResult call = DEPLOYMENT.call(CallScenario.builder().caller(CallScenario.ENROLLED_CALLER)
                .says("trim:voice-a-enrolment", "trim:voice-a-enrolment", "trim:voice-a-enrolment"));

        TranscriptEvent upload = upload(call);
        assertThat(upload.details()).containsEntry("result.stopReason", "ENOUGH_SPEECH");
        assertThat(Long.parseLong(upload.details().get("result.speechMillis"))).isGreaterThanOrEqualTo(8000);
        assertThat(capturedEndAt(call)).isLessThan(call.callerLastWordAt());
        assertThat(call.attribute("nomidio_challenge_result")).isEqualTo("PASSED");
    }

    /**
     * The capture ended because the caller stopped, never before the end silence had passed after their last word,
     * and kept that word: the kept audio (whole proven fragments) reaches past it, by less than a fragment.
     */
    private static void assertCaptureEndedAfterTheLastWord(CallResult call) {
        assertThat(upload(call).details()).containsEntry("result.stopReason", "CALLER_STOPPED");
        assertThat(capturedEndAt(call) - call.callerLastWordAt())
                .isBetween(-WINDOW, (long) CallerMediaStream.FRAGMENT_MILLIS + WINDOW);
        assertThat(upload(call).atMillis()).isGreaterThanOrEqualTo(call.callerLastWordAt() + END_SILENCE - WINDOW);
    }

    private static TranscriptEvent upload(CallResult call) {
        return call.events(TranscriptEvent.Kind.ASYNC_INVOCATION).stream()
                .filter(e -> "sampleUpload".equals(e.details().get("function"))).findFirst().orElseThrow();
    }

    /** Call time of the last sample the capture kept: it reads from the first fragment of this contact on. */
    private static long capturedEndAt(CallResult call) {
        long samples = Long.parseLong(upload(call).details().get("result.samples"));
        return streamingStart(call) + samples * 1000 / CallerAudio.SAMPLE_RATE;
    }

    private static long streamingStart(CallResult call) {
        return call.events(TranscriptEvent.Kind.MEDIA_STREAMING).getFirst().atMillis();
    }
}
