package com.nomidio.connect.benchmarks.action;

import com.nomidio.connect.action.entrypoints.NomidioActionHandler;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cold start: load the real handler (public constructor, reading the environment the script sets), answer one
 * lookup. Prints MAIN when main() starts, INIT when the handler is constructed (what Lambda's init phase, and a
 * SnapStart snapshot, covers) and ANSWERED with the answer, on stderr; the parent times the lines.
 */
public final class FirstLookup {

    private FirstLookup() {
    }

    public static void main(String[] args) throws Exception {
        System.err.println("MAIN");
        System.err.flush();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        NomidioActionHandler handler = new NomidioActionHandler();
        // The Lambda runtime's Context class is its own, loaded with the runtime; this stand-in comes from another jar,
        // whose opening (1-4 ms on the first lookup) is this harness's, not the function's: loaded here, untimed.
        new LocalLambdaContext("nomidioAction", WarmLookup.CONNECT_REMAINING_MS).getRemainingTimeInMillis();
        System.err.println("INIT");
        System.err.flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("nomidioAction", WarmLookup.CONNECT_REMAINING_MS));
        System.err.println("ANSWERED " + out);
        System.err.flush();
    }
}
