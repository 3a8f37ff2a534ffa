package com.nomidio.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FlowAttributesTest {

    @Test
    void toMap_whenNothingKnown_writesEveryOutputKeyWithEmptyStrings() {
        FlowAttributes attributes = new FlowAttributes(null, null, null, null, false, null, null, null);

        assertThat(attributes.toMap()).containsOnlyKeys(FlowAttributes.OUTPUTS.stream().map(ContactAttribute::key).toList())
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_fraud_flag", "")
                .doesNotContainValue(null);
    }

    @Test
    void outputs_areEveryContactAttributeOfKindOutput() {
        assertThat(FlowAttributes.OUTPUTS).containsExactlyInAnyOrderElementsOf(Arrays.stream(ContactAttribute.values())
                .filter(ContactAttribute::isOutput).toList());
    }

    @Test
    void failure_whenUnavailable_isInconclusiveAndNotAuthenticated() {
        assertThat(FlowAttributes.failure(NomidioStatus.NOMIDIO_UNAVAILABLE).toMap())
                .containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_authenticated_enrolled", "false");
    }

    @Test
    void fromMap_whatToMapWrote_readsTheSameAttributesBack() {
        FlowAttributes written = new FlowAttributes(NomidioStatus.TAC_WARN, FraudFlag.SUSPECTED_FRAUD, AuthLevel.HIGH,
                ChallengeStatus.PASSED, true, "NID-1", "chl-1", VoiceAuthOutcome.Authenticated);

        assertThat(FlowAttributes.fromMap(written.toMap())).isEqualTo(written);
    }

    @Test
    void fromMap_whenValuesAreEmptyOrUnknown_readsThemAsAbsent() {
        FlowAttributes read = FlowAttributes.fromMap(java.util.Map.of("nomidio_status", "SOMETHING",
                "nomidio_fraud_flag", "", "nomidio_challenge_result", "passed", "nomidio_authenticated_enrolled", "yes"));

        assertThat(read).isEqualTo(new FlowAttributes(null, null, null, null, false, null, null, null));
    }
}
