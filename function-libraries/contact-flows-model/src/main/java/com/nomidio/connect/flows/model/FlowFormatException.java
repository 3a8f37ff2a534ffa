package com.nomidio.connect.flows.model;

/** The text is not a flow-language document at all (not JSON, or the wrong JSON shapes); the message says where. */
public final class FlowFormatException extends RuntimeException {

    public FlowFormatException(String message) {
        super(message);
    }

    public FlowFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
