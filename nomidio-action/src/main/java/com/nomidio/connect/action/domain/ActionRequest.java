package com.nomidio.connect.action.domain;

import java.util.Map;

/**
 * One contact-flow invocation, in the terms the actions need.
 *
 * @param contactId     {@code $.ContactId}
 * @param actionName    the {@code action} invocation parameter, unparsed
 * @param channel       {@code $.Channel} (VOICE, CHAT, ...), unparsed
 * @param callerAddress {@code $.CustomerEndpoint.Address}: the caller id as Connect presents it, may be null
 * @param attributes    {@code $.Attributes}: what earlier invocations returned and the flow stored
 * @param audio         {@code $.MediaStreams.Customer.Audio}, null until media streaming has started
 * @param instanceArn   {@code $.InstanceARN}: the Connect instance running the flow, may be null
 */
public record ActionRequest(
        String contactId,
        String actionName,
        String channel,
        String callerAddress,
        Map<String, String> attributes,
        CustomerAudio audio,
        String instanceArn) {

    public ActionRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public String toString() {
        // The caller's number never leaves through toString (it might end up in a log line).
        return "ActionRequest[contactId=" + contactId + ", action=" + actionName + ", channel=" + channel + "]";
    }
}
