package com.nomidio.connect.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.domain.AuthLevel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapturePolicyTest {

    @Test
    void defaultFor_whenHigh_asksForMoreAndClearerSpeechThanStandard() {
        CapturePolicy standard = CapturePolicy.defaultFor(AuthLevel.STANDARD);
        CapturePolicy high = CapturePolicy.defaultFor(AuthLevel.HIGH);

        assertThat(high.targetSpeech()).isEqualTo(Duration.ofSeconds(10)).isGreaterThan(standard.targetSpeech());
        assertThat(high.minimumSpeech()).isGreaterThan(standard.minimumSpeech());
        assertThat(high.vadThresholdDbfs()).isGreaterThan(standard.vadThresholdDbfs());
    }

    @Test
    void withOverrides_whenSomeKeysGiven_replacesOnlyThose() {
        CapturePolicy policy = CapturePolicy.defaultFor(AuthLevel.STANDARD).withOverrides(" targetSpeechMs=6000, vadThresholdDbfs=-40");

        assertThat(policy.targetSpeech()).isEqualTo(Duration.ofSeconds(6));
        assertThat(policy.vadThresholdDbfs()).isEqualTo(-40);
        assertThat(policy.window()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void withOverrides_whenInconsistentOrUnknown_refusesWithTheReason() {
        CapturePolicy standard = CapturePolicy.defaultFor(AuthLevel.STANDARD);

        assertThatThrownBy(() -> standard.withOverrides("minimumSpeechMs=9000")).hasMessageContaining("minimumSpeech");
        assertThatThrownBy(() -> standard.withOverrides("speechMs=1")).hasMessageContaining("unknown");
        assertThatThrownBy(() -> standard.withOverrides("windowMs=abc")).hasMessageContaining("not a number");
    }

    @Test
    void withOverrides_whenEndSilenceGiven_setsItAndZeroTurnsEndPointingOff() {
        CapturePolicy standard = CapturePolicy.defaultFor(AuthLevel.STANDARD);

        assertThat(standard.endSilence()).isEqualTo(CapturePolicy.DEFAULT_END_SILENCE);
        assertThat(standard.endPointing()).isTrue();
        assertThat(standard.withOverrides("endSilenceMs=1200").endSilence()).isEqualTo(Duration.ofMillis(1200));
        assertThat(standard.withOverrides("endSilenceMs=0").endPointing()).isFalse();
        assertThatThrownBy(() -> standard.withOverrides("endSilenceMs=-1")).hasMessageContaining("endSilenceMs");
    }

    @Test
    void fromEnvironment_whenSelectorAndReserveSet_readsThem() {
        CaptureSettings settings = CaptureSettings.fromEnvironment(Map.of("KVS_START_SELECTOR", "fragment_number",
                "UPLOAD_RESERVE_MS", "2500", "CAPTURE_POLICY_HIGH", "windowMs=30000"));

        assertThat(settings.startSelector()).isEqualTo(StartSelectorChoice.FRAGMENT_NUMBER);
        assertThat(settings.uploadReserve()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.policyFor(AuthLevel.HIGH).window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.policyFor(null)).isEqualTo(CapturePolicy.defaultFor(AuthLevel.STANDARD));
    }
}
