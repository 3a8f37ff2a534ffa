package com.nomidio.connect.benchmarks.action;

import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The cold-start baseline: same JVM, same classpath, same event, but the bare hello handler. */
public final class FirstHello {

    private FirstHello() {
    }

    public static void main(String[] args) throws Exception {
        System.err.println("MAIN");
        System.err.flush();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        HelloHandler handler = new HelloHandler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("nomidioAction", WarmLookup.CONNECT_REMAINING_MS));
        System.err.println("ANSWERED " + out);
        System.err.flush();
    }
}
