package com.nomidio.connect.deployment.softphone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built softphone page as the helper's jar carries it: the files under the classpath folder {@code softphone/},
 * listed one relative path a line in {@code softphone/files.txt} (the softphone module's artifact), and how each
 * is served: its Content-Type, and a Cache-Control that lets browsers keep content-hashed assets for a year but
 * makes them ask again for everything else (index.html names the hashed files of the current build).
 */
public final class SoftphoneFiles {

    public static final String FOLDER = "softphone/";
    public static final String INDEX = FOLDER + "files.txt";
    /** Generated per deployment from the properties; never taken from the build. */
    public static final String CONFIG = "config.json";
    static final String NO_CACHE = "no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /**
     * A bundler's content hash in the name: app-3f9a1c2b.js, app.3f9a1c2b.css, chunk-B4x_9kQ2.js (8 or more
     * letters, digits or _ with at least one digit, so that nomidio-softphone.js is not taken for one).
     */
    private static final Pattern HASHED = Pattern.compile(".*[.-](?=[A-Za-z0-9_]*\\d)[A-Za-z0-9_]{8,}\\.[A-Za-z0-9]+$");
    private static final Pattern SAFE_PATH = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_./-]*$");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"),
            Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("mjs", "text/javascript; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=UTF-8"));

    private final ClassLoader loader;

    public SoftphoneFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** One file of the page: its path under softphone/ and its bytes. */
    public record File(String path, byte[] content) {
    }

    /**
     * Every file the index lists, in its order. Fails, naming what is wrong, when the index is missing (the page
     * was not packaged into this helper), names a file that is not there, or names an unsafe path.
     */
    public List<File> load() {
        List<File> files = new ArrayList<>();
        for (String path : paths()) {
            files.add(new File(path, read(FOLDER + path).orElseThrow(() -> new IllegalStateException(
                    INDEX + " lists " + path + ", which is not in the helper's jar: rebuild the softphone artifact"))));
        }
        return files;
    }

    List<String> paths() {
        String index = read(INDEX).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("the softphone page is not packaged into deploymentHelper ("
                        + INDEX + " is not on its classpath): build it with the softphone module"));
        Set<String> paths = new LinkedHashSet<>();
        for (String line : index.split("\\R")) {
            String path = line.strip();
            if (path.isEmpty()) {
                continue;
            }
            if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.contains("//")) {
                throw new IllegalStateException(INDEX + " lists an unsafe path '" + path + "'");
            }
            if (!path.equals(CONFIG)) {
                paths.add(path);
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalStateException(INDEX + " lists no file");
        }
        return List.copyOf(paths);
    }

    private Optional<byte[]> read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource + " from the helper's jar", e);
        }
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    static String cacheControl(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return HASHED.matcher(name).matches() ? IMMUTABLE : NO_CACHE;
    }
}
