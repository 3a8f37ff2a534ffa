package com.nomidio.connect.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flow language's {@code $.} references, resolved as Connect resolves them against a contact:
 * {@code $.Attributes.x}, {@code $.Attributes['a name']}, {@code $.External.x}, {@code $.FlowAttributes.x},
 * {@code $.MediaStreams.Customer.Audio.StreamARN}, {@code $.Queue.Name}, {@code $.CustomerEndpoint.Address}, ...
 * A reference to nothing (or to an object) resolves to empty.
 */
public final class ContactPaths {

    /** A whole value that is one reference. */
    private static final Pattern WHOLE = Pattern.compile("^\\$(\\.[A-Za-z0-9_]+|\\.?\\[(?:'[^']*'|\"[^\"]*\"|\\d+)])+$");
    /** References inside prompt text. */
    private static final Pattern EMBEDDED = Pattern.compile("\\$\\.[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+|\\[(?:'[^']*'|\\d+)])*");
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_]+)|\\.?\\[(?:'([^']*)'|\"([^\"]*)\"|(\\d+))]");

    private ContactPaths() {
    }

    public static boolean isReference(String value) {
        return value != null && WHOLE.matcher(value.trim()).matches();
    }

    public static Optional<String> resolve(JsonNode root, String reference) {
        String path = reference.trim();
        if (!path.startsWith("$")) {
            return Optional.empty();
        }
        JsonNode node = root;
        Matcher segments = SEGMENT.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!segments.find(at) || segments.start() != at) {
                return Optional.empty();
            }
            String name = segments.group(1) != null ? segments.group(1)
                    : segments.group(2) != null ? segments.group(2) : segments.group(3);
            node = name != null ? node.path(name) : node.path(Integer.parseInt(segments.group(4)));
            at = segments.end();
        }
        return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** Prompt text with each embedded reference replaced by its value ("" when it resolves to nothing). */
    public static String interpolate(JsonNode root, String text) {
        Matcher matcher = EMBEDDED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolve(root, matcher.group()).orElse("")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The references a text holds (for the transcript). */
    public static List<String> embedded(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = EMBEDDED.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
