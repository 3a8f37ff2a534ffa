package com.nomidio.connect.domain;

/** The guide's "Challenge Status", plus PENDING while the challenge runs. */
public enum ChallengeStatus {
    PENDING,
    PASSED,
    FAILED,
    TIMEOUT;

    public boolean isFinal() {
        return this != PENDING;
    }
}
