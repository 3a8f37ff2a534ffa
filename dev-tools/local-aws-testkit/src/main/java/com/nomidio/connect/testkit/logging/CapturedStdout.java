package com.nomidio.connect.testkit.logging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures stdout, where the functions' JSON logging backend writes, for each test (register it as an instance
 * field with {@code @RegisterExtension}), so that a test can read back every line a function logged.
 * {@code whileCapturing} runs once stdout is captured (e.g. raising log levels, rebuilding a handler so that its
 * construction is logged too), {@code afterwards} once it is restored.
 */
public final class CapturedStdout implements BeforeEachCallback, AfterEachCallback {

    /** Refuses duplicate field names: CloudWatch Logs Insights would pick one of the values arbitrarily. */
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Runnable whileCapturing;
    private final Runnable afterwards;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream originalStdout;

    public CapturedStdout(Runnable whileCapturing, Runnable afterwards) {
        this.whileCapturing = whileCapturing;
        this.afterwards = afterwards;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        originalStdout = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        whileCapturing.run();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalStdout);
        afterwards.run();
    }

    /** Every non-blank line written so far. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Every line parsed as one JSON object, refusing duplicate field names; fails on a line that is not. */
    public List<JsonNode> jsonLines() {
        List<JsonNode> json = new ArrayList<>();
        for (String line : lines()) {
            try {
                json.add(STRICT_JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not one JSON object: " + line, e);
            }
        }
        return json;
    }
}
