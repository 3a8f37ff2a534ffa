package com.nomidio.connect.domain;

import java.util.Optional;

/** The guide's "Nomidio Status" (Definition of Terms): all sixteen values, exactly as named there. */
public enum NomidioStatus {
    // No authentication
    IDENTIFICATION_FAILED,
    WITHHELD_NUMBER,
    NOT_FOUND,
    ERROR,
    NOMIDIO_UNAVAILABLE,
    INVITED,
    PENDING,
    INVITATION_SENT,
    OPTED_OUT,
    EXISTS,
    BLOCKED,
    TAC_EXPIRED,
    FREE_TRIAL_LIMIT,
    // Authenticated
    AWAITING_APPROVAL,
    ENROLLED,
    TAC_WARN;

    /** The statuses the guide lists under "Authenticated": a challenge is offered to these. */
    public boolean canBeChallenged() {
        return this == AWAITING_APPROVAL || this == ENROLLED || this == TAC_WARN;
    }

    /** Enrolled with the enterprise (TAC_WARN is enrolled with terms still valid for authentication). */
    public boolean isEnrolled() {
        return this == ENROLLED || this == TAC_WARN;
    }

    public static Optional<NomidioStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
