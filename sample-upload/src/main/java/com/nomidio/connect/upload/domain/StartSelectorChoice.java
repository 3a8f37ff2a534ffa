package com.nomidio.connect.upload.domain;

import java.util.Locale;

/**
 * Where GetMedia starts reading the contact's stream.
 *
 * <p>The default is {@link #PRODUCER_TIMESTAMP} with Connect's StartTimestamp: GetMedia then starts with the
 * fragment that contains that instant, so the caller's first words are in the sample. {@link #FRAGMENT_NUMBER}
 * passes Connect's StartFragmentNumber as {@code AfterFragmentNumber}, which the API reference describes as
 * starting "with the chunk after" that fragment: on a stream where the contact's speech begins in its first
 * fragment that fragment, 1-4 s of audio, is lost (SampleUploadHandlerTest shows both). {@link #SERVER_TIMESTAMP}
 * compares Connect's producer-clock timestamp with ingestion times, which lag, so it can start one fragment early
 * (another contact's, which the ContactId check then drops). FRAGMENT_NUMBER remains the fallback when the request
 * has no StartTimestamp.
 */
public enum StartSelectorChoice {
    PRODUCER_TIMESTAMP,
    SERVER_TIMESTAMP,
    FRAGMENT_NUMBER;

    public static StartSelectorChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return PRODUCER_TIMESTAMP;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
