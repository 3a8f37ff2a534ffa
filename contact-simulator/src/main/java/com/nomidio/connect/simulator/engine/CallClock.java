package com.nomidio.connect.simulator.engine;

/**
 * The call's own clock, in milliseconds since the caller was connected. Prompts and keypad waits advance it by
 * how long they would take on a real call (nothing sleeps); Lambda invocations advance it by how long they really
 * took.
 */
public final class CallClock {

    private long elapsedMillis;

    public synchronized long now() {
        return elapsedMillis;
    }

    public synchronized void advance(long millis) {
        elapsedMillis += Math.max(0, millis);
    }
}
