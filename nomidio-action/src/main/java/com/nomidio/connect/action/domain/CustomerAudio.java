package com.nomidio.connect.action.domain;

/**
 * Where the caller's audio is, as Amazon Connect reports it once live media streaming has started
 * ({@code $.MediaStreams.Customer.Audio}). Values are Connect's strings, unparsed.
 */
public record CustomerAudio(String streamArn, String startFragmentNumber, String startTimestamp) {
}
