package com.nomidio.connect.agentapi.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the API answers: an HTTP status and a JSON body, plus what only the audit line sees: the outcome, why a
 * request was refused (never sent: a 403 carries no detail) and the caller's masked number.
 */
public record ApiAnswer(int status, Map<String, Object> body, String outcome, String reason, String maskedCaller) {

    public static final String OK = "OK";

    public static ApiAnswer ok(Map<String, Object> body) {
        return new ApiAnswer(200, body, OK, null, null);
    }

    public static ApiAnswer badRequest(String message) {
        return failure(400, "BAD_REQUEST", message, message);
    }

    /** 403 with no detail, whatever the reason (logged only). */
    public static ApiAnswer forbidden(String reason) {
        return failure(403, "FORBIDDEN", null, reason);
    }

    public static ApiAnswer notFound() {
        return failure(404, "NOT_FOUND", null, "no such route");
    }

    public static ApiAnswer notAllowed(String message) {
        return failure(409, "NOT_ALLOWED", message, message);
    }

    public static ApiAnswer tooLarge() {
        return failure(413, "TOO_LARGE", null, "body too large");
    }

    public static ApiAnswer nomidioUnavailable(String reason) {
        return failure(503, "NOMIDIO_UNAVAILABLE", null, reason);
    }

    /** 500 with no detail: never a stack trace or an exception's message. */
    public static ApiAnswer error(String reason) {
        return failure(500, "ERROR", null, reason);
    }

    private static ApiAnswer failure(int status, String error, String message, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (message != null) {
            body.put("message", message);
        }
        return new ApiAnswer(status, body, error, reason, null);
    }

    /** The same answer, with the caller's masked number for the audit line. */
    public ApiAnswer withCaller(String masked) {
        return new ApiAnswer(status, body, outcome, reason, masked);
    }
}
