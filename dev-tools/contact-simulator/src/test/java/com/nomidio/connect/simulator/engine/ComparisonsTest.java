package com.nomidio.connect.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonsTest {

    @ParameterizedTest(name = "{1} {0} {2} -> {3}")
    @CsvSource({
        "Equals, HIGH, HIGH, true",
        "Equals, HIGH, high, false",
        "TextStartsWith, arn:, arn:aws:connect:x, true",
        "TextStartsWith, arn:, '', false",
        "TextEndsWith, FLOW, NOMIDIO-POST-FLOW, true",
        "TextContains, POST, NOMIDIO-POST-FLOW, true",
        "NumberGreaterThan, 0, 1, true",
        "NumberGreaterThan, 0, 0, false",
        "NumberGreaterThan, 0, one, false",
        "NumberGreaterOrEqualTo, 2, 2.0, true",
        "NumberLessThan, 2, 1, true",
        "NumberLessOrEqualTo, 2, 3, false"})
    void matches_whenValueIsGiven_followsTheOperator(String operator, String operand, String value, boolean expected) {
        assertThat(Comparisons.matches(operator, List.of(operand), value)).isEqualTo(expected);
    }

    @Test
    void matches_whenValueIsAbsent_matchesNothing() {
        assertThat(Comparisons.matches("Equals", List.of(""), null)).isFalse();
        assertThat(Comparisons.matches("NumberLessThan", List.of("5"), null)).isFalse();
    }

    @Test
    void matches_whenOperatorIsNotTheLanguagesOwn_stopsTheSimulation() {
        assertThatThrownBy(() -> Comparisons.matches("Matches", List.of(".*"), "x"))
                .isInstanceOf(SimulationStopped.class).hasMessageContaining("Matches");
    }
}
