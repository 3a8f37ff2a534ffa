package com.nomidio.connect.upload.domain;

import com.nomidio.connect.domain.AuthLevel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The capture policies per level, the start selector, the time kept for the upload, how long before the request
 * audio may begin and the largest fragment buffered, from the environment.
 */
public record CaptureSettings(Map<AuthLevel, CapturePolicy> policies, StartSelectorChoice startSelector,
        Duration uploadReserve, Duration requestSlack, int maxFragmentBytes) {

    /** Where GetMedia starts (PRODUCER_TIMESTAMP, the default, SERVER_TIMESTAMP or FRAGMENT_NUMBER). */
    public static final String KVS_START_SELECTOR = "KVS_START_SELECTOR";
    /** Overrides of the STANDARD capture policy, e.g. {@code targetSpeechMs=8000,windowMs=20000,endSilenceMs=700}. */
    public static final String CAPTURE_POLICY_STANDARD = "CAPTURE_POLICY_STANDARD";
    /** Overrides of the HIGH capture policy. */
    public static final String CAPTURE_POLICY_HIGH = "CAPTURE_POLICY_HIGH";
    /** Milliseconds of the function's time kept back for uploading (or cancelling) after capture. */
    public static final String UPLOAD_RESERVE_MS = "UPLOAD_RESERVE_MS";
    /** Milliseconds before the request's {@code requestedAtMillis} from which caller audio may be kept. */
    public static final String REQUEST_SLACK_MS = "REQUEST_SLACK_MS";
    /** The most bytes of caller audio one fragment may hold; a larger fragment is dropped, never sent. */
    public static final String MAX_FRAGMENT_BYTES = "MAX_FRAGMENT_BYTES";

    /**
     * Enough for a token fetch and a PUT of a 25 s WAV (400 KB at 8 kHz/16 bit) over the gateway's 1.5 s connect
     * timeout, with room to cancel instead when the upload fails.
     */
    public static final Duration DEFAULT_UPLOAD_RESERVE = Duration.ofSeconds(4);
    /**
     * nomidioAction stamps the request with its own clock, the stream carries Connect's producer clock: both are
     * NTP-disciplined AWS hosts, so half a second covers their skew and the instant between the prompt's end and
     * the Lambda call, without admitting a sentence said before the question.
     */
    public static final Duration DEFAULT_REQUEST_SLACK = Duration.ofMillis(500);
    /**
     * 1 MiB: Connect's fragments hold 1-4 s of 8 kHz 16-bit mono audio (16-64 KB); KVS allows fragments of up to
     * 10 s, which at 48 kHz 16-bit is under 1 MB. Anything larger is not a Connect fragment to buffer whole.
     */
    public static final int DEFAULT_MAX_FRAGMENT_BYTES = 1 << 20;

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
        return new CaptureSettings(policies,
                StartSelectorChoice.parse(env.get(KVS_START_SELECTOR)),
                millis(env, UPLOAD_RESERVE_MS, DEFAULT_UPLOAD_RESERVE),
                millis(env, REQUEST_SLACK_MS, DEFAULT_REQUEST_SLACK),
                (int) number(env, MAX_FRAGMENT_BYTES, DEFAULT_MAX_FRAGMENT_BYTES));
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        return Duration.ofMillis(number(env, name, fallback.toMillis()));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0 || number > Integer.MAX_VALUE) {
                throw new NumberFormatException("out of range");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration " + name + " must be a whole number of 0 or more");
        }
    }

    /**
     * The earliest producer time whose caller audio may be kept: the contact's stream start, or, when the request
     * says when it was made, that instant less the slack (streaming may have begun long before this challenge).
     */
    public Long notBeforeMillis(Long streamStartMillis, long requestedAtMillis) {
        if (requestedAtMillis <= 0) {
            return streamStartMillis;
        }
        long requested = requestedAtMillis - requestSlack.toMillis();
        return streamStartMillis == null ? Long.valueOf(requested) : Long.valueOf(Math.max(streamStartMillis, requested));
    }

    /** The policy for {@code level}; a request without a level is treated as STANDARD. */
    public CapturePolicy policyFor(AuthLevel level) {
        return policies.get(level == null ? AuthLevel.STANDARD : level);
    }

    public CaptureSettings withUploadReserve(long millis) {
        return new CaptureSettings(policies, startSelector, Duration.ofMillis(millis), requestSlack, maxFragmentBytes);
    }

    public CaptureSettings withStartSelector(StartSelectorChoice choice) {
        return new CaptureSettings(policies, choice, uploadReserve, requestSlack, maxFragmentBytes);
    }
}
