package com.nomidio.connect.gateway;

/** A failed gateway call. Messages never contain a secret, a token or a phone number. */
public class GatewayException extends RuntimeException {

    private final GatewayError error;
    private final String operation;

    public GatewayException(GatewayError error, String operation, String message, Throwable cause) {
        super(operation + " failed with " + error + ": " + message, cause);
        this.error = error;
        this.operation = operation;
    }

    public GatewayException(GatewayError error, String operation, String message) {
        this(error, operation, message, null);
    }

    public GatewayError error() {
        return error;
    }

    public String operation() {
        return operation;
    }
}
