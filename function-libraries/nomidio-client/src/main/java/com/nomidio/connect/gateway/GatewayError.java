package com.nomidio.connect.gateway;

/**
 * Why a gateway call failed: the contract's error codes (which the gateway may name in an error body), and the
 * client's own reasons (which it never may).
 */
public enum GatewayError {
    INVALID_REQUEST(false, true),
    BAD_CREDENTIALS(false, true),
    FREE_TRIAL_LIMIT(false, true),
    NOT_FOUND(false, true),
    INVALID_STATE(false, true),
    RATE_LIMITED(true, true),
    SERVER_ERROR(true, true),
    /** Could not connect, or the connection broke. */
    UNAVAILABLE(true, false),
    /** The call's deadline passed before an answer. */
    DEADLINE_EXCEEDED(true, false),
    /** The gateway answered with something that does not follow the contract. */
    MALFORMED_RESPONSE(true, false);

    private final boolean serviceFault;
    private final boolean contractCode;

    GatewayError(boolean serviceFault, boolean contractCode) {
        this.serviceFault = serviceFault;
        this.contractCode = contractCode;
    }

    /** True for the error codes of the contract's Error schema; false for what only the client concludes. */
    public boolean isContractCode() {
        return contractCode;
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
