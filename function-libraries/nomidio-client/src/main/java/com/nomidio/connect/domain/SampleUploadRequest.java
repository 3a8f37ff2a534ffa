package com.nomidio.connect.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The one record nomidioAction sends to sampleUpload (asynchronous Lambda invocation payload, JSON).
 *
 * @param contactId            the Amazon Connect contact whose audio is wanted; fragments tagged with another
 *                             ContactId are never read into the sample
 * @param streamArn            {@code $.MediaStreams.Customer.Audio.StreamARN}
 * @param startFragmentNumber  {@code $.MediaStreams.Customer.Audio.StartFragmentNumber} (may be null)
 * @param startTimestampMillis {@code $.MediaStreams.Customer.Audio.StartTimestamp}, epoch milliseconds (may be null)
 * @param challengeId          the gateway challenge the sample belongs to
 * @param level                the challenge's level, which sets how much speech is needed
 * @param requestedAtMillis    when nomidioAction asked, epoch milliseconds, for end-to-end latency in logs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SampleUploadRequest(
        String contactId,
        String streamArn,
        String startFragmentNumber,
        Long startTimestampMillis,
        String challengeId,
        AuthLevel level,
        long requestedAtMillis) {

    /** What is missing for sampleUpload to do its work, or null if the request is complete. */
    public String problem() {
        if (contactId == null || contactId.isBlank()) {
            return "contactId is missing";
        }
        if (challengeId == null || challengeId.isBlank()) {
            return "challengeId is missing";
        }
        if (streamArn == null || !streamArn.startsWith("arn:")) {
            return "streamArn is missing or not an ARN";
        }
        if ((startFragmentNumber == null || startFragmentNumber.isBlank()) && startTimestampMillis == null) {
            return "neither startFragmentNumber nor startTimestampMillis is given";
        }
        return null;
    }
}
