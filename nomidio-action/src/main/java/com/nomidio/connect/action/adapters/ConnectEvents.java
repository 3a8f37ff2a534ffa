package com.nomidio.connect.action.adapters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.action.domain.Action;
import com.nomidio.connect.action.domain.ActionRequest;
import com.nomidio.connect.action.domain.CustomerAudio;
import com.nomidio.connect.json.InvalidEventException;
import com.nomidio.connect.json.JsonEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Amazon Connect's wire format: the event in, the flat string map out. */
public final class ConnectEvents {

    private final ObjectMapper json;

    public ConnectEvents(ObjectMapper json) {
        this.json = json;
    }

    public ActionRequest read(InputStream input) throws InvalidEventException {
        ConnectEvent event = JsonEvents.read(json, input, ConnectEvent.class, "a Connect event");
        if (event == null || event.details() == null || event.details().contactData() == null) {
            throw new InvalidEventException("the payload has no Details.ContactData");
        }
        ConnectEvent.ContactData contact = event.details().contactData();
        Map<String, String> parameters = event.details().parameters() == null ? Map.of() : event.details().parameters();
        return new ActionRequest(
                contact.contactId(),
                parameters.get(Action.PARAMETER),
                contact.channel(),
                contact.customerEndpoint() == null ? null : contact.customerEndpoint().address(),
                withoutNullValues(contact.attributes()),
                audio(contact.mediaStreams()),
                contact.instanceArn());
    }

    public void write(Map<String, String> attributes, OutputStream output) throws IOException {
        json.writeValue(output, attributes);
    }

    /**
     * Reads a bundled event and writes an answer, so that Jackson builds its deserialisers during initialisation
     * (snapshotted by SnapStart, CPU-boosted otherwise) rather than on the first contact's time.
     */
    public boolean prime() {
        return JsonEvents.prime(ConnectEvents.class, in -> write(
                Map.of(Action.PARAMETER, String.valueOf(read(in).actionName())), OutputStream.nullOutputStream()));
    }

    private static CustomerAudio audio(ConnectEvent.MediaStreams streams) {
        if (streams == null || streams.customer() == null || streams.customer().audio() == null) {
            return null;
        }
        ConnectEvent.Audio audio = streams.customer().audio();
        return new CustomerAudio(audio.streamArn(), audio.startFragmentNumber(), audio.startTimestamp());
    }

    private static Map<String, String> withoutNullValues(Map<String, String> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        if (!attributes.containsValue(null)) {
            return attributes;
        }
        Map<String, String> copy = new HashMap<>(attributes);
        copy.values().removeIf(Objects::isNull);
        return copy;
    }
}
