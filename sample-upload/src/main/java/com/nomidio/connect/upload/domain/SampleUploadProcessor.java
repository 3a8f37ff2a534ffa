package com.nomidio.connect.upload.domain;

import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.gateway.GatewayError;
import com.nomidio.connect.gateway.GatewayException;
import com.nomidio.connect.gateway.NomidioGateway;
import com.nomidio.connect.upload.domain.SampleUploadOutcome.Action;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sampleUpload: capture the caller's audio, then upload it to the challenge or cancel the challenge with a
 * reason. Whatever happens, the gateway is told (unless it cannot be reached), so the polling flow never waits for
 * a timeout.
 */
public final class SampleUploadProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SampleUploadProcessor.class);

    private final CallerAudioSource source;
    private final NomidioGateway gateway;
    private final CaptureSettings settings;
    private final Clock clock;

    public SampleUploadProcessor(CallerAudioSource source, NomidioGateway gateway, CaptureSettings settings, Clock clock) {
        this.source = source;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    public SampleUploadOutcome process(SampleUploadRequest request, Deadline deadline) {
        String problem = request == null ? "no request" : request.problem();
        if (problem != null) {
            LOG.error("Cannot capture a sample, the request is incomplete [problem={}]", problem);
            if (request != null && request.challengeId() != null && !request.challengeId().isBlank()) {
                return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, problem, null, deadline);
            }
            return new SampleUploadOutcome(Action.FAILED, null, null, 0, 0, problem);
        }
        CapturePolicy policy = settings.policyFor(request.level());
        long started = System.nanoTime();
        CaptureResult result;
        try {
            result = source.capture(request, policy, deadline.minus(settings.uploadReserve()));
        } catch (RuntimeException e) {
            LOG.error("Capture failed unexpectedly [challengeId={}] [error={}]", request.challengeId(), e.toString(), e);
            return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, "capture failed: " + e.getClass().getSimpleName(),
                    null, deadline);
        }
        LOG.info("Capture finished [challengeId={}] [level={}] [stopReason={}] [speechMs={}] [audioMs={}] [format={}] "
                        + "[fragmentsKept={}] [fragmentsSkipped={}] [lastFragment={}] [captureMs={}] [sinceRequestMs={}] "
                        + "[detail={}]",
                request.challengeId(), request.level(), result.stopReason(), result.speechMillis(), result.audioMillis(),
                result.format(), result.fragmentsKept(), result.fragmentsSkipped(), result.lastFragmentNumber(),
                (System.nanoTime() - started) / 1_000_000, clock.millis() - request.requestedAtMillis(), result.detail());
        SampleDecision decision = SampleDecision.decide(result, policy);
        if (decision.upload()) {
            return upload(request, result, deadline);
        }
        return cancel(request.challengeId(), decision.cancelReason(), decision.explanation(), result, deadline);
    }

    private SampleUploadOutcome upload(SampleUploadRequest request, CaptureResult result, Deadline deadline) {
        long started = System.nanoTime();
        try {
            gateway.uploadSample(request.challengeId(), result.wav(), deadline);
            LOG.info("Uploaded the sample [challengeId={}] [bytes={}] [speechMs={}] [uploadMs={}]",
                    request.challengeId(), result.wav().length, result.speechMillis(),
                    (System.nanoTime() - started) / 1_000_000);
            return new SampleUploadOutcome(Action.UPLOADED, null, result.stopReason(), result.samples(),
                    result.speechMillis(), "uploaded " + result.wav().length + " bytes");
        } catch (GatewayException e) {
            LOG.error("Upload failed [challengeId={}] [error={}] [message={}]", request.challengeId(), e.error(), e.getMessage());
            if (e.error() == GatewayError.INVALID_STATE || e.error() == GatewayError.NOT_FOUND) {
                // The challenge is no longer waiting for a sample: nothing to cancel.
                return new SampleUploadOutcome(Action.FAILED, null, result.stopReason(), result.samples(),
                        result.speechMillis(), "upload refused: " + e.error());
            }
            return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, "upload failed: " + e.error(), result, deadline);
        }
    }

    private SampleUploadOutcome cancel(String challengeId, CancelReason reason, String explanation, CaptureResult result,
            Deadline deadline) {
        StopReason stop = result == null ? null : result.stopReason();
        long samples = result == null ? 0 : result.samples();
        long speech = result == null ? 0 : result.speechMillis();
        try {
            gateway.cancelChallenge(challengeId, reason, deadline);
            LOG.warn("Cancelled the challenge [challengeId={}] [reason={}] [explanation={}]", challengeId, reason, explanation);
            return new SampleUploadOutcome(Action.CANCELLED, reason, stop, samples, speech, explanation);
        } catch (GatewayException e) {
            LOG.error("Could not cancel the challenge [challengeId={}] [reason={}] [error={}] [message={}]",
                    challengeId, reason, e.error(), e.getMessage());
            return new SampleUploadOutcome(Action.FAILED, reason, stop, samples, speech, "cancel failed: " + e.error());
        }
    }

    /** Last resort for the handler: something escaped {@link #process}. Tells the gateway if it can. */
    public SampleUploadOutcome cancelAfterUnexpected(SampleUploadRequest request, Throwable error, Deadline deadline) {
        LOG.error("Unexpected failure [error={}]", error.toString(), error);
        if (request == null || request.challengeId() == null || request.challengeId().isBlank()) {
            return new SampleUploadOutcome(Action.FAILED, null, null, 0, 0, error.getClass().getSimpleName());
        }
        return cancel(request.challengeId(), CancelReason.INTERNAL_ERROR, error.getClass().getSimpleName(), null, deadline);
    }
}
