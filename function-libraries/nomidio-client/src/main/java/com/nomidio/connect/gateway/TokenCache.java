package com.nomidio.connect.gateway;

import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.snapstart.SnapshotSensitive;
import com.nomidio.connect.time.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The client-credentials token, kept across warm invocations until shortly before it expires. Uses wall-clock
 * time, not nanoTime, because a SnapStart restore may happen long after the snapshot was taken. Tracked as
 * {@link SnapshotSensitive}: a token never goes into a snapshot, and each restored environment gets its own,
 * fetched in the background right after the restore ({@link #refill()}).
 *
 * <p>A lock rather than {@code synchronized}: an invocation that finds a refill fetching the token waits for it
 * only until its own deadline (and then answers as for a gateway too slow to answer), never for as long as the
 * refill's KMS and gateway calls may take.
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
    /** How {@link #refill()} fetches a token (the secret decrypted on the way), on a deadline of its own. */
    private final Supplier<Token> refillFetch;
    private final ReentrantLock lock = new ReentrantLock();
    private String value;
    private Instant refreshAt = Instant.MIN;

    TokenCache(Clock clock, Supplier<Token> refillFetch) {
        this.clock = clock;
        this.refillFetch = refillFetch;
        SnapStartPriming.track(this);
    }

    /**
     * The cached token, or one {@code fetch} gets when there is none or it is due for refresh. Waits for a fetch in
     * flight (a refill's) at most until {@code deadline}, then gives up as a gateway that did not answer in time.
     */
    String get(Deadline deadline, Supplier<Token> fetch) {
        acquire(deadline);
        try {
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
        } finally {
            lock.unlock();
        }
    }

    /** Drops {@code rejected} if it is still the cached token. */
    void invalidate(String rejected) {
        lock.lock();
        try {
            if (rejected != null && rejected.equals(value)) {
                value = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void forget() {
        lock.lock();
        try {
            value = null;
            refreshAt = Instant.MIN;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches a token now unless one is held (an invocation may have been quicker). The fetch decrypts the secret on
     * its way, under this lock, so an invocation has a single place to wait for both, bounded by its deadline.
     */
    @Override
    public void refill() {
        get(Deadline.after(HttpNomidioGateway.REFILL_BUDGET), refillFetch);
    }

    private void acquire(Deadline deadline) {
        try {
            if (!lock.tryLock(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new GatewayException(GatewayError.DEADLINE_EXCEEDED, "issueToken",
                        "the token request in flight did not finish within the deadline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayError.UNAVAILABLE, "issueToken", "interrupted", e);
        }
    }
}
