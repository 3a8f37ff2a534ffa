package com.nomidio.connect.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

final class JsonLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, JsonLogger> loggers = new ConcurrentHashMap<>();
    private final LogLevels levels;
    private final JsonLineWriter writer;

    JsonLoggerFactory(LogLevels levels, JsonLineWriter writer) {
        this.levels = levels;
        this.writer = writer;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new JsonLogger(n, levels, writer));
    }
}
