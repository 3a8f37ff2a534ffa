package com.nomidio.connect.action.domain;

/** The sampleUpload function could not be started. Messages name the cause, never a phone number or secret. */
public class SampleUploadException extends RuntimeException {

    public SampleUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
