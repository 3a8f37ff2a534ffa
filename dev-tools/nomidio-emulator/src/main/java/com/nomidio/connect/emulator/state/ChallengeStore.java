package com.nomidio.connect.emulator.state;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.ChallengeResult;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.emulator.voice.SampleVerifier;
import com.nomidio.connect.emulator.voice.Verification;
import com.nomidio.connect.emulator.voice.Voiceprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Challenges and their lifecycle: PENDING until a sample is verified (PASSED/FAILED; HIGH also needs the
 * simulated face check), or TIMEOUT when cancelled or when the challenge lifetime runs out. Expiry is applied
 * whenever a challenge is looked at, and long-polls wake at the expiry instant, so no timer thread is needed.
 */
public final class ChallengeStore {

    private static final Logger LOG = LoggerFactory.getLogger(ChallengeStore.class);
    /** The reason a challenge that ran out of time reads TIMEOUT with. */
    public static final String EXPIRED = "EXPIRED";

    private static final class ChallengeRecord {
        final String id;
        final String nomidioId;
        final AuthLevel level;
        final Channel channel;
        final String contactId;
        final Voiceprint enrolled;
        final Instant createdAt;
        final Instant expiresAt;
        ChallengeStatus status = ChallengeStatus.PENDING;
        String reason;
        Instant completedAt;
        Integer sampleBytes;
        Instant sampleReceivedAt;
        Verification verification;
        String faceCheck;
        int resultReads;

        ChallengeRecord(String id, String nomidioId, AuthLevel level, Channel channel, String contactId,
                        Voiceprint enrolled, Instant createdAt, Instant expiresAt) {
            this.id = id;
            this.nomidioId = nomidioId;
            this.level = level;
            this.channel = channel;
            this.contactId = contactId;
            this.enrolled = enrolled;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
        }

        ChallengeResult result() {
            // Whose challenge it is travels with every result: the client checks it against the contact asking.
            // The voice part has passed and the face check is awaited: the flow asks the caller for it now.
            return new ChallengeResult(id, status, level, reason, nomidioId, contactId, null, null,
                    status == ChallengeStatus.PENDING && FACE_CHECK_AWAITED.equals(faceCheck));
        }
    }

    /** A HIGH challenge's face check while it is awaited (the voice part has passed). */
    private static final String FACE_CHECK_AWAITED = "PENDING";
    private final SampleVerifier verifier;
    private final EmulatorSettings settings;
    private final Clock clock;
    private final ExecutorService workers;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every change of any challenge; long-polls re-check their own. */
    private final Condition changed = lock.newCondition();
    private final Map<String, ChallengeRecord> challenges = new HashMap<>();
    private volatile BiConsumer<String, byte[]> sampleListener = (challengeId, wav) -> { };

    public ChallengeStore(SampleVerifier verifier, EmulatorSettings settings, Clock clock, ExecutorService workers) {
        this.verifier = verifier;
        this.settings = settings;
        this.clock = clock;
        this.workers = workers;
    }

    /** Told of every accepted sample (challenge id, WAV bytes) before it is verified. */
    public void onSample(BiConsumer<String, byte[]> listener) {
        this.sampleListener = listener;
    }

    /** A challenge just created: PENDING until {@code expiresAt}. */
    public record Created(String challengeId, AuthLevel level, Instant expiresAt) {
    }

    public Created create(String nomidioId, AuthLevel level, Channel channel, String contactId,
                                  Voiceprint enrolled) {
        Instant now = clock.instant();
        ChallengeRecord record = new ChallengeRecord("ch-" + UUID.randomUUID(), nomidioId, level, channel, contactId,
                enrolled, now, now.plus(settings.challengeLifetime()));
        lock.lock();
        try {
            challenges.put(record.id, record);
        } finally {
            lock.unlock();
        }
        LOG.atInfo().addKeyValue("challengeId", record.id).addKeyValue("authLevel", level).addKeyValue("channel", channel)
                .log("Challenge created");
        return new Created(record.id, level, record.expiresAt);
    }

    /** Takes the one sample a challenge accepts; verification runs in the background (the contract's 202). */
    public void acceptSample(String challengeId, byte[] wav) {
        ChallengeRecord record;
        lock.lock();
        try {
            record = get(challengeId);
            expireIfDue(record);
            if (record.channel == Channel.CHAT) {
                throw ApiException.invalidState("a CHAT challenge is answered in the Nomidio app, not with a voice sample");
            }
            if (record.status != ChallengeStatus.PENDING) {
                throw ApiException.invalidState("challenge is already " + record.status);
            }
            if (record.sampleBytes != null) {
                throw ApiException.invalidState("challenge already has a sample");
            }
            record.sampleBytes = wav.length;
            record.sampleReceivedAt = clock.instant();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.atInfo().addKeyValue("challengeId", challengeId).addKeyValue("bytes", wav.length).log("Sample received");
        sampleListener.accept(challengeId, wav);
        workers.execute(() -> verify(record, wav));
    }

    public ChallengeResult cancel(String challengeId, CancelReason reason) {
        return finish(challengeId, ChallengeStatus.TIMEOUT, reason.name());
    }

    /**
     * The result, waiting up to {@code wait} for it to leave PENDING; wakes as soon as it does, or as soon as a HIGH
     * challenge's voice part passes (the face check is then awaited, and the flow asks the caller for it).
     */
    public ChallengeResult awaitResult(String challengeId, Duration wait) {
        long waitUntil = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            ChallengeRecord record = get(challengeId);
            record.resultReads++;
            boolean faceCheckAwaitedAtStart = FACE_CHECK_AWAITED.equals(record.faceCheck);
            while (true) {
                expireIfDue(record);
                long left = waitUntil - System.nanoTime();
                boolean faceCheckNowAwaited = !faceCheckAwaitedAtStart && FACE_CHECK_AWAITED.equals(record.faceCheck);
                if (record.status.isFinal() || left <= 0 || faceCheckNowAwaited) {
                    return record.result();
                }
                long untilExpiry = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                        Duration.between(clock.instant(), record.expiresAt).toNanos());
                changed.awaitNanos(Math.min(left, untilExpiry));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVER_ERROR, "emulator is shutting down");
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code challengeId} is a PASSED HIGH challenge of {@code nomidioId} (what enrolment requires). */
    public boolean isPassedHighChallengeOf(String challengeId, String nomidioId) {
        lock.lock();
        try {
            ChallengeRecord record = challenges.get(challengeId);
            return record != null && record.nomidioId.equals(nomidioId) && record.level == AuthLevel.HIGH
                    && record.status == ChallengeStatus.PASSED;
        } finally {
            lock.unlock();
        }
    }

    /** The caller completed the challenge in the Nomidio app (chat), as the admin API scripts it. */
    public ChallengeResult completeInApp(String challengeId, ChallengeStatus outcome) {
        if (outcome != ChallengeStatus.PASSED && outcome != ChallengeStatus.FAILED) {
            throw ApiException.invalid("an app completes a challenge PASSED or FAILED");
        }
        return finish(challengeId, outcome, null);
    }

    /** Ends a challenge that is still PENDING (an expired one reads TIMEOUT first, so it is no longer pending). */
    private ChallengeResult finish(String challengeId, ChallengeStatus outcome, String reason) {
        lock.lock();
        try {
            ChallengeRecord record = get(challengeId);
            expireIfDue(record);
            if (record.status != ChallengeStatus.PENDING) {
                throw ApiException.invalidState("challenge is already " + record.status);
            }
            complete(record, outcome, reason);
            return record.result();
        } finally {
            lock.unlock();
        }
    }

    public Optional<ChallengeInspection> inspect(String challengeId) {
        lock.lock();
        try {
            ChallengeRecord r = challenges.get(challengeId);
            if (r == null) {
                return Optional.empty();
            }
            expireIfDue(r);
            return Optional.of(new ChallengeInspection(r.id, r.nomidioId, r.level, r.channel, r.contactId, r.status,
                    r.reason, r.createdAt, r.expiresAt, r.completedAt, r.sampleBytes, r.sampleReceivedAt,
                    r.verification, r.faceCheck, r.resultReads));
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            challenges.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void verify(ChallengeRecord record, byte[] wav) {
        try {
            pause(settings.verificationDelay());
            Verification verification = verifier.verify(wav, record.enrolled);
            LOG.atInfo().addKeyValue("challengeId", record.id).addKeyValue("verdict", verification.verdict())
                    .addKeyValue("score", verification.score()).addKeyValue("speechSeconds", verification.speechSeconds())
                    .log("Sample verified");
            FaceCheck faceCheck;
            lock.lock();
            try {
                record.verification = verification;
                if (record.status != ChallengeStatus.PENDING) {
                    return;
                }
                if (!verification.verdict().passed()) {
                    complete(record, ChallengeStatus.FAILED, null);
                    return;
                }
                if (record.level == AuthLevel.STANDARD) {
                    complete(record, ChallengeStatus.PASSED, null);
                    return;
                }
                faceCheck = settings.faceCheck();
                record.faceCheck = FACE_CHECK_AWAITED;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            pause(settings.faceCheckDelay());
            lock.lock();
            try {
                if (record.status != ChallengeStatus.PENDING || faceCheck == FaceCheck.NEVER) {
                    return;
                }
                boolean passed = faceCheck == FaceCheck.PASS;
                record.faceCheck = passed ? "PASSED" : "FAILED";
                complete(record, passed ? ChallengeStatus.PASSED : ChallengeStatus.FAILED, null);
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A verifier bug must not leave the challenge hanging until it expires.
            LOG.atError().addKeyValue("challengeId", record.id).setCause(e).log("Verifier failed");
            lock.lock();
            try {
                if (record.status == ChallengeStatus.PENDING) {
                    complete(record, ChallengeStatus.FAILED, null);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void expireIfDue(ChallengeRecord record) {
        if (record.status == ChallengeStatus.PENDING && !clock.instant().isBefore(record.expiresAt)) {
            complete(record, ChallengeStatus.TIMEOUT, EXPIRED);
        }
    }

    private void complete(ChallengeRecord record, ChallengeStatus status, String reason) {
        record.status = status;
        record.reason = reason;
        record.completedAt = clock.instant();
        changed.signalAll();
        LOG.atInfo().addKeyValue("challengeId", record.id).addKeyValue("status", status).addKeyValue("reason", reason)
                .log("Challenge completed");
    }

    private ChallengeRecord get(String challengeId) {
        ChallengeRecord record = challenges.get(challengeId);
        if (record == null) {
            throw ApiException.notFound("no such challenge");
        }
        return record;
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration);
        }
    }
}
