package com.nomidio.connect.time;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The time one invocation spent waiting on the gateway, summed over its calls, for the invocation's log line.
 * Both functions report it the same way: no figure at all when no call was made, rather than a misleading 0 ms.
 */
public final class GatewayTime {

    private long nanos = -1;

    /** Runs {@code call} and adds its time, also when it fails: a failed call still cost the caller that wait. */
    public <T> T timed(Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos = Math.max(0, nanos) + (System.nanoTime() - started);
        }
    }

    /** The summed time, or null when no gateway call was made. */
    public Duration latency() {
        return nanos < 0 ? null : Duration.ofNanos(nanos);
    }
}
