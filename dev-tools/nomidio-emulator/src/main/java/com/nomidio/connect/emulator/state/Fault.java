package com.nomidio.connect.emulator.state;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject into the next matching calls: answer late, answer with an error status, or drop the
 * connection without an answer. {@code operation} is a contract operationId or {@code *} for every one.
 *
 * @param times how many calls it affects; 0 means every matching call until the faults are cleared
 */
public record Fault(String operation, Kind kind, Duration delay, int status, int times) {

    public static final String ANY_OPERATION = "*";

    public enum Kind {
        /** Waits {@code delay}, then answers normally. */
        SLOW,
        /** Answers {@code status} (429 or 5xx) with the contract's error body. */
        STATUS,
        /** Closes the connection without answering. */
        DROP
    }

    public Fault {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 (always) or more");
        }
        if (kind == Kind.SLOW && (delay == null || delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("a slow fault needs a positive delay");
        }
        if (kind == Kind.STATUS) {
            ErrorCode.forFaultStatus(status);
        }
    }

    public static Fault slow(String operation, Duration delay) {
        return new Fault(operation, Kind.SLOW, delay, 0, 0);
    }

    public static Fault status(String operation, int status) {
        return new Fault(operation, Kind.STATUS, null, status, 0);
    }

    public static Fault drop(String operation) {
        return new Fault(operation, Kind.DROP, null, 0, 0);
    }

    /** The same fault, limited to the next {@code calls} matching calls. */
    public Fault times(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("times(n) needs n >= 1; leave it out for every call");
        }
        return new Fault(operation, kind, delay, status, calls);
    }

    boolean matches(String operationId) {
        return ANY_OPERATION.equals(operation) || operation.equals(operationId);
    }
}
