package com.nomidio.connect.emulator.state;

import java.time.Duration;
import java.util.Objects;

/** What tests and the admin API may change while the emulator runs. */
public final class EmulatorSettings {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    public static final Duration DEFAULT_CHALLENGE_LIFETIME = Duration.ofSeconds(120);
    public static final Duration DEFAULT_VERIFICATION_DELAY = Duration.ofMillis(300);
    public static final Duration DEFAULT_FACE_CHECK_DELAY = Duration.ofMillis(500);

    private volatile boolean freeTrialLimitReached;
    private volatile FaceCheck faceCheck = FaceCheck.PASS;
    private volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private volatile Duration challengeLifetime = DEFAULT_CHALLENGE_LIFETIME;
    private volatile Duration verificationDelay = DEFAULT_VERIFICATION_DELAY;
    private volatile Duration faceCheckDelay = DEFAULT_FACE_CHECK_DELAY;

    /** The enterprise has used up its free trial: identify, invite and createChallenge answer 402 FREE_TRIAL_LIMIT. */
    public boolean freeTrialLimitReached() {
        return freeTrialLimitReached;
    }

    public EmulatorSettings freeTrialLimitReached(boolean reached) {
        this.freeTrialLimitReached = reached;
        return this;
    }

    public FaceCheck faceCheck() {
        return faceCheck;
    }

    public EmulatorSettings faceCheck(FaceCheck outcome) {
        this.faceCheck = Objects.requireNonNull(outcome, "faceCheck");
        return this;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public EmulatorSettings tokenLifetime(Duration lifetime) {
        this.tokenLifetime = positive(lifetime, "tokenLifetime");
        return this;
    }

    public Duration challengeLifetime() {
        return challengeLifetime;
    }

    public EmulatorSettings challengeLifetime(Duration lifetime) {
        this.challengeLifetime = positive(lifetime, "challengeLifetime");
        return this;
    }

    /** How long verifying a sample takes, so that long-polls see PENDING turn final as they would for real. */
    public Duration verificationDelay() {
        return verificationDelay;
    }

    public EmulatorSettings verificationDelay(Duration delay) {
        this.verificationDelay = notNegative(delay, "verificationDelay");
        return this;
    }

    public Duration faceCheckDelay() {
        return faceCheckDelay;
    }

    public EmulatorSettings faceCheckDelay(Duration delay) {
        this.faceCheckDelay = notNegative(delay, "faceCheckDelay");
        return this;
    }

    /** A copy, to go back to with {@link #restore}. */
    public EmulatorSettings snapshot() {
        return new EmulatorSettings().restore(this);
    }

    /** Takes every value from {@code other}. */
    public EmulatorSettings restore(EmulatorSettings other) {
        this.freeTrialLimitReached = other.freeTrialLimitReached;
        this.faceCheck = other.faceCheck;
        this.tokenLifetime = other.tokenLifetime;
        this.challengeLifetime = other.challengeLifetime;
        this.verificationDelay = other.verificationDelay;
        this.faceCheckDelay = other.faceCheckDelay;
        return this;
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    private static Duration notNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }
}
