package com.nomidio.connect.logging;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/** A logger whose lines are JSON objects; key-value pairs of SLF4J's fluent API become fields of the line. */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private final transient LogLevels levels;
    private final transient JsonLineWriter writer;

    JsonLogger(String name, LogLevels levels, JsonLineWriter writer) {
        this.name = name;
        this.levels = levels;
        this.writer = writer;
    }

    @Override
    public boolean isTraceEnabled() {
        return levels.enabled(name, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return levels.enabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return levels.enabled(name, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return levels.enabled(name, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return levels.enabled(name, Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        writer.write(level, name, MessageFormatter.basicArrayFormat(pattern, arguments), List.of(), throwable);
    }

    @Override
    public void log(LoggingEvent event) {
        if (!levels.enabled(name, event.getLevel())) {
            return;
        }
        Object[] arguments = event.getArgumentArray();
        String message = arguments == null ? event.getMessage()
                : MessageFormatter.basicArrayFormat(event.getMessage(), arguments);
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        writer.write(event.getLevel(), name, message, pairs, event.getThrowable());
    }
}
