package com.nomidio.connect.emulator.state;

/** The contract's error codes (components/schemas/Error), each with the HTTP status it travels with. */
public enum ErrorCode {
    INVALID_REQUEST(400),
    BAD_CREDENTIALS(401),
    FREE_TRIAL_LIMIT(402),
    NOT_FOUND(404),
    INVALID_STATE(409),
    RATE_LIMITED(429),
    SERVER_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code an injected fault answers with: 429 is RATE_LIMITED, any 5xx SERVER_ERROR. */
    public static ErrorCode forFaultStatus(int status) {
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status >= 500 && status <= 599) {
            return SERVER_ERROR;
        }
        throw new IllegalArgumentException("a fault answers 429 or 5xx, not " + status);
    }
}
