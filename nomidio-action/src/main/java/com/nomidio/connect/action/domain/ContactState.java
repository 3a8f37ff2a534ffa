package com.nomidio.connect.action.domain;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.GatewayIds;
import com.nomidio.connect.domain.NomidioStatus;
import java.util.Map;

/**
 * What the contact already knows from earlier invocations ({@code $.Attributes}, set by the flow from
 * {@code $.External}). Unreadable values count as absent: the gateway, not the flow, is the authority.
 */
record ContactState(
        String nomidioId,
        String challengeId,
        NomidioStatus status,
        FraudFlag fraudFlag,
        AuthLevel challengeAuth,
        String requestedAuthLevel) {

    static ContactState from(Map<String, String> attributes) {
        return new ContactState(
                id(attributes, ContactAttribute.NOMIDIO_ID),
                id(attributes, ContactAttribute.CHALLENGE_ID),
                NomidioStatus.parse(text(attributes, ContactAttribute.STATUS)).orElse(null),
                fraudFlag(text(attributes, ContactAttribute.FRAUD_FLAG)),
                AuthLevel.parse(text(attributes, ContactAttribute.CHALLENGE_AUTH)).orElse(null),
                text(attributes, ContactAttribute.AUTH_LEVEL));
    }

    boolean isEnrolled() {
        return status != null && status.isEnrolled();
    }

    /** An id goes into URL paths and back into attributes: one that does not look like a gateway id is absent. */
    private static String id(Map<String, String> attributes, ContactAttribute attribute) {
        String value = text(attributes, attribute);
        return GatewayIds.isValid(value) ? value : null;
    }

    private static String text(Map<String, String> attributes, ContactAttribute attribute) {
        String value = attributes.get(attribute.key());
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static FraudFlag fraudFlag(String value) {
        if (value == null) {
            return null;
        }
        for (FraudFlag flag : FraudFlag.values()) {
            if (flag.name().equals(value)) {
                return flag;
            }
        }
        return null;
    }
}
