package com.nomidio.connect.simulator.engine;

/**
 * The call's own clock, in milliseconds since the caller was connected. Lambda invocations advance it by how long
 * they really took ({@link #advance}); prompts and keypad waits by how long they would take on a real call
 * ({@link #pass}) — without sleeping, unless the clock runs in real time ({@code --realtime}).
 */
public final class CallClock {

    private final boolean realTime;
    private long elapsedMillis;

    public CallClock() {
        this(false);
    }

    public CallClock(boolean realTime) {
        this.realTime = realTime;
    }

    public synchronized long now() {
        return elapsedMillis;
    }

    /** Time that has already gone by (a function ran). */
    public synchronized void advance(long millis) {
        elapsedMillis += Math.max(0, millis);
    }

    /** Time the caller spends listening or thinking: slept through in real time, else only counted. */
    public void pass(long millis) {
        advance(millis);
        if (realTime && millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
