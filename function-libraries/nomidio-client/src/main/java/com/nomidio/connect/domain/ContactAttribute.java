package com.nomidio.connect.domain;

/**
 * Every contact attribute name the product reads or writes, in one place (the guide's "Contact Attribute
 * Inputs" and "Contact Attribute Outputs", plus the Voice ID vocabulary and the identifiers).
 */
public enum ContactAttribute {
    // Inputs
    POST_FLOW_ID("nomidio_post_flow_id"),
    AUTH_LEVEL("nomidio_auth_level"),
    // Outputs
    STATUS("nomidio_status"),
    FRAUD_FLAG("nomidio_fraud_flag"),
    CHALLENGE_AUTH("nomidio_challenge_auth"),
    CHALLENGE_RESULT("nomidio_challenge_result"),
    AUTHENTICATED_ENROLLED("nomidio_authenticated_enrolled"),
    NOMIDIO_ID("nomidio_id"),
    CHALLENGE_ID("nomidio_challenge_id"),
    VOICE_AUTH("nomidio_voice_auth");

    private final String key;

    ContactAttribute(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
