package com.nomidio.connect.action.domain;

import com.nomidio.connect.gateway.Deadline;
import java.time.Duration;

/** How long an invocation may work: what Lambda says is left, never more than Connect waits, less a margin. */
public final class InvocationBudget {

    /** Amazon Connect waits at most 8 s for a Lambda answer. */
    public static final Duration CONNECT_LIMIT = Duration.ofSeconds(8);
    /** Kept back to write the answer, the log line and the metrics before Connect or Lambda gives up. */
    public static final Duration SAFETY_MARGIN = Duration.ofMillis(500);

    private InvocationBudget() {
    }

    public static Duration forRemaining(long remainingMillis) {
        Duration remaining = Duration.ofMillis(Math.max(0, remainingMillis));
        Duration capped = remaining.compareTo(CONNECT_LIMIT) < 0 ? remaining : CONNECT_LIMIT;
        Duration budget = capped.minus(SAFETY_MARGIN);
        return budget.isNegative() ? Duration.ZERO : budget;
    }

    public static Deadline deadline(long remainingMillis) {
        return Deadline.after(forRemaining(remainingMillis));
    }
}
