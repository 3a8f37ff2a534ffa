package com.nomidio.connect.testkit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One function's sample events in the repository's {@code events/} ({@code <prefix><name>.json}, shaped as AWS
 * sends them), loaded as JSON trees so that a test can vary one field and keep the rest of the real shape.
 */
public final class SampleEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String prefix;

    /** {@code dir} is the repository's {@code events/} as seen from the test's working directory. */
    public SampleEvents(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Every sample event of the function, sorted by file name. */
    public List<Path> all() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample event {@code <prefix><name>.json}, a fresh tree on each call. */
    public ObjectNode event(String name) {
        return read(dir.resolve(prefix + name + ".json"));
    }

    public static ObjectNode read(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event as an invocation payload. */
    public static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
