package com.nomidio.connect.lex.adapters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.json.InvalidEventException;
import com.nomidio.connect.json.JsonEvents;
import com.nomidio.connect.lex.domain.LexEvent;
import com.nomidio.connect.lex.domain.LexResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

/** Lex V2's wire format: the code-hook event in, the response out. */
public final class LexEvents {

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
        LexEvent event = JsonEvents.read(json, input, LexEvent.class, "a Lex V2 event");
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
        return JsonEvents.prime(LexEvents.class, in -> write(
                new LexResponse(read(in).sessionState(), null), OutputStream.nullOutputStream()));
    }
}
