package com.nomidio.connect.benchmarks.action;

import com.nomidio.connect.action.entrypoints.NomidioActionHandler;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The SnapStart proxy: load the real handler under a snap-start initialisation (the script's environment plus
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), run the hooks it registered as Lambda would around a snapshot
 * (beforeCheckpoint, then afterRestore: this JVM cannot checkpoint, so the restore is the same process going on),
 * then answer one lookup: at once when afterRestore returns ({@code join}, the default: the invocation joins the
 * background refill afterRestore started), once that refill has ended ({@code after-refill}: Lambda took longer
 * to deliver the invoke than the refill took), or with no refill at all ({@code lazy}: the restore only forgets, as
 * afterRestore did before it refilled, and the invocation decrypts and authenticates for itself). Prints MAIN, INIT once the hooks have run, and ANSWERED, on stderr,
 * as {@link FirstLookup}, and a TIMES line measured in this process. What it cannot show is the restore itself and
 * the new connections a restored environment opens over a real network (DNS, TLS).
 */
public final class FirstLookupAfterRestore {

    private FirstLookupAfterRestore() {
    }

    public static void main(String[] args) throws Exception {
        System.err.println("MAIN");
        System.err.flush();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        String mode = args.length > 1 ? args[1] : "join";
        NomidioActionHandler handler = new NomidioActionHandler();
        // The Lambda runtime's Context class is its own, loaded with the runtime; this stand-in comes from another jar,
        // whose opening (1-4 ms on the first lookup) is this harness's, not the function's: loaded here, untimed.
        new LocalLambdaContext("nomidioAction", WarmLookup.CONNECT_REMAINING_MS).getRemainingTimeInMillis();
        long started = System.nanoTime();
        for (SnapStartPriming hook : SnapStartPriming.registered()) {
            hook.beforeCheckpoint(null);
        }
        long checkpointNanos = System.nanoTime() - started;
        started = System.nanoTime();
        boolean lazy = mode.equals("lazy");
        for (SnapStartPriming hook : SnapStartPriming.registered()) {
            if (lazy) {
                // What afterRestore did before it refilled: forget, and leave the first invocation to decrypt and
                // authenticate for itself.
                SnapStartPriming.forgetAll();
            } else {
                hook.afterRestore(null);
            }
        }
        long restoreNanos = System.nanoTime() - started;
        SnapStartPriming hook = SnapStartPriming.registered().getFirst();
        if (mode.equals("after-refill")) {
            hook.lastRefill().get(30, TimeUnit.SECONDS);
        }
        boolean refillDoneAtCall = lazy || hook.lastRefill().isDone();
        System.err.println("INIT");
        System.err.flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalLambdaContext context = new LocalLambdaContext("nomidioAction", WarmLookup.CONNECT_REMAINING_MS);
        started = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        long firstCallNanos = System.nanoTime() - started;
        SnapStartPriming.Refill refill = lazy ? new SnapStartPriming.Refill(0, java.util.List.of(), java.time.Duration.ZERO)
                : hook.lastRefill().get(30, TimeUnit.SECONDS);
        System.err.println("TIMES beforeCheckpointNs=" + checkpointNanos + " afterRestoreNs=" + restoreNanos
                + " firstCallNs=" + firstCallNanos + " refillNs=" + refill.took().toNanos()
                + " refillDoneAtCall=" + refillDoneAtCall + " refillFailures=" + refill.failures().size());
        System.err.println("ANSWERED " + out);
        System.err.flush();
    }
}
