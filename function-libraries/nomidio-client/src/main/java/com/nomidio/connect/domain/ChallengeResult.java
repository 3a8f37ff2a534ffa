package com.nomidio.connect.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A challenge's result; {@code reason} says why it ended TIMEOUT when it was cancelled. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChallengeResult(String challengeId, ChallengeStatus status, AuthLevel level, String reason) {

    public ChallengeResult {
        if (challengeId == null || status == null || level == null) {
            throw new IllegalArgumentException("challenge result without id, status or level");
        }
        GatewayIds.checkedOrNull(challengeId, "challengeId");
    }
}
