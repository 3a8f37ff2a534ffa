package com.nomidio.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class VoiceAuthOutcomeTest {

    @ParameterizedTest
    @CsvSource({"PASSED, Authenticated", "FAILED, NotAuthenticated", "TIMEOUT, Inconclusive", "PENDING, Inconclusive"})
    void afterChallenge_mapsResultToVoiceIdVocabulary(ChallengeStatus result, VoiceAuthOutcome expected) {
        assertThat(VoiceAuthOutcome.afterChallenge(result)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"OPTED_OUT, OptedOut", "NOT_FOUND, NotEnrolled", "INVITED, NotEnrolled", "EXISTS, NotEnrolled",
            "ENROLLED, Inconclusive", "NOMIDIO_UNAVAILABLE, Inconclusive", "WITHHELD_NUMBER, Inconclusive"})
    void beforeChallenge_mapsStatusToVoiceIdVocabulary(NomidioStatus status, VoiceAuthOutcome expected) {
        assertThat(VoiceAuthOutcome.beforeChallenge(status)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(NomidioStatus.class)
    void beforeChallenge_whenAnyStatus_neverAuthenticates(NomidioStatus status) {
        assertThat(VoiceAuthOutcome.beforeChallenge(status))
                .isNotIn(VoiceAuthOutcome.Authenticated, VoiceAuthOutcome.NotAuthenticated);
    }

    @Test
    void nomidioStatus_challengeableAndEnrolledAreTheGuidesSets() {
        assertThat(java.util.Arrays.stream(NomidioStatus.values()).filter(NomidioStatus::canBeChallenged))
                .containsExactly(NomidioStatus.AWAITING_APPROVAL, NomidioStatus.ENROLLED, NomidioStatus.TAC_WARN);
        assertThat(java.util.Arrays.stream(NomidioStatus.values()).filter(NomidioStatus::isEnrolled))
                .containsExactly(NomidioStatus.ENROLLED, NomidioStatus.TAC_WARN);
    }

    @Test
    void sampleUploadRequest_problem_namesWhatIsMissing() {
        SampleUploadRequest complete = new SampleUploadRequest("c-1", "arn:aws:kinesisvideo:eu-west-2:1:stream/s/1",
                "9134385233318150666908441974200077706515712", null, "ch-1", AuthLevel.STANDARD, 0L);
        assertThat(complete.problem()).isNull();
        assertThat(new SampleUploadRequest("c-1", "arn:x", null, null, "ch-1", AuthLevel.STANDARD, 0L).problem())
                .contains("startFragmentNumber");
        assertThat(new SampleUploadRequest("c-1", "nope", "1", null, "ch-1", AuthLevel.STANDARD, 0L).problem())
                .contains("streamArn");
    }
}
