package com.nomidio.connect.action.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvocationBudgetTest {

    @Test
    void forRemaining_whenLambdaAllowsMoreThanConnectWaits_capsAtConnectLimitLessMargin() {
        assertThat(InvocationBudget.forRemaining(900_000)).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void forRemaining_whenLessThanConnectLimit_keepsTheMarginBack() {
        assertThat(InvocationBudget.forRemaining(3000)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void forRemaining_whenLessThanTheMargin_isZero() {
        assertThat(InvocationBudget.forRemaining(200)).isZero();
        assertThat(InvocationBudget.forRemaining(-5)).isZero();
    }
}
