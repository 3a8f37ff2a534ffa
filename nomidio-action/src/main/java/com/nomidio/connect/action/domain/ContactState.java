package com.nomidio.connect.action.domain;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.GatewayIds;
import java.util.Map;

/**
 * What the contact already knows from earlier invocations ({@code $.Attributes}, set by the flow from
 * {@code $.External}): ids and levels only. The caller's Nomidio status and fraud flag are not read from here at
 * all, because anything that can set attributes could claim them; every answer takes them from the gateway.
 * Unreadable values count as absent.
 */
record ContactState(
        String nomidioId,
        String challengeId,
        AuthLevel challengeAuth,
        String requestedAuthLevel) {

    static ContactState from(Map<String, String> attributes) {
        return new ContactState(
                id(attributes, ContactAttribute.NOMIDIO_ID),
                id(attributes, ContactAttribute.CHALLENGE_ID),
                AuthLevel.parse(text(attributes, ContactAttribute.CHALLENGE_AUTH)).orElse(null),
                text(attributes, ContactAttribute.AUTH_LEVEL));
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

}
