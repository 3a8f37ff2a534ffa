package com.nomidio.connect.gateway;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a gateway call failed: the contract's error codes (which the gateway may name in an error body), and the
 * client's own reasons (which it never may).
 */
public enum GatewayError {
    INVALID_REQUEST(false),
    BAD_CREDENTIALS(false),
    FREE_TRIAL_LIMIT(false),
    NOT_FOUND(false),
    INVALID_STATE(false),
    RATE_LIMITED(true),
    SERVER_ERROR(true),
    /** Could not connect, or the connection broke. */
    UNAVAILABLE(true),
    /** The call's deadline passed before an answer. */
    DEADLINE_EXCEEDED(true),
    /** The gateway answered with something that does not follow the contract. */
    MALFORMED_RESPONSE(true);

    /** The codes of the contract's Error schema, named rather than read off the declaration order. */
    private static final Set<GatewayError> CONTRACT_CODES = EnumSet.of(INVALID_REQUEST, BAD_CREDENTIALS,
            FREE_TRIAL_LIMIT, NOT_FOUND, INVALID_STATE, RATE_LIMITED, SERVER_ERROR);

    private final boolean serviceFault;

    GatewayError(boolean serviceFault) {
        this.serviceFault = serviceFault;
    }

    /** True for the error codes of the contract's Error schema; false for what only the client concludes. */
    public boolean isContractCode() {
        return CONTRACT_CODES.contains(this);
    }

    /** True when the gateway (not the request) is at fault: the caller should treat Nomidio as unavailable. */
    public boolean isServiceFault() {
        return serviceFault;
    }

    static GatewayError forHttpStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID_REQUEST;
            case 401, 403 -> BAD_CREDENTIALS;
            case 402 -> FREE_TRIAL_LIMIT;
            case 404 -> NOT_FOUND;
            case 409 -> INVALID_STATE;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? SERVER_ERROR : MALFORMED_RESPONSE;
        };
    }
}
