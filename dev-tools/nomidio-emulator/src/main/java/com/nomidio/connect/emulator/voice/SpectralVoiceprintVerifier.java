package com.nomidio.connect.emulator.voice;

import com.nomidio.connect.emulator.voice.Verification.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's default verifier. Not biometrics: it asks for enough net speech, then compares the sample's
 * mean mel-cepstrum with the enrolled one by cosine similarity. It tells two clearly different voices apart,
 * which is what an end-to-end test of the integration needs, and nothing more.
 */
public final class SpectralVoiceprintVerifier implements SampleVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(SpectralVoiceprintVerifier.class);

    /**
     * @param minSpeechSeconds net speech a sample needs before it is compared at all
     * @param threshold        cosine similarity at or above which the voices match
     */
    public record Settings(double minSpeechSeconds, double threshold) {
        public static final Settings DEFAULT = new Settings(1.5, 0.80);

        public Settings {
            if (minSpeechSeconds < 0 || threshold < -1 || threshold > 1) {
                throw new IllegalArgumentException("minSpeechSeconds must be >= 0 and threshold within -1..1");
            }
        }
    }

    private final Settings settings;
    private final VoiceAnalyser analyser = new VoiceAnalyser();

    public SpectralVoiceprintVerifier() {
        this(Settings.DEFAULT);
    }

    public SpectralVoiceprintVerifier(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Verification verify(byte[] sampleWav, Voiceprint enrolledVoice) {
        PcmAudio audio;
        try {
            audio = PcmAudio.fromWav(sampleWav);
        } catch (PcmAudio.InvalidAudioException e) {
            LOG.atInfo().addKeyValue("problem", e.getMessage()).log("Sample is not readable audio");
            return Verification.unreadable();
        }
        VoiceAnalyser.Analysis analysis = analyser.analyse(audio);
        if (analysis.speechSeconds() < settings.minSpeechSeconds() || analysis.voiceprint() == null) {
            return verification(Verdict.INSUFFICIENT_SPEECH, Double.NaN, analysis);
        }
        if (enrolledVoice == null) {
            return verification(Verdict.NOT_ENROLLED, Double.NaN, analysis);
        }
        double score = analysis.voiceprint().similarity(enrolledVoice);
        return verification(score >= settings.threshold() ? Verdict.MATCH : Verdict.NO_MATCH, score, analysis);
    }

    @Override
    public Voiceprint enrol(byte[] enrolmentWav) {
        try {
            VoiceAnalyser.Analysis analysis = analyser.analyse(PcmAudio.fromWav(enrolmentWav));
            if (analysis.voiceprint() == null || analysis.speechSeconds() < settings.minSpeechSeconds()) {
                throw new IllegalArgumentException("enrolment recording has " + analysis.speechSeconds()
                        + " s of speech, needs " + settings.minSpeechSeconds());
            }
            return analysis.voiceprint();
        } catch (PcmAudio.InvalidAudioException e) {
            throw new IllegalArgumentException("enrolment recording is not readable audio: " + e.getMessage(), e);
        }
    }

    private Verification verification(Verdict verdict, double score, VoiceAnalyser.Analysis analysis) {
        return new Verification(verdict, score, settings.threshold(), analysis.speechSeconds(), analysis.audioSeconds());
    }
}
