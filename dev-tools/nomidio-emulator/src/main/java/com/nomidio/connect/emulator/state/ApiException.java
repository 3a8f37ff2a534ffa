package com.nomidio.connect.emulator.state;

/** A request the emulator refuses, answered as the contract's error body {code, message}. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final int httpStatus;

    public ApiException(ErrorCode code, String message) {
        this(code, code.httpStatus(), message);
    }

    /** For injected 5xx faults, whose status is not always 500. */
    public ApiException(ErrorCode code, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public ErrorCode code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException invalidState(String message) {
        return new ApiException(ErrorCode.INVALID_STATE, message);
    }

    public static ApiException badCredentials(String message) {
        return new ApiException(ErrorCode.BAD_CREDENTIALS, message);
    }
}
