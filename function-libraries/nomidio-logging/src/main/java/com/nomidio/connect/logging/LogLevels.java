package com.nomidio.connect.logging;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.event.Level;

/**
 * The threshold of each logger, by longest matching name prefix. {@code NOMIDIO_LOG_LEVEL} sets the root
 * (INFO by default; OFF silences everything); the AWS SDK and other libraries are kept at WARN so that their request
 * logs, which may carry payloads, never reach the function's log, and Powertools is OFF. SLF4J's {@link Level} has
 * no OFF, so thresholds are kept as {@link Level#toInt()} values, {@link #OFF} being above every level.
 */
public final class LogLevels {

    public static final String ENVIRONMENT_VARIABLE = "NOMIDIO_LOG_LEVEL";

    private static volatile LogLevels current;

    /** A threshold above every level: the logger writes nothing. */
    public static final int OFF = Integer.MAX_VALUE;

    private final Map<String, Integer> byPrefix = new ConcurrentHashMap<>();
    private volatile int root;

    LogLevels(Level root) {
        this(root.toInt());
    }

    private LogLevels(int root) {
        this.root = root;
        byPrefix.put("software.amazon.awssdk", Level.WARN.toInt());
        byPrefix.put("com.amazonaws", Level.WARN.toInt());
        byPrefix.put("org.apache", Level.WARN.toInt());
        // Powertools' CloudFormation module logs the pre-signed ResponseURL (a credential: whoever holds it answers
        // for the stack) at ERROR when a send fails, the answer's body at DEBUG and the whole event (AccessKeySecret
        // included) at WARN for an unknown request type: none of it may reach the log. The deployment helper logs
        // those failures itself, with the URL's host only.
        byPrefix.put("software.amazon.lambda.powertools", OFF);
        byPrefix.put("com.github.tomakehurst", Level.WARN.toInt());
        byPrefix.put("org.eclipse.jetty", Level.WARN.toInt());
    }

    /** The levels the provider binds, which {@link #set} and {@link #off} then change. */
    static LogLevels fromEnvironment(Map<String, String> env) {
        LogLevels levels = new LogLevels(rootThreshold(env.get(ENVIRONMENT_VARIABLE)));
        current = levels;
        return levels;
    }

    /** {@code NOMIDIO_LOG_LEVEL} as a threshold: a level name or OFF, INFO when unset or unknown. */
    static int rootThreshold(String value) {
        return value != null && value.trim().equalsIgnoreCase("OFF") ? OFF : parse(value, Level.INFO).toInt();
    }

    /** Changes a threshold at run time (tests raise {@code com.nomidio} to DEBUG to check what it would write). */
    public static void set(String loggerPrefix, Level level) {
        set(loggerPrefix, level == null ? null : level.toInt());
    }

    /** Silences the loggers under {@code loggerPrefix} (the root for null or empty), errors included. */
    public static void off(String loggerPrefix) {
        set(loggerPrefix, OFF);
    }

    private static void set(String loggerPrefix, Integer threshold) {
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
            levels.root = threshold == null ? Level.INFO.toInt() : threshold;
        } else if (threshold == null) {
            levels.byPrefix.remove(loggerPrefix);
        } else {
            levels.byPrefix.put(loggerPrefix, threshold);
        }
    }

    boolean enabled(String logger, Level level) {
        return level.toInt() >= threshold(logger);
    }

    /** The lowest {@link Level#toInt()} {@code logger} writes, or {@link #OFF}. */
    int threshold(String logger) {
        int best = root;
        int bestLength = -1;
        for (Map.Entry<String, Integer> entry : byPrefix.entrySet()) {
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
