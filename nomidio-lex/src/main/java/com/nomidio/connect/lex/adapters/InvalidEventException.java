package com.nomidio.connect.lex.adapters;

/** The payload is not a Lex V2 code-hook event nomidioLex can answer; the message never quotes the payload. */
public final class InvalidEventException extends Exception {

    public InvalidEventException(String message) {
        super(message, null, false, false);
    }
}
