package com.nomidio.connect.time;

import java.time.Duration;

/** A point in (monotonic) time by which an answer is owed. Every gateway and AWS call takes one and never outlives it. */
public final class Deadline {

    private final long deadlineNanos;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean isExpired() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    /** An earlier deadline, {@code margin} before this one (for answering before the caller gives up). */
    public Deadline minus(Duration margin) {
        return new Deadline(deadlineNanos - margin.toNanos());
    }

    @Override
    public String toString() {
        return "Deadline[remainingMs=" + remaining().toMillis() + "]";
    }
}
