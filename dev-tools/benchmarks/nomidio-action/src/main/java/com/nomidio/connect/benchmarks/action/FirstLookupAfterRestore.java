package com.nomidio.connect.benchmarks.action;

import com.nomidio.connect.action.entrypoints.NomidioActionHandler;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SnapStart proxy: load the real handler under a snap-start initialisation (the script's environment plus
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), run the hooks it registered as Lambda would around a snapshot
 * (beforeCheckpoint, then afterRestore: this JVM cannot checkpoint, so the restore is the same process going on),
 * then answer one lookup. Prints MAIN, INIT once the hooks have run, and ANSWERED, on stderr, as {@link FirstLookup}.
 * What it cannot show is the restore itself and the new connections a restored environment opens over a real network.
 */
public final class FirstLookupAfterRestore {

    private FirstLookupAfterRestore() {
    }

    public static void main(String[] args) throws Exception {
        System.err.println("MAIN");
        System.err.flush();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        NomidioActionHandler handler = new NomidioActionHandler();
        for (SnapStartPriming hook : SnapStartPriming.registered()) {
            hook.beforeCheckpoint(null);
        }
        for (SnapStartPriming hook : SnapStartPriming.registered()) {
            hook.afterRestore(null);
        }
        System.err.println("INIT");
        System.err.flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("nomidioAction", WarmLookup.CONNECT_REMAINING_MS));
        System.err.println("ANSWERED " + out);
        System.err.flush();
    }
}
