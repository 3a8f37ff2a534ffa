package com.nomidio.connect.emulator.voice;

import static com.nomidio.connect.emulator.AudioFixtures.SILENCE;
import static com.nomidio.connect.emulator.AudioFixtures.VOICE_A_ENROLMENT;
import static com.nomidio.connect.emulator.AudioFixtures.VOICE_A_PASSPHRASE;
import static com.nomidio.connect.emulator.AudioFixtures.VOICE_B_ENROLMENT;
import static com.nomidio.connect.emulator.AudioFixtures.VOICE_B_PASSPHRASE;
import static com.nomidio.connect.emulator.AudioFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.emulator.voice.Verification.Verdict;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default verifier on the shipped fixtures; the scores it logs are the ones quoted in the README. */
class SpectralVoiceprintVerifierTest {

    private static final Logger LOG = LoggerFactory.getLogger(SpectralVoiceprintVerifierTest.class);

    private static final SpectralVoiceprintVerifier VERIFIER = new SpectralVoiceprintVerifier();
    private static Voiceprint enrolledA;
    private static Voiceprint enrolledB;

    @BeforeAll
    static void enrol() {
        enrolledA = VERIFIER.enrol(wav(VOICE_A_ENROLMENT));
        enrolledB = VERIFIER.enrol(wav(VOICE_B_ENROLMENT));
    }

    @Test
    void verify_whenEnrolledVoiceSaysThePassphrase_matches() {
        Verification a = verify("voice A passphrase vs voice A enrolment", wav(VOICE_A_PASSPHRASE), enrolledA);
        Verification b = verify("voice B passphrase vs voice B enrolment", wav(VOICE_B_PASSPHRASE), enrolledB);

        assertThat(a.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(b.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(a.score()).isGreaterThanOrEqualTo(a.threshold());
    }

    @Test
    void verify_whenAnotherVoiceSaysThePassphrase_doesNotMatch() {
        Verification bAsA = verify("voice B passphrase vs voice A enrolment", wav(VOICE_B_PASSPHRASE), enrolledA);
        Verification aAsB = verify("voice A passphrase vs voice B enrolment", wav(VOICE_A_PASSPHRASE), enrolledB);

        assertThat(bAsA.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(aAsB.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(bAsA.score()).isLessThan(bAsA.threshold());
    }

    @Test
    void verify_whenSampleIsSilence_findsNoSpeech() {
        Verification silence = verify("silence vs voice A enrolment", wav(SILENCE), enrolledA);

        assertThat(silence.verdict()).isEqualTo(Verdict.INSUFFICIENT_SPEECH);
        assertThat(silence.speechSeconds()).isZero();
        assertThat(silence.audioSeconds()).isEqualTo(5.0);
    }

    @Test
    void verify_whenSameVoiceIsQuieter_stillMatchesBecauseLoudnessIsLeftOut() {
        PcmAudio loud = decode(wav(VOICE_A_PASSPHRASE));
        float[] quiet = loud.samples().clone();
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 0.25f;
        }

        Verification result = verify("voice A passphrase at -12 dB vs voice A enrolment",
                WavWriter.wav(quiet, loud.sampleRate(), 1), enrolledA);

        assertThat(result.verdict()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void verify_whenSameVoiceComesAt16kHzStereo_stillMatches() {
        PcmAudio narrow = decode(wav(VOICE_A_PASSPHRASE));
        float[] x = narrow.samples();
        float[] wide = new float[x.length * 2 * 2];
        for (int i = 0; i < x.length; i++) {
            float next = i + 1 < x.length ? x[i + 1] : x[i];
            float[] pair = {x[i], (x[i] + next) / 2};
            for (int j = 0; j < 2; j++) {
                wide[4 * i + 2 * j] = pair[j];
                wide[4 * i + 2 * j + 1] = pair[j];
            }
        }

        Verification result = verify("voice A passphrase at 16 kHz stereo vs voice A enrolment",
                WavWriter.wav(wide, 16000, 2), enrolledA);

        assertThat(result.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(result.audioSeconds()).isCloseTo(narrow.durationSeconds(), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void verify_whenSampleHasTooLittleSpeech_isInsufficientSpeech() {
        PcmAudio audio = decode(wav(VOICE_A_PASSPHRASE));
        float[] first = Arrays.copyOf(audio.samples(), (int) (1.2 * audio.sampleRate()));

        Verification result = verify("first 1.2 s of voice A passphrase", WavWriter.wav(first, audio.sampleRate(), 1), enrolledA);

        assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_SPEECH);
        assertThat(result.speechSeconds()).isGreaterThan(0).isLessThan(1.5);
    }

    @Test
    void verify_whenSampleIsASteadyTone_findsNoSpeech() {
        float[] tone = new float[8000 * 3];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }

        Verification result = verify("steady 440 Hz tone", WavWriter.wav(tone, 8000, 1), enrolledA);

        assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_SPEECH);
    }

    @Test
    void verify_whenNoVoiceprintIsEnrolled_isNotEnrolled() {
        assertThat(VERIFIER.verify(wav(VOICE_A_PASSPHRASE), null).verdict()).isEqualTo(Verdict.NOT_ENROLLED);
    }

    @Test
    void verify_whenBytesAreNotAudio_isUnreadable() {
        assertThat(VERIFIER.verify("RIFF but not really a wave file at all, just text".getBytes(), enrolledA).verdict())
                .isEqualTo(Verdict.UNREADABLE_AUDIO);
    }

    @Test
    void verify_whenThresholdIsRaisedAboveTheSameVoiceScore_noLongerMatches() {
        SpectralVoiceprintVerifier strict = new SpectralVoiceprintVerifier(new SpectralVoiceprintVerifier.Settings(1.5, 0.999));

        assertThat(strict.verify(wav(VOICE_A_PASSPHRASE), enrolledA).verdict()).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void enrol_whenRecordingIsSilence_isRefused() {
        assertThatThrownBy(() -> VERIFIER.enrol(wav(SILENCE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speech");
    }

    private static Verification verify(String label, byte[] sample, Voiceprint enrolled) {
        Verification result = VERIFIER.verify(sample, enrolled);
        LOG.atInfo().addKeyValue("case", label).addKeyValue("verdict", result.verdict())
                .addKeyValue("score", String.format("%.3f", result.score())).addKeyValue("threshold", result.threshold())
                .addKeyValue("speechSeconds", String.format("%.2f", result.speechSeconds()))
                .addKeyValue("audioSeconds", String.format("%.2f", result.audioSeconds())).log("Verifier score");
        return result;
    }

    private static PcmAudio decode(byte[] wav) {
        try {
            return PcmAudio.fromWav(wav);
        } catch (PcmAudio.InvalidAudioException e) {
            throw new AssertionError(e);
        }
    }
}
