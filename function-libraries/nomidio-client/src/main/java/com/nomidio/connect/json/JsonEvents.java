package com.nomidio.connect.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every function's wire format does the same way: reading the invocation payload without ever echoing it, and
 * priming Jackson with an event bundled in the jar.
 */
public final class JsonEvents {

    private static final Logger LOG = LoggerFactory.getLogger(JsonEvents.class);
    /** The event each function bundles in its jar, read once at initialisation (see {@link #prime}). */
    private static final String PRIMING_EVENT = "/priming-event.json";

    private JsonEvents() {
    }

    /** Reads one answer from a primed event; any failure only makes priming report false. */
    @FunctionalInterface
    public interface Priming {
        void answer(InputStream event) throws IOException, InvalidEventException;
    }

    /**
     * The payload as {@code type}, or null for an empty JSON document; {@code kind} names the event in the message,
     * e.g. "a Connect event".
     */
    public static <T> T read(ObjectMapper json, InputStream input, Class<T> type, String kind)
            throws InvalidEventException {
        try {
            return json.readValue(input, type);
        } catch (JsonProcessingException e) {
            // The location, not the message: Jackson's message can quote the payload, and the payload may hold a number.
            throw new InvalidEventException("the payload is not " + kind + " (unreadable JSON near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new InvalidEventException("the payload could not be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Reads the event bundled next to {@code owner} and answers it, so that Jackson builds its (de)serialisers during
     * initialisation (snapshotted by SnapStart, CPU-boosted otherwise) rather than on the first caller's time.
     */
    public static boolean prime(Class<?> owner, Priming priming) {
        try (InputStream in = owner.getResourceAsStream(PRIMING_EVENT)) {
            if (in == null) {
                return false;
            }
            priming.answer(in);
            return true;
        } catch (IOException | InvalidEventException | RuntimeException e) {
            LOG.atWarn().addKeyValue("exception", e.toString()).log("Could not prime the event reader");
            return false;
        }
    }
}
