package com.nomidio.connect.upload.adapters;

import com.amazonaws.kinesisvideo.parser.mkv.MkvElementVisitException;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.upload.domain.CallerAudioCapture;
import com.nomidio.connect.upload.domain.CallerAudioSource;
import com.nomidio.connect.upload.domain.CaptureResult;
import com.nomidio.connect.upload.domain.CapturePolicy;
import com.nomidio.connect.upload.domain.CaptureSettings;
import com.nomidio.connect.upload.domain.StopReason;
import com.nomidio.connect.upload.domain.UnsupportedAudioException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClient;
import software.amazon.awssdk.services.kinesisvideomedia.model.GetMediaResponse;
import software.amazon.awssdk.services.kinesisvideomedia.model.StartSelector;

/**
 * The caller's audio from Kinesis Video Streams: GetDataEndpoint(GET_MEDIA), then GetMedia on that endpoint, read
 * as it streams. Both calls carry an API-call timeout of the capture time left (a slow or silent endpoint cannot
 * hold the function past its deadline), and the response is read on a thread of its own that the function stops
 * waiting for at the capture deadline (then aborts the response), since a live stream never ends by itself.
 */
public final class KvsCallerAudioSource implements CallerAudioSource {

    private static final Logger LOG = LoggerFactory.getLogger(KvsCallerAudioSource.class);

    private final KinesisVideoClient kinesisVideo;
    private final Function<String, KinesisVideoMediaClient> mediaClients;
    private final CaptureSettings settings;
    private final KvsMkvReader reader = new KvsMkvReader();

    /**
     * @param mediaClients a (cached) media client for a data endpoint URL
     * @param settings     the start selector, the request slack and the fragment cap
     */
    public KvsCallerAudioSource(KinesisVideoClient kinesisVideo, Function<String, KinesisVideoMediaClient> mediaClients,
            CaptureSettings settings) {
        this.kinesisVideo = kinesisVideo;
        this.mediaClients = mediaClients;
        this.settings = settings;
    }

    @Override
    public CaptureResult capture(SampleUploadRequest request, CapturePolicy policy, Deadline deadline) {
        if (deadline.isExpired()) {
            return CaptureResult.failed(StopReason.TIME_BUDGET, "no time left to read the stream");
        }
        Long notBefore = settings.notBeforeMillis(request.startTimestampMillis(), request.requestedAtMillis());
        StartSelector start = StartSelectors.forRequest(request, settings.startSelector(), notBefore);
        ResponseInputStream<GetMediaResponse> media;
        long started = System.nanoTime();
        try {
            String endpoint = kinesisVideo.getDataEndpoint(r -> r.streamARN(request.streamArn()).apiName(APIName.GET_MEDIA)
                    .overrideConfiguration(o -> o.apiCallTimeout(timeLeft(deadline)))).dataEndpoint();
            media = mediaClients.apply(endpoint).getMedia(r -> r.streamARN(request.streamArn()).startSelector(start)
                    .overrideConfiguration(o -> o.apiCallTimeout(timeLeft(deadline))));
        } catch (SdkException e) {
            LOG.atError().addKeyValue("streamArn", request.streamArn())
                    .addKeyValue("startSelector", start.startSelectorTypeAsString())
                    .addKeyValue("exception", e.toString()).log("Cannot open the contact's media stream");
            return CaptureResult.failed(StopReason.STREAM_FAULT, "GetMedia failed: " + e.getClass().getSimpleName());
        }
        LOG.atInfo().addKeyValue("streamArn", request.streamArn()).addKeyValue("startSelector", start)
                .addKeyValue("openMs", (System.nanoTime() - started) / 1_000_000).log("Reading the contact's media stream");
        CallerAudioCapture capture = new CallerAudioCapture(request.contactId(), policy, notBefore,
                settings.maxFragmentBytes());
        AtomicBoolean timedOut = new AtomicBoolean();
        // The stream is read on a thread of its own, and this one waits for it until the deadline: a blocked socket
        // read does not always end when the response is aborted (it may wait out the socket timeout), and the
        // upload reserve must not wait with it.
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Thread readerThread = Thread.ofVirtual().name("getmedia-reader").start(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            read(media, capture, timedOut, deadline);
        });
        boolean finished;
        try {
            finished = readerThread.join(deadline.remaining().plusMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (finished) {
            // A live GetMedia response never ends: abort rather than drain it.
            media.abort();
            closeQuietly(media);
        } else {
            timedOut.set(true);
            LOG.info("Capture time budget spent, closing the media stream");
            capture.timeBudgetExhausted();
            // Aborting and closing may block as long as the stuck read (up to the socket timeout): not on this thread.
            Thread.ofVirtual().name("getmedia-close").start(() -> {
                media.abort();
                closeQuietly(media);
            });
        }
        return capture.result();
    }

    private void read(ResponseInputStream<GetMediaResponse> media, CallerAudioCapture capture, AtomicBoolean timedOut,
            Deadline deadline) {
        try {
            reader.read(media, capture, timedOut::get);
        } catch (UnsupportedAudioException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("The caller track is not audio this function can use");
            capture.fault("unsupported caller audio: " + e.getMessage());
        } catch (MkvElementVisitException | RuntimeException e) {
            // Closed at the deadline (by this function or the SDK's own API-call timeout): not a fault.
            if (timedOut.get() || deadline.isExpired()) {
                capture.timeBudgetExhausted();
            } else {
                LOG.atWarn().addKeyValue("exception", e.toString()).log("The media stream broke off");
                capture.fault("stream read failed: " + e.getClass().getSimpleName());
            }
        }
    }

    /** At least a millisecond: the SDK refuses a zero timeout, and an expired deadline then fails the call at once. */
    private static Duration timeLeft(Deadline deadline) {
        return Duration.ofMillis(Math.max(1, deadline.remaining().toMillis()));
    }

    private static void closeQuietly(ResponseInputStream<GetMediaResponse> media) {
        try {
            media.close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.atDebug().addKeyValue("exception", e.toString()).log("Closing the aborted media stream");
        }
    }
}
