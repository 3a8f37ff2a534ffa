package com.nomidio.connect.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A challenge as created at the gateway. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Challenge(String challengeId, ChallengeStatus status, AuthLevel level) {

    public Challenge {
        if (challengeId == null || challengeId.isBlank() || status == null || level == null) {
            throw new IllegalArgumentException("challenge without id, status or level");
        }
        GatewayIds.checkedOrNull(challengeId, "challengeId");
    }
}
