package com.nomidio.connect.deployment.resources;

/** The custom resource's properties cannot be acted on; the message says what to change in the template. */
public final class InvalidPropertiesException extends RuntimeException {

    public InvalidPropertiesException(String message) {
        super(message);
    }
}
