package com.nomidio.connect.secret;

import java.util.Map;

/**
 * The KMS encryption context bound to the Access Key Secret's ciphertext. The deployment helper encrypts with
 * it and the functions decrypt with it, so a ciphertext made for another purpose or key id will not decrypt.
 */
public final class SecretEncryptionContext {

    public static final String PURPOSE_KEY = "nomidio:purpose";
    public static final String PURPOSE = "access-key-secret";
    public static final String ACCESS_KEY_ID_KEY = "nomidio:access-key-id";

    private SecretEncryptionContext() {
    }

    public static Map<String, String> forAccessKey(String accessKeyId) {
        return Map.of(PURPOSE_KEY, PURPOSE, ACCESS_KEY_ID_KEY, accessKeyId);
    }
}
