package com.nomidio.connect.action.entrypoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.testkit.events.SampleEvents;
import java.nio.file.Path;

/**
 * The sample events of {@code events/} (shaped as Amazon Connect sends them), loaded as JSON trees so that a
 * test can vary one field (caller id, an attribute, the action) and keep the rest of the real shape.
 */
final class ConnectEventFixtures {

    static final SampleEvents EVENTS = new SampleEvents(Path.of("..", "events"), "nomidio-action-");

    private ConnectEventFixtures() {
    }

    /** The sample event of {@code action}, e.g. {@code event("lookup")}. */
    static ObjectNode event(String action) {
        return EVENTS.event(action);
    }

    static ObjectNode contactData(ObjectNode event) {
        return (ObjectNode) event.path("Details").path("ContactData");
    }

    static ObjectNode withCaller(ObjectNode event, String address) {
        ((ObjectNode) contactData(event).path("CustomerEndpoint")).put("Address", address);
        return event;
    }

    static ObjectNode withoutCustomerEndpoint(ObjectNode event) {
        contactData(event).putNull("CustomerEndpoint");
        return event;
    }

    static ObjectNode withChannel(ObjectNode event, String channel) {
        contactData(event).put("Channel", channel);
        return event;
    }

    static ObjectNode withAttribute(ObjectNode event, String key, String value) {
        ((ObjectNode) contactData(event).path("Attributes")).put(key, value);
        return event;
    }

    static ObjectNode withoutAttribute(ObjectNode event, String key) {
        ((ObjectNode) contactData(event).path("Attributes")).remove(key);
        return event;
    }

    static ObjectNode withAction(ObjectNode event, String action) {
        ((ObjectNode) event.path("Details").path("Parameters")).put("action", action);
        return event;
    }

    static ObjectNode withoutAudio(ObjectNode event) {
        ((ObjectNode) contactData(event).path("MediaStreams").path("Customer")).putNull("Audio");
        return event;
    }

    static ObjectNode audio(ObjectNode event) {
        return (ObjectNode) contactData(event).path("MediaStreams").path("Customer").path("Audio");
    }

    static byte[] bytes(ObjectNode event) {
        return SampleEvents.bytes(event);
    }
}
