package com.nomidio.connect.action.adapters;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The parts of Amazon Connect's Lambda event ({@code "Name": "ContactFlowEvent"}) that nomidioAction reads.
 * aws-lambda-java-events' ConnectEvent has no MediaStreams, so the event is modelled here; everything else
 * Connect sends (Queue, SystemEndpoint, Tags, SegmentAttributes, ...) is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectEvent(
        @JsonProperty("Name") String name,
        @JsonProperty("Details") Details details) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(
            @JsonProperty("ContactData") ContactData contactData,
            @JsonProperty("Parameters") Map<String, String> parameters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactData(
            @JsonProperty("ContactId") String contactId,
            @JsonProperty("InitialContactId") String initialContactId,
            @JsonProperty("Channel") String channel,
            @JsonProperty("CustomerEndpoint") Endpoint customerEndpoint,
            @JsonProperty("Attributes") Map<String, String> attributes,
            @JsonProperty("MediaStreams") MediaStreams mediaStreams,
            @JsonProperty("InstanceARN") String instanceArn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(
            @JsonProperty("Address") String address,
            @JsonProperty("Type") String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MediaStreams(@JsonProperty("Customer") CustomerMedia customer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerMedia(@JsonProperty("Audio") Audio audio) {
    }

    /** Null until media streaming has started for the contact. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Audio(
            @JsonProperty("StreamARN") String streamArn,
            @JsonProperty("StartFragmentNumber") String startFragmentNumber,
            @JsonProperty("StartTimestamp") String startTimestamp,
            @JsonProperty("StopFragmentNumber") String stopFragmentNumber,
            @JsonProperty("StopTimestamp") String stopTimestamp) {
    }
}
