package com.nomidio.connect.lex.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.lex.domain.LexEvent;
import com.nomidio.connect.lex.domain.LexResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lex V2's wire format: the code-hook event in, the response out. */
public final class LexEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LexEvents.class);
    /** A Lex-shaped event bundled in the jar, read once at initialisation (see {@link #prime()}). */
    private static final String PRIMING_EVENT = "/priming-event.json";
    private static final Set<String> INVOCATION_SOURCES = Set.of("DialogCodeHook", "FulfillmentCodeHook");
    private static final Set<String> INPUT_MODES = Set.of("Text", "Speech", "DTMF");

    private final ObjectMapper json;

    public LexEvents(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The event, if it is one nomidioLex can answer: a session id (the contact), a session state with the current
     * intent, a known invocation source and, when given, a known input mode.
     */
    public LexEvent read(InputStream input) throws InvalidEventException {
        LexEvent event;
        try {
            event = json.readValue(input, LexEvent.class);
        } catch (JsonProcessingException e) {
            // The location, not the message: Jackson's message can quote the payload, and the payload may hold a number.
            throw new InvalidEventException("the payload is not a Lex V2 event (unreadable JSON near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new InvalidEventException("the payload could not be read: " + e.getClass().getSimpleName());
        }
        if (event == null || event.sessionId() == null || event.sessionId().isBlank()) {
            throw new InvalidEventException("the event has no sessionId");
        }
        if (event.sessionState() == null || event.sessionState().intent() == null
                || event.sessionState().intent().name() == null) {
            throw new InvalidEventException("the event has no sessionState.intent.name");
        }
        if (!INVOCATION_SOURCES.contains(event.invocationSource())) {
            throw new InvalidEventException("invocationSource is neither DialogCodeHook nor FulfillmentCodeHook");
        }
        if (event.inputMode() != null && !INPUT_MODES.contains(event.inputMode())) {
            throw new InvalidEventException("inputMode is none of Text, Speech, DTMF");
        }
        return event;
    }

    public void write(LexResponse response, OutputStream output) throws IOException {
        json.writeValue(output, response);
    }

    /**
     * Reads a bundled event and writes an answer, so that Jackson builds its (de)serialisers during initialisation
     * (snapshotted by SnapStart, CPU-boosted otherwise) rather than on the first customer's time.
     */
    public boolean prime() {
        try (InputStream in = LexEvents.class.getResourceAsStream(PRIMING_EVENT)) {
            if (in == null) {
                return false;
            }
            LexEvent event = read(in);
            write(new LexResponse(event.sessionState(), null), OutputStream.nullOutputStream());
            return true;
        } catch (IOException | InvalidEventException | RuntimeException e) {
            LOG.atWarn().addKeyValue("exception", e.toString()).log("Could not prime the event reader");
            return false;
        }
    }
}
