package com.nomidio.connect.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/** What a route answers; an empty body is sent as no body at all. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static Response json(int status, Object value, ObjectMapper json) {
        try {
            return new Response(status, "application/json", json.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write answer as JSON", e);
        }
    }

    public static Response empty(int status) {
        return new Response(status, null, new byte[0], Map.of());
    }

    public Response withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(more));
    }
}
