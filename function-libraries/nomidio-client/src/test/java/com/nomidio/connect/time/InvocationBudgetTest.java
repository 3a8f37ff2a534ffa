package com.nomidio.connect.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvocationBudgetTest {

    private final InvocationBudget capped = new InvocationBudget(Duration.ofSeconds(8), Duration.ofMillis(500),
            Duration.ZERO, Duration.ofSeconds(8));

    @Test
    void forRemaining_whenMoreThanTheCap_isTheCapLessTheMargin() {
        assertThat(capped.forRemaining(900_000)).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void forRemaining_whenLessThanTheMargin_isTheFloor() {
        InvocationBudget withFloor = new InvocationBudget(InvocationBudget.UNCAPPED, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(withFloor.forRemaining(4000)).isEqualTo(Duration.ofSeconds(1));
        assertThat(withFloor.forRemaining(60_000)).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void budget_whenNoContext_usesTheStatedBudgetLessTheMargin() {
        InvocationBudget uncapped = new InvocationBudget(InvocationBudget.UNCAPPED, Duration.ofMillis(500),
                Duration.ZERO, Duration.ofSeconds(30));

        assertThat(uncapped.budget(null)).isEqualTo(Duration.ofMillis(29_500));
    }

    @Test
    void deadline_whenLambdaContext_endsByWhatLambdaLeavesLessTheMargin() {
        Deadline deadline = capped.deadline(contextWithRemaining(3000));

        // The upper bound is the rule; the lower one only shows it is not some other figure, with 2 s of room for a
        // thread that a busy machine pauses between the two lines.
        assertThat(deadline.remaining()).isLessThanOrEqualTo(Duration.ofMillis(2500))
                .isGreaterThan(Duration.ofMillis(500));
    }

    /** Only the remaining time matters here; the other Context methods are never called. */
    private static Context contextWithRemaining(int millis) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRemainingTimeInMillis")) {
                        return millis;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
