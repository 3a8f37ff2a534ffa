package com.nomidio.connect.logging;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.event.Level;

/**
 * The threshold of each logger, by longest matching name prefix. {@code NOMIDIO_LOG_LEVEL} sets the root
 * (INFO by default); the AWS SDK and other libraries are kept at WARN so that their request logs, which may
 * carry payloads, never reach the function's log.
 */
public final class LogLevels {

    public static final String ENVIRONMENT_VARIABLE = "NOMIDIO_LOG_LEVEL";

    private static volatile LogLevels current;

    private final Map<String, Level> byPrefix = new ConcurrentHashMap<>();
    private volatile Level root;

    LogLevels(Level root) {
        this.root = root;
        byPrefix.put("software.amazon.awssdk", Level.WARN);
        byPrefix.put("com.amazonaws", Level.WARN);
        byPrefix.put("org.apache", Level.WARN);
        // Powertools' CloudFormation module logs the whole event (AccessKeySecret included) at WARN for an
        // unknown request type: only its errors may reach the log.
        byPrefix.put("software.amazon.lambda.powertools", Level.ERROR);
        byPrefix.put("com.github.tomakehurst", Level.WARN);
        byPrefix.put("org.eclipse.jetty", Level.WARN);
        current = this;
    }

    static LogLevels fromEnvironment(Map<String, String> env) {
        return new LogLevels(parse(env.get(ENVIRONMENT_VARIABLE), Level.INFO));
    }

    /** Changes a threshold at run time (tests raise {@code com.nomidio} to DEBUG to check what it would write). */
    public static void set(String loggerPrefix, Level level) {
        if (current == null) {
            // Binding SLF4J runs JsonLoggingProvider.initialize(), which creates the levels.
            org.slf4j.LoggerFactory.getILoggerFactory();
        }
        LogLevels levels = current;
        if (levels == null) {
            throw new IllegalStateException("SLF4J is bound to " + org.slf4j.LoggerFactory.getILoggerFactory().getClass()
                    .getName() + ", not to the JSON logging provider");
        }
        if (loggerPrefix == null || loggerPrefix.isEmpty()) {
            levels.root = level;
        } else if (level == null) {
            levels.byPrefix.remove(loggerPrefix);
        } else {
            levels.byPrefix.put(loggerPrefix, level);
        }
    }

    boolean enabled(String logger, Level level) {
        return level.toInt() >= threshold(logger).toInt();
    }

    Level threshold(String logger) {
        Level best = root;
        int bestLength = -1;
        for (Map.Entry<String, Level> entry : byPrefix.entrySet()) {
            String prefix = entry.getKey();
            if (prefix.length() > bestLength && logger.startsWith(prefix)
                    && (logger.length() == prefix.length() || logger.charAt(prefix.length()) == '.')) {
                best = entry.getValue();
                bestLength = prefix.length();
            }
        }
        return best;
    }

    static Level parse(String value, Level fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
