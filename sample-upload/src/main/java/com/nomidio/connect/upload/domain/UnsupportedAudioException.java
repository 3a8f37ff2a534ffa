package com.nomidio.connect.upload.domain;

/** The caller track's audio is not linear PCM this function can turn into a WAV. */
public class UnsupportedAudioException extends RuntimeException {

    public UnsupportedAudioException(String message) {
        super(message);
    }
}
