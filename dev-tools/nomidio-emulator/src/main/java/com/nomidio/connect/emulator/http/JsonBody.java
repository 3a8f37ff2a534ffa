package com.nomidio.connect.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.emulator.state.ApiException;
import com.nomidio.connect.emulator.state.IdentityStore;
import java.io.IOException;

/** Reads a JSON request body field by field, refusing what the contract does not allow with 400 INVALID_REQUEST. */
final class JsonBody {

    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    static JsonBody of(Request request, ObjectMapper json) {
        request.requireContentType("application/json");
        try {
            JsonNode node = json.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw ApiException.invalid("body must be a JSON object");
            }
            return new JsonBody(node);
        } catch (IOException e) {
            throw ApiException.invalid("body is not valid JSON");
        }
    }

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.invalid(field + " is required (a non-empty string)");
        }
        return value.asText();
    }

    boolean has(String field) {
        return node.has(field);
    }

    boolean isNull(String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw ApiException.invalid(field + " is required (true or false)");
        }
        return value.booleanValue();
    }

    int integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.invalid(field + " is required (an integer)");
        }
        return value.intValue();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String value = text(field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + " is not one of the contract's " + type.getSimpleName() + " values");
        }
    }

    String phoneNumber(String field) {
        return e164(text(field), field);
    }

    /** A Subject object found under {@code field}, or the body itself when field is null. */
    Subject subject(String field) {
        JsonBody body = this;
        if (field != null) {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject()) {
                throw ApiException.invalid(field + " is required (a Subject object)");
            }
            body = new JsonBody(value);
        }
        int given = 0;
        for (String name : new String[] {"phoneNumber", "customerReference", "nomidioId"}) {
            if (!body.isNull(name)) {
                given++;
            }
        }
        if (given != 1) {
            throw ApiException.invalid("a subject names exactly one of phoneNumber, customerReference, nomidioId");
        }
        if (!body.isNull("phoneNumber")) {
            return Subject.phone(body.phoneNumber("phoneNumber"));
        }
        if (!body.isNull("customerReference")) {
            return Subject.customerReference(body.text("customerReference"));
        }
        return Subject.nomidioId(body.text("nomidioId"));
    }

    static String e164(String value, String field) {
        if (value == null || !IdentityStore.E164.matcher(value).matches()) {
            throw ApiException.invalid(field + " must be an E.164 phone number");
        }
        return value;
    }
}
