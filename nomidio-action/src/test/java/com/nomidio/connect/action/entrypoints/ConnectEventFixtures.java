package com.nomidio.connect.action.entrypoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample events of {@code events/} (shaped as Amazon Connect sends them), loaded as JSON trees so that a
 * test can vary one field (caller id, an attribute, the action) and keep the rest of the real shape.
 */
final class ConnectEventFixtures {

    static final Path EVENTS_DIR = Path.of("..", "events");
    static final String PREFIX = "nomidio-action-";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectEventFixtures() {
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(EVENTS_DIR)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample event of {@code action}, e.g. {@code event("lookup")}. */
    static ObjectNode event(String action) {
        return read(EVENTS_DIR.resolve(PREFIX + action + ".json"));
    }

    static ObjectNode read(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
