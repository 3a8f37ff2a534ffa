package com.nomidio.connect.emulator.voice;

/**
 * Decides whether an uploaded voice sample is the enrolled speaker. Pluggable so that tests and the contact
 * simulator can script verdicts; the default is {@link SpectralVoiceprintVerifier}.
 */
public interface SampleVerifier {

    /**
     * @param sampleWav       the uploaded RIFF WAVE bytes
     * @param enrolledVoice   the voiceprint enrolled for the challenged identity, or null when none is
     * @return the verdict; never null. Undecodable audio is reported as {@link Verification.Verdict#UNREADABLE_AUDIO}.
     */
    Verification verify(byte[] sampleWav, Voiceprint enrolledVoice);

    /** Computes the voiceprint an identity is enrolled with, from an enrolment recording. */
    Voiceprint enrol(byte[] enrolmentWav);
}
