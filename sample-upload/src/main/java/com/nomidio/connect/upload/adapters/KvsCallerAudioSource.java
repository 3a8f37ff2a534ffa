package com.nomidio.connect.upload.adapters;

import com.amazonaws.kinesisvideo.parser.mkv.MkvElementVisitException;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.upload.domain.CallerAudioCapture;
import com.nomidio.connect.upload.domain.CallerAudioSource;
import com.nomidio.connect.upload.domain.CaptureResult;
import com.nomidio.connect.upload.domain.CapturePolicy;
import com.nomidio.connect.upload.domain.StartSelectorChoice;
import com.nomidio.connect.upload.domain.StopReason;
import com.nomidio.connect.upload.domain.UnsupportedAudioException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClient;
import software.amazon.awssdk.services.kinesisvideomedia.model.GetMediaResponse;
import software.amazon.awssdk.services.kinesisvideomedia.model.StartSelector;

/**
 * The caller's audio from Kinesis Video Streams: GetDataEndpoint(GET_MEDIA), then GetMedia on that endpoint, read
 * as it streams. A watchdog aborts the response at the capture deadline, since a live stream never ends by itself.
 */
public final class KvsCallerAudioSource implements CallerAudioSource {

    private static final Logger LOG = LoggerFactory.getLogger(KvsCallerAudioSource.class);

    private final KinesisVideoClient kinesisVideo;
    private final Function<String, KinesisVideoMediaClient> mediaClients;
    private final StartSelectorChoice preferredStart;
    private final KvsMkvReader reader = new KvsMkvReader();

    /**
     * @param mediaClients a (cached) media client for a data endpoint URL
     */
    public KvsCallerAudioSource(KinesisVideoClient kinesisVideo, Function<String, KinesisVideoMediaClient> mediaClients,
            StartSelectorChoice preferredStart) {
        this.kinesisVideo = kinesisVideo;
        this.mediaClients = mediaClients;
        this.preferredStart = preferredStart;
    }

    @Override
    public CaptureResult capture(SampleUploadRequest request, CapturePolicy policy, Deadline deadline) {
        if (deadline.isExpired()) {
            return CaptureResult.failed(StopReason.TIME_BUDGET, "no time left to read the stream");
        }
        StartSelector start = StartSelectors.forRequest(request, preferredStart);
        ResponseInputStream<GetMediaResponse> media;
        long started = System.nanoTime();
        try {
            String endpoint = kinesisVideo.getDataEndpoint(r -> r.streamARN(request.streamArn()).apiName(APIName.GET_MEDIA))
                    .dataEndpoint();
            media = mediaClients.apply(endpoint).getMedia(r -> r.streamARN(request.streamArn()).startSelector(start));
        } catch (SdkException e) {
            LOG.atError().addKeyValue("streamArn", request.streamArn())
                    .addKeyValue("startSelector", start.startSelectorTypeAsString())
                    .addKeyValue("exception", e.toString()).log("Cannot open the contact's media stream");
            return CaptureResult.failed(StopReason.STREAM_FAULT, "GetMedia failed: " + e.getClass().getSimpleName());
        }
        LOG.atInfo().addKeyValue("streamArn", request.streamArn()).addKeyValue("startSelector", start)
                .addKeyValue("openMs", (System.nanoTime() - started) / 1_000_000).log("Reading the contact's media stream");
        CallerAudioCapture capture = new CallerAudioCapture(request.contactId(), policy, request.startTimestampMillis());
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("getmedia-watchdog").start(() -> abortAt(deadline, media, timedOut));
        try {
            reader.read(media, capture, timedOut::get);
        } catch (UnsupportedAudioException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("The caller track is not audio this function can use");
            capture.fault("unsupported caller audio: " + e.getMessage());
        } catch (MkvElementVisitException | RuntimeException e) {
            if (timedOut.get()) {
                capture.timeBudgetExhausted();
            } else {
                LOG.atWarn().addKeyValue("exception", e.toString()).log("The media stream broke off");
                capture.fault("stream read failed: " + e.getClass().getSimpleName());
            }
        } finally {
            watchdog.interrupt();
            // A live GetMedia response never ends: abort rather than drain it.
            media.abort();
            closeQuietly(media);
        }
        return capture.result();
    }

    private static void abortAt(Deadline deadline, ResponseInputStream<GetMediaResponse> media, AtomicBoolean timedOut) {
        try {
            Duration left = deadline.remaining();
            if (!left.isZero()) {
                Thread.sleep(left);
            }
            timedOut.set(true);
            LOG.info("Capture time budget spent, closing the media stream");
            media.abort();
        } catch (InterruptedException e) {
            // capture finished first
        }
    }

    private static void closeQuietly(ResponseInputStream<GetMediaResponse> media) {
        try {
            media.close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.atDebug().addKeyValue("exception", e.toString()).log("Closing the aborted media stream");
        }
    }
}
