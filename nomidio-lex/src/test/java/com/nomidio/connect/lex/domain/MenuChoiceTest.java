package com.nomidio.connect.lex.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MenuChoiceTest {

    @ParameterizedTest
    @CsvSource({
            "NomidioRegister, no, REGISTER",
            "NomidioOptOut, yes, OPT_OUT",
            "NomidioDecline, 1, DECLINE",
            "FallbackIntent, 1, REGISTER",
            "FallbackIntent, 'Yes, please!', REGISTER",
            "FallbackIntent, OPT OUT, OPT_OUT",
            "FallbackIntent, 2, OPT_OUT",
            "FallbackIntent, No thanks., DECLINE",
            "FallbackIntent, 12, UNKNOWN",
            "FallbackIntent, '', UNKNOWN",
            ", yes, REGISTER"})
    void of_readsTheIntentFirstThenTheWords(String intent, String words, MenuChoice expected) {
        assertThat(MenuChoice.of(intent, words)).isEqualTo(expected);
    }
}
