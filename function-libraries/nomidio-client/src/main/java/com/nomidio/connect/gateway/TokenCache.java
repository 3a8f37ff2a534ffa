package com.nomidio.connect.gateway;

import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.snapstart.SnapshotSensitive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The client-credentials token, kept across warm invocations until shortly before it expires. Uses wall-clock
 * time, not nanoTime, because a SnapStart restore may happen long after the snapshot was taken. Tracked as
 * {@link SnapshotSensitive}: a token never goes into a snapshot, and each restored environment gets its own.
 */
final class TokenCache implements SnapshotSensitive {

    /** Refresh this long before the gateway's expiry, so a token never expires in flight. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    record Token(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "Token[lifetime=" + lifetime + "]";
        }
    }

    private final Clock clock;
    private String value;
    private Instant refreshAt = Instant.MIN;

    TokenCache(Clock clock) {
        this.clock = clock;
        SnapStartPriming.track(this);
    }

    synchronized String get(Supplier<Token> fetch) {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(refreshAt)) {
            Token token = fetch.get();
            Duration margin = token.lifetime().compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0
                    ? REFRESH_MARGIN
                    : token.lifetime().dividedBy(2);
            value = token.value();
            refreshAt = now.plus(token.lifetime()).minus(margin);
        }
        return value;
    }

    /** Drops {@code rejected} if it is still the cached token. */
    synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(value)) {
            value = null;
        }
    }

    @Override
    public synchronized void forget() {
        value = null;
        refreshAt = Instant.MIN;
    }
}
