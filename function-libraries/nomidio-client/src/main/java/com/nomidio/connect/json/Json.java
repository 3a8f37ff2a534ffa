package com.nomidio.connect.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one ObjectMapper configuration of the functions (events, answers, gateway bodies). */
public final class Json {

    private static final ObjectMapper MAPPER = configured();

    private Json() {
    }

    /** Shared and thread-safe once configured; nobody reconfigures it after this class builds it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper configured() {
        ObjectMapper mapper = new ObjectMapper()
                // Connect, the gateway and nomidioAction add fields over time: an unknown one is not an error.
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // Lambda's output stream belongs to the runtime: the answer must not close it.
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return mapper;
    }
}
