package com.nomidio.connect.lex.entrypoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.testkit.events.SampleEvents;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sample events of {@code events/} (shaped as Lex V2 sends them for Amazon Connect), loaded as JSON trees so
 * that a test can vary one field (what the customer typed, a session attribute, the input mode) and keep the rest
 * of the real shape.
 */
final class LexEventFixtures {

    static final SampleEvents EVENTS = new SampleEvents(Path.of("..", "events"), "nomidio-lex-");
    static final String CONTACT_ID = "5f1d7c3a-8b2e-4c6f-9a0d-2e7b4c9f1a36";

    private LexEventFixtures() {
    }

    /** A chat turn at the start of the conversation: the customer typed {@code typed}. */
    static ObjectNode chat(String typed) {
        ObjectNode event = event("chat-identify");
        ((ObjectNode) event.path("sessionState").path("intent")).putObject("slots");
        ((ObjectNode) event.path("sessionState")).putObject("sessionAttributes");
        return typed(event, typed);
    }

    /** The sample event {@code nomidio-lex-<name>.json}, e.g. {@code event("chat-identify")}. */
    static ObjectNode event(String name) {
        return EVENTS.event(name);
    }

    static ObjectNode typed(ObjectNode event, String typed) {
        event.put("inputTranscript", typed);
        return event;
    }

    /** The next turn of a conversation: the session the last answer returned, and the customer's new words. */
    static ObjectNode nextTurn(ObjectNode previousEvent, ObjectNode answer, String intent, String typed) {
        ObjectNode event = previousEvent.deepCopy();
        ObjectNode state = (ObjectNode) event.path("sessionState");
        state.set("sessionAttributes", answer.path("sessionState").path("sessionAttributes").deepCopy());
        ObjectNode currentIntent = state.putObject("intent");
        currentIntent.put("name", intent).put("state", "InProgress").put("confirmationState", "None");
        currentIntent.putObject("slots");
        return typed(event, typed);
    }

    static ObjectNode withSession(ObjectNode event, Map<String, String> attributes) {
        ObjectNode session = (ObjectNode) event.path("sessionState").path("sessionAttributes");
        attributes.forEach(session::put);
        return event;
    }

    static ObjectNode withoutSession(ObjectNode event, String attribute) {
        ((ObjectNode) event.path("sessionState").path("sessionAttributes")).remove(attribute);
        return event;
    }

    static ObjectNode with(ObjectNode event, String field, String value) {
        event.put(field, value);
        return event;
    }

    static ObjectNode withPlatform(ObjectNode event, String platform) {
        ((ObjectNode) event.path("requestAttributes")).put("x-amz-lex:channels:platform", platform);
        return event;
    }

    static ObjectNode withIntent(ObjectNode event, String intent) {
        ((ObjectNode) event.path("sessionState").path("intent")).put("name", intent);
        return event;
    }

    static byte[] bytes(ObjectNode event) {
        return SampleEvents.bytes(event);
    }
}
