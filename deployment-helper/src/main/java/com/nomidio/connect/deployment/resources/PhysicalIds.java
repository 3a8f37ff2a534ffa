package com.nomidio.connect.deployment.resources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Physical resource ids that stay the same across updates and retries (derived, never random). */
public final class PhysicalIds {

    private PhysicalIds() {
    }

    /** {@code prefix-<12 hex of sha256(stackId/logicalId/scope)>}: the same inputs always give the same id. */
    public static String stable(String prefix, CustomResourceRequest request, String scope) {
        return prefix + "-" + shortHash(request.stackId() + "/" + request.logicalResourceId() + "/" + scope);
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
