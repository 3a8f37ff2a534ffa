package com.nomidio.connect.lex.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Lambda budget: each answer well inside the ~10 s Connect's chat waits for a bot, whatever Lex allows. */
class NomidioLexBudgetTest {

    @Test
    void budget_whenLexAllowsThirtySeconds_isFourAndAHalfSeconds() {
        assertThat(NomidioLexHandler.BUDGET.forRemaining(30_000)).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void budget_whenLessIsLeft_keepsTheMarginFromWhatIsLeft() {
        assertThat(NomidioLexHandler.BUDGET.forRemaining(3_000)).isEqualTo(Duration.ofMillis(2500));
    }
}
