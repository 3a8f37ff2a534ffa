package com.nomidio.connect.domain;

/**
 * The voice authentication vocabulary of Amazon Connect's Check Voice ID block, so that flows written for
 * Voice ID can branch on Nomidio's answer ({@code nomidio_voice_auth}).
 */
public enum VoiceAuthOutcome {
    Authenticated,
    NotAuthenticated,
    Inconclusive,
    NotEnrolled,
    OptedOut;

    /** The outcome for a caller whose status is known but who has not (yet) completed a challenge. */
    public static VoiceAuthOutcome beforeChallenge(NomidioStatus status) {
        return switch (status) {
            case OPTED_OUT -> OptedOut;
            case AWAITING_APPROVAL, ENROLLED, TAC_WARN, ERROR, NOMIDIO_UNAVAILABLE, FREE_TRIAL_LIMIT,
                 WITHHELD_NUMBER, IDENTIFICATION_FAILED, BLOCKED -> Inconclusive;
            case NOT_FOUND, INVITED, PENDING, INVITATION_SENT, EXISTS, TAC_EXPIRED -> NotEnrolled;
        };
    }

    /** The outcome once a challenge has a result. */
    public static VoiceAuthOutcome afterChallenge(ChallengeStatus result) {
        return switch (result) {
            case PASSED -> Authenticated;
            case FAILED -> NotAuthenticated;
            case TIMEOUT, PENDING -> Inconclusive;
        };
    }
}
