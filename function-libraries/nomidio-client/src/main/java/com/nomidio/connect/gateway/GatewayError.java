package com.nomidio.connect.gateway;

/** Why a gateway call failed; the first seven are the contract's error codes. */
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

    private final boolean serviceFault;

    GatewayError(boolean serviceFault) {
        this.serviceFault = serviceFault;
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
