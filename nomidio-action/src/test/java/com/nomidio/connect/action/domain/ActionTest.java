package com.nomidio.connect.action.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void parse_whenParameterValueOfTheContract_findsTheAction() {
        assertThat(Action.parse("lookup")).contains(Action.LOOKUP);
        assertThat(Action.parse("optOut")).contains(Action.OPT_OUT);
        assertThat(Action.parse(" startSampleUpload ")).contains(Action.START_SAMPLE_UPLOAD);
        assertThat(Action.parse("challengeResult")).contains(Action.CHALLENGE_RESULT);
    }

    @Test
    void parse_whenNearMiss_findsNothing() {
        assertThat(Action.parse("LOOKUP")).isEmpty();
        assertThat(Action.parse("OPT_OUT")).isEmpty();
        assertThat(Action.parse(null)).isEmpty();
    }
}
