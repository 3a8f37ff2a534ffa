package com.nomidio.connect.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

/**
 * Writes one log event as one line of JSON: timestamp, level, logger, message, the MDC (contactId,
 * awsRequestId), the event's key-value pairs, and the exception's stack trace as one string field.
 */
final class JsonLineWriter {

    private static final String EXCEPTION = "exception";
    private static final Set<String> LINE_FIELDS = Set.of("timestamp", "level", "logger", "message");

    private final JsonFactory factory = new JsonFactory();
    private final MDCAdapter mdc;

    JsonLineWriter(MDCAdapter mdc) {
        this.mdc = mdc;
    }

    void write(Level level, String logger, String message, List<KeyValuePair> pairs, Throwable throwable) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (JsonGenerator json = factory.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.now().toString());
            json.writeStringField("level", level.name());
            json.writeStringField("logger", logger);
            json.writeStringField("message", message);
            for (Map.Entry<String, Object> field : fields(pairs, throwable != null).entrySet()) {
                writeValue(json, field.getKey(), field.getValue());
            }
            if (throwable != null) {
                json.writeStringField(EXCEPTION, stackTrace(throwable));
            }
            json.writeEndObject();
        } catch (IOException e) {
            return;
        }
        line.write('\n');
        // System.out is looked up per line so that a redirected stdout (tests, the runtime) is honoured.
        synchronized (JsonLineWriter.class) {
            System.out.write(line.toByteArray(), 0, line.size());
            System.out.flush();
        }
    }

    /**
     * The MDC and the event's key-values, one field per name: a key-value replaces the MDC entry of the same name
     * (it is the more specific), a later key-value an earlier one. A name the line itself uses (timestamp, level,
     * logger, message, and exception when there is a throwable) keeps its meaning; the colliding value is written
     * as {@code kv_<name>} instead, so that it is neither lost nor a duplicate field, which JSON readers disagree on.
     */
    private Map<String, Object> fields(List<KeyValuePair> pairs, boolean hasThrowable) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> context = mdc.getCopyOfContextMap();
        if (context != null) {
            context.forEach((key, value) -> fields.put(fieldName(key, hasThrowable), value));
        }
        for (KeyValuePair pair : pairs) {
            String name = fieldName(pair.key, hasThrowable);
            fields.remove(name);
            fields.put(name, pair.value);
        }
        return fields;
    }

    private static String fieldName(String key, boolean hasThrowable) {
        boolean taken = LINE_FIELDS.contains(key) || (hasThrowable && EXCEPTION.equals(key));
        return taken ? "kv_" + key : String.valueOf(key);
    }

    private static void writeValue(JsonGenerator json, String key, Object value) throws IOException {
        if (value == null) {
            json.writeNullField(key);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumberField(key, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumberField(key, ((Number) value).doubleValue());
        } else if (value instanceof Boolean bool) {
            json.writeBooleanField(key, bool);
        } else {
            json.writeStringField(key, value.toString());
        }
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter out = new StringWriter();
        throwable.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
