package com.nomidio.connect.upload.domain;

import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.gateway.GatewayError;
import com.nomidio.connect.gateway.GatewayException;
import com.nomidio.connect.gateway.NomidioGateway;
import com.nomidio.connect.upload.domain.SampleUploadOutcome.Action;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sampleUpload: make sure the gateway credentials are usable, capture the caller's audio, then upload it to the
 * challenge or cancel the challenge with a reason. Whatever happens, the gateway is told (unless it cannot be
 * reached, or the credentials to reach it cannot be decrypted), so the polling flow never waits for a timeout.
 */
public final class SampleUploadProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SampleUploadProcessor.class);
    /**
     * Kept back from the upload for a cancel when the upload fails or hangs: a token is cached by then, so a
     * cancel is one small POST over the gateway client's 1.5 s connect timeout.
     */
    static final Duration CANCEL_RESERVE = Duration.ofMillis(1500);

    private final CallerAudioSource source;
    private final NomidioGateway gateway;
    private final Supplier<String> accessKeySecret;
    private final CaptureSettings settings;
    private final Clock clock;

    /**
     * @param accessKeySecret the gateway's access key secret (the gateway client's own supplier): asked for once
     *                        before capture, so that a KMS failure is known before the caller's audio is read and
     *                        never eats the time kept for the upload
     */
    public SampleUploadProcessor(CallerAudioSource source, NomidioGateway gateway, Supplier<String> accessKeySecret,
            CaptureSettings settings, Clock clock) {
        this.source = source;
        this.gateway = gateway;
        this.accessKeySecret = accessKeySecret;
        this.settings = settings;
        this.clock = clock;
    }

    public SampleUploadOutcome process(SampleUploadRequest request, Deadline deadline) {
        String problem = request == null ? "no request" : request.problem();
        if (problem != null) {
            LOG.atError().addKeyValue("problem", problem).log("Cannot capture a sample, the request is incomplete");
            if (request != null && request.challengeId() != null && !request.challengeId().isBlank()) {
                return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, problem, null, deadline);
            }
            return new SampleUploadOutcome(Action.FAILED, null, null, 0, 0, problem);
        }
        String unusable = secretProblem();
        if (unusable != null) {
            // Without the secret there is no token, so no cancel either: the gateway ends the challenge at its own
            // expiry, and the flow's polling at its own limit. Say loudly which challenge was left waiting.
            LOG.atError().addKeyValue("challengeId", request.challengeId()).addKeyValue("problem", unusable)
                    .log("Cannot tell the gateway anything: the access key secret is unavailable; the challenge ends at its expiry");
            return new SampleUploadOutcome(Action.FAILED, null, null, 0, 0, "access key secret unavailable: " + unusable);
        }
        CapturePolicy policy = settings.policyFor(request.level());
        long started = System.nanoTime();
        CaptureResult result;
        try {
            result = source.capture(request, policy, deadline.minus(settings.uploadReserve()));
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("challengeId", request.challengeId()).setCause(e).log("Capture failed unexpectedly");
            return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, "capture failed: " + e.getClass().getSimpleName(),
                    null, deadline);
        }
        LOG.atInfo().addKeyValue("challengeId", request.challengeId()).addKeyValue("authLevel", request.level())
                .addKeyValue("stopReason", result.stopReason()).addKeyValue("speechMs", result.speechMillis())
                .addKeyValue("audioMs", result.audioMillis()).addKeyValue("format", result.format())
                .addKeyValue("fragmentsKept", result.fragmentsKept()).addKeyValue("fragmentsSkipped", result.fragmentsSkipped())
                .addKeyValue("lastFragmentNumber", result.lastFragmentNumber())
                .addKeyValue("captureMs", (System.nanoTime() - started) / 1_000_000)
                .addKeyValue("sinceRequestMs", clock.millis() - request.requestedAtMillis())
                .addKeyValue("detail", result.detail()).log("Capture finished");
        SampleDecision decision = SampleDecision.decide(result, policy);
        if (decision.upload()) {
            return upload(request, result, deadline);
        }
        return cancel(request.challengeId(), decision.cancelReason(), decision.explanation(), result, deadline);
    }

    private SampleUploadOutcome upload(SampleUploadRequest request, CaptureResult result, Deadline deadline) {
        long started = System.nanoTime();
        try {
            gateway.uploadSample(request.challengeId(), result.wav(), deadline.minus(CANCEL_RESERVE));
            LOG.atInfo().addKeyValue("challengeId", request.challengeId()).addKeyValue("bytes", result.wav().length)
                    .addKeyValue("speechMs", result.speechMillis())
                    .addKeyValue("uploadMs", (System.nanoTime() - started) / 1_000_000).log("Uploaded the sample");
            return new SampleUploadOutcome(Action.UPLOADED, null, result.stopReason(), result.samples(),
                    result.speechMillis(), "uploaded " + result.wav().length + " bytes");
        } catch (GatewayException e) {
            LOG.atError().addKeyValue("challengeId", request.challengeId()).addKeyValue("error", e.error())
                    .addKeyValue("detail", e.getMessage()).log("Upload failed");
            if (e.error() == GatewayError.INVALID_STATE || e.error() == GatewayError.NOT_FOUND) {
                // The challenge is no longer waiting for a sample: nothing to cancel.
                return new SampleUploadOutcome(Action.FAILED, null, result.stopReason(), result.samples(),
                        result.speechMillis(), "upload refused: " + e.error());
            }
            return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, "upload failed: " + e.error(), result, deadline);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("challengeId", request.challengeId()).setCause(e).log("Upload failed unexpectedly");
            return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, "upload failed: " + e.getClass().getSimpleName(),
                    result, deadline);
        }
    }

    private SampleUploadOutcome cancel(String challengeId, CancelReason reason, String explanation, CaptureResult result,
            Deadline deadline) {
        StopReason stop = result == null ? null : result.stopReason();
        long samples = result == null ? 0 : result.samples();
        long speech = result == null ? 0 : result.speechMillis();
        try {
            gateway.cancelChallenge(challengeId, reason, deadline);
            LOG.atWarn().addKeyValue("challengeId", challengeId).addKeyValue("reason", reason)
                    .addKeyValue("explanation", explanation).log("Cancelled the challenge");
            return new SampleUploadOutcome(Action.CANCELLED, reason, stop, samples, speech, explanation);
        } catch (GatewayException e) {
            LOG.atError().addKeyValue("challengeId", challengeId).addKeyValue("reason", reason)
                    .addKeyValue("error", e.error()).addKeyValue("detail", e.getMessage()).log("Could not cancel the challenge");
            return new SampleUploadOutcome(Action.FAILED, reason, stop, samples, speech, "cancel failed: " + e.error());
        } catch (RuntimeException e) {
            // e.g. an SdkException from KMS through the gateway client's secret supplier: never out of the handler.
            LOG.atError().addKeyValue("challengeId", challengeId).addKeyValue("reason", reason).setCause(e)
                    .log("Could not cancel the challenge");
            return new SampleUploadOutcome(Action.FAILED, reason, stop, samples, speech,
                    "cancel failed: " + e.getClass().getSimpleName());
        }
    }

    /** Null when the secret is at hand (decrypted now, or earlier in this container), else why not. */
    private String secretProblem() {
        try {
            String secret = accessKeySecret.get();
            return secret == null || secret.isEmpty() ? "empty secret" : null;
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("exception", e.getClass().getName()).log("Could not decrypt the access key secret");
            return e.getClass().getSimpleName();
        }
    }

    /** Last resort for the handler: something escaped {@link #process}. Tells the gateway if it can. */
    public SampleUploadOutcome cancelAfterUnexpected(SampleUploadRequest request, Throwable error, Deadline deadline) {
        LOG.atError().setCause(error).log("Unexpected failure");
        if (request == null || request.challengeId() == null || request.challengeId().isBlank()) {
            return new SampleUploadOutcome(Action.FAILED, null, null, 0, 0, error.getClass().getSimpleName());
        }
        return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, error.getClass().getSimpleName(), null, deadline);
    }
}
