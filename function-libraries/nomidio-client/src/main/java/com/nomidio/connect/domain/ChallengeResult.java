package com.nomidio.connect.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A challenge's result; {@code reason} says why it ended TIMEOUT when it was cancelled. The gateway also says whose
 * challenge it is ({@code nomidioId}, {@code contactId}: the client checks both against the contact asking) and the
 * identity's current {@code nomidioStatus} and {@code fraudFlag}, so that no answer to a flow repeats what a contact
 * attribute claims about the caller. {@code faceCheckPending} says, for a PENDING HIGH challenge, that the voice part
 * has passed and the face check is awaited.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChallengeResult(String challengeId, ChallengeStatus status, AuthLevel level, String reason,
                              String nomidioId, String contactId, NomidioStatus nomidioStatus, FraudFlag fraudFlag,
                              boolean faceCheckPending) {

    public ChallengeResult {
        if (challengeId == null || status == null || level == null) {
            throw new IllegalArgumentException("challenge result without id, status or level");
        }
        GatewayIds.checkedOrNull(challengeId, "challengeId");
        GatewayIds.checkedOrNull(nomidioId, "nomidioId");
    }

    /** A result with no face check awaited. */
    public ChallengeResult(String challengeId, ChallengeStatus status, AuthLevel level, String reason,
                           String nomidioId, String contactId, NomidioStatus nomidioStatus, FraudFlag fraudFlag) {
        this(challengeId, status, level, reason, nomidioId, contactId, nomidioStatus, fraudFlag, false);
    }

    /** A result that does not say whose challenge it is (it belongs to nobody: see {@link #belongsTo}). */
    public ChallengeResult(String challengeId, ChallengeStatus status, AuthLevel level, String reason) {
        this(challengeId, status, level, reason, null, null, null, null);
    }

    /** True only when the gateway says this is the challenge of {@code nomidioId} created for {@code contactId}. */
    public boolean belongsTo(String contactId, String nomidioId) {
        return this.contactId != null && this.contactId.equals(contactId)
                && this.nomidioId != null && this.nomidioId.equals(nomidioId);
    }

    /** The same result, with the identity's current status and fraud flag. */
    public ChallengeResult withIdentity(Identity identity) {
        return new ChallengeResult(challengeId, status, level, reason, nomidioId, contactId, identity.status(),
                identity.fraudFlag(), faceCheckPending);
    }
}
