package com.nomidio.connect.domain;

import java.util.regex.Pattern;

/**
 * The shape of the ids the gateway hands out (Nomidio IDs, challenge ids): letters, digits and {@code . _ : -},
 * 1 to 128 characters. An id goes into a URL path and into contact attributes the flows compare and show agents,
 * so one that does not fit (from a contact attribute or from a gateway answer) is refused rather than escaped.
 */
public final class GatewayIds {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private GatewayIds() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** {@code id} unchanged when it is null or fits the pattern; otherwise an IllegalArgumentException naming {@code what}. */
    public static String checkedOrNull(String id, String what) {
        if (id != null && !isValid(id)) {
            throw new IllegalArgumentException(what + " does not look like a gateway id");
        }
        return id;
    }
}
