package com.nomidio.connect.action.adapters;

/** The invocation payload is not a Connect event we can read. The message is safe to log (no payload echo). */
public class InvalidEventException extends Exception {

    public InvalidEventException(String message) {
        super(message);
    }
}
