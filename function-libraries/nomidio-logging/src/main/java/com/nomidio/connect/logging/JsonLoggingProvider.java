package com.nomidio.connect.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of the Lambda functions: one JSON object per line on stdout, which CloudWatch Logs reads as
 * structured fields. It exists because logback with the logstash encoder cost ~360 ms of a ~1.1 s cold start
 * (benchmarks/README.md); this backend reuses jackson-core, which the functions load anyway.
 */
public final class JsonLoggingProvider implements SLF4JServiceProvider {

    private JsonLoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        mdcAdapter = new BasicMDCAdapter();
        markerFactory = new BasicMarkerFactory();
        loggerFactory = new JsonLoggerFactory(LogLevels.fromEnvironment(System.getenv()), new JsonLineWriter(mdcAdapter));
    }
}
