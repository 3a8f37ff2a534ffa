package com.nomidio.connect.simulator.engine;

import java.util.function.Supplier;

/**
 * The call's own clock, in milliseconds since the caller was connected. While a function runs for the flow
 * ({@link #running}) the clock follows the wall clock, because the caller goes on talking meanwhile and Connect goes
 * on filling the contact's stream; prompts and keypad waits take the time they would take on a real call
 * ({@link #pass}) without sleeping, unless the clock runs in real time ({@code --realtime}), when it follows the wall
 * clock through them too. So what happens while the flow waits for a function (the caller's fragments arriving,
 * sampleUpload reading them) happens at the right call time in both modes.
 */
public final class CallClock {

    private final boolean realTime;
    private long elapsedMillis;
    private long runningSinceNanos;
    private int running;

    public CallClock() {
        this(false);
    }

    public CallClock(boolean realTime) {
        this.realTime = realTime;
    }

    public synchronized long now() {
        return elapsedMillis + (running > 0 ? (System.nanoTime() - runningSinceNanos) / 1_000_000 : 0);
    }

    /** Time that has already gone by. */
    public synchronized void advance(long millis) {
        elapsedMillis += Math.max(0, millis);
    }

    /** Runs {@code work} (a function the flow waits for) with the clock following the wall clock meanwhile. */
    public <T> T running(Supplier<T> work) {
        start();
        try {
            return work.get();
        } finally {
            stop();
        }
    }

    /** Time the caller spends listening or thinking: slept through in real time, else only counted. */
    public void pass(long millis) {
        if (millis <= 0) {
            return;
        }
        if (!realTime) {
            advance(millis);
            return;
        }
        running(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    private synchronized void start() {
        if (running++ == 0) {
            runningSinceNanos = System.nanoTime();
        }
    }

    private synchronized void stop() {
        if (--running == 0) {
            elapsedMillis += (System.nanoTime() - runningSinceNanos) / 1_000_000;
        }
    }
}
