package com.nomidio.connect.json;

/**
 * The invocation payload is not an event the function can answer. The message never quotes the payload (it may hold
 * a phone number), so it is safe to log; no stack trace, as the message alone says what was wrong.
 */
public final class InvalidEventException extends Exception {

    public InvalidEventException(String message) {
        super(message, null, false, false);
    }
}
