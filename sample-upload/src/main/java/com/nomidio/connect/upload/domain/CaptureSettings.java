package com.nomidio.connect.upload.domain;

import com.nomidio.connect.domain.AuthLevel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The capture policies per level, the start selector and the time kept for the upload, from the environment. */
public record CaptureSettings(Map<AuthLevel, CapturePolicy> policies, StartSelectorChoice startSelector,
        Duration uploadReserve) {

    /** Where GetMedia starts (PRODUCER_TIMESTAMP, the default, SERVER_TIMESTAMP or FRAGMENT_NUMBER). */
    public static final String KVS_START_SELECTOR = "KVS_START_SELECTOR";
    /** Overrides of the STANDARD capture policy, e.g. {@code targetSpeechMs=8000,windowMs=20000}. */
    public static final String CAPTURE_POLICY_STANDARD = "CAPTURE_POLICY_STANDARD";
    /** Overrides of the HIGH capture policy. */
    public static final String CAPTURE_POLICY_HIGH = "CAPTURE_POLICY_HIGH";
    /** Milliseconds of the function's time kept back for uploading (or cancelling) after capture. */
    public static final String UPLOAD_RESERVE_MS = "UPLOAD_RESERVE_MS";

    /**
     * Enough for a token fetch and a PUT of a 25 s WAV (400 KB at 8 kHz/16 bit) over the gateway's 1.5 s connect
     * timeout, with room to cancel instead when the upload fails.
     */
    public static final Duration DEFAULT_UPLOAD_RESERVE = Duration.ofSeconds(4);

    public CaptureSettings {
        policies = Map.copyOf(policies);
        for (AuthLevel level : AuthLevel.values()) {
            if (!policies.containsKey(level)) {
                throw new IllegalArgumentException("no capture policy for " + level);
            }
        }
    }

    public static CaptureSettings defaults() {
        return fromEnvironment(Map.of());
    }

    public static CaptureSettings fromEnvironment(Map<String, String> env) {
        Map<AuthLevel, CapturePolicy> policies = new EnumMap<>(AuthLevel.class);
        policies.put(AuthLevel.STANDARD, CapturePolicy.defaultFor(AuthLevel.STANDARD)
                .withOverrides(env.get(CAPTURE_POLICY_STANDARD)));
        policies.put(AuthLevel.HIGH, CapturePolicy.defaultFor(AuthLevel.HIGH)
                .withOverrides(env.get(CAPTURE_POLICY_HIGH)));
        String reserve = env.get(UPLOAD_RESERVE_MS);
        return new CaptureSettings(policies,
                StartSelectorChoice.parse(env.get(KVS_START_SELECTOR)),
                reserve == null || reserve.isBlank() ? DEFAULT_UPLOAD_RESERVE : Duration.ofMillis(Long.parseLong(reserve.trim())));
    }

    /** The policy for {@code level}; a request without a level is treated as STANDARD. */
    public CapturePolicy policyFor(AuthLevel level) {
        return policies.get(level == null ? AuthLevel.STANDARD : level);
    }

    public CaptureSettings withUploadReserve(long millis) {
        return new CaptureSettings(policies, startSelector, Duration.ofMillis(millis));
    }

    public CaptureSettings withStartSelector(StartSelectorChoice choice) {
        return new CaptureSettings(policies, choice, uploadReserve);
    }
}
