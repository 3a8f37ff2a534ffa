package com.nomidio.connect.emulator.http;

import com.nomidio.connect.emulator.state.ApiException;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One HTTP request as a route handler sees it: path parameters decoded, body read. */
public record Request(String method, String path, Map<String, String> pathParameters, Map<String, String> query,
                      Headers headers, byte[] body) {

    public String header(String name) {
        return headers.getFirst(name);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** True when the Content-Type's media type is one of {@code mediaTypes} (parameters such as charset ignored). */
    public boolean hasContentType(String... mediaTypes) {
        String value = header("Content-Type");
        if (value == null) {
            return false;
        }
        String mediaType = value.split(";", 2)[0].trim();
        for (String expected : mediaTypes) {
            if (expected.equalsIgnoreCase(mediaType)) {
                return true;
            }
        }
        return false;
    }

    public void requireContentType(String... mediaTypes) {
        if (!hasContentType(mediaTypes)) {
            throw ApiException.invalid("Content-Type must be " + String.join(" or ", mediaTypes));
        }
    }

    /** application/x-www-form-urlencoded or a query string as a map (last value wins). */
    public static Map<String, String> parseForm(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("malformed form or query encoding");
            }
        }
        return values;
    }
}
