package com.nomidio.connect.time;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/**
 * How long one invocation may work: what Lambda says is left (or a stated budget when there is no Lambda
 * {@link Context}), never more than a cap, less a margin kept back to answer, never less than a floor. Each
 * function states its own numbers; this is the one place that turns them into a {@link Deadline}.
 */
public record InvocationBudget(Duration cap, Duration margin, Duration floor, Duration withoutContext) {

    /** No cap but the function's own timeout: longer than any Lambda runs (15 min at most). */
    public static final Duration UNCAPPED = Duration.ofDays(1);

    public InvocationBudget {
        if (cap.isNegative() || margin.isNegative() || floor.isNegative() || withoutContext.isNegative()) {
            throw new IllegalArgumentException("budget durations cannot be negative");
        }
    }

    public Deadline deadline(Context context) {
        return Deadline.after(budget(context));
    }

    public Duration budget(Context context) {
        return context == null ? budgetFor(withoutContext) : forRemaining(context.getRemainingTimeInMillis());
    }

    /** The budget when Lambda says {@code remainingMillis} are left. */
    public Duration forRemaining(long remainingMillis) {
        return budgetFor(Duration.ofMillis(Math.max(0, remainingMillis)));
    }

    private Duration budgetFor(Duration remaining) {
        Duration capped = remaining.compareTo(cap) < 0 ? remaining : cap;
        Duration budget = capped.minus(margin);
        return budget.compareTo(floor) < 0 ? floor : budget;
    }
}
