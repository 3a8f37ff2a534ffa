package com.nomidio.connect.action.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * nomidioAction's numbers: Connect waits 8 s at most from the Invoke, which also covers the Invoke itself and a
 * SnapStart restore; the handler works 6.5 s at most and keeps 500 ms of that back to answer.
 */
class NomidioActionBudgetTest {

    @Test
    void forRemaining_whenLambdaAllowsMoreThanConnectWaits_capsAtSixAndAHalfSeconds() {
        assertThat(NomidioActionHandler.BUDGET.forRemaining(900_000)).isEqualTo(Duration.ofMillis(6500));
    }

    @Test
    void forRemaining_whenLessThanConnectLimit_keepsTheMarginBack() {
        assertThat(NomidioActionHandler.BUDGET.forRemaining(3000)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void forRemaining_whenLessThanTheMargin_isZero() {
        assertThat(NomidioActionHandler.BUDGET.forRemaining(200)).isZero();
        assertThat(NomidioActionHandler.BUDGET.forRemaining(-5)).isZero();
    }

    @Test
    void budget_whenNoLambdaContext_isSixAndAHalfSeconds() {
        assertThat(NomidioActionHandler.BUDGET.budget(null)).isEqualTo(Duration.ofMillis(6500));
    }
}
