package com.nomidio.connect.upload.domain;

import com.nomidio.connect.upload.adapters.ConnectStreams;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events of a KVS GetMedia stream (fragments, their tags, the caller track's frames) into the caller's
 * sample, applying the stop rules of a {@link CapturePolicy}.
 *
 * <p>"Never another contact's audio": in GetMedia output Connect's {@code ContactId} tag is not guaranteed to come
 * before the frames it describes. KVS stores the producer's per-fragment tags after the fragment's cluster (and
 * before it only in the first fragment of a producer session), so a reader that trusts the last tag seen would take
 * a new contact's first fragment for the old contact's. Here a fragment's caller frames are therefore only
 * <em>buffered</em>; they join the sample when the fragment is complete (GetMedia's trailing
 * MILLIS_BEHIND_NOW/CONTINUATION_TOKEN tags, the segment's end, or a clean end of stream) and every
 * {@code ContactId} tag in it, leading or trailing, names this contact. A fragment with no {@code ContactId}, or
 * with another, is never kept. Frames stamped before the earliest allowed instant (the contact's own start time,
 * or when the challenge was requested less a slack: streaming may have begun long before the question) are dropped
 * as well, which also covers a producer that writes a fragment's tags at the end of the fragment before it; so are
 * frames whose producer time is unknown, since nothing then proves they came after the question. A fragment whose
 * caller audio outgrows {@code maxFragmentBytes} is dropped whole, never sent (it is not a Connect fragment, and
 * buffering it would let the stream decide how much memory the function uses).
 *
 * <p>End-pointing looks ahead. GetMedia relays a fragment's frames as they arrive, before the fragment (and its
 * trailing {@code ContactId}) is complete, so the capture also runs the frames of the fragment being read through a
 * copy of its voice-activity state. When the kept audio already holds the minimum speech and those unproven frames
 * hold no speech, only the end silence, the caller has stopped: the capture stops there, without waiting up to a
 * fragment for the tags, and the unproven frames are dropped like any pending ones. They only ever decide when to
 * stop, never what is sent; a fragment with speech in it is still kept or refused whole when it completes.
 *
 * <p>Thread-safe: the reader feeds it on its own thread, and at the deadline the function takes the result without
 * waiting for a read that may be blocked on a silent socket.
 */
public final class CallerAudioCapture {

    private static final Logger LOG = LoggerFactory.getLogger(CallerAudioCapture.class);
    private static final int INITIAL_FRAGMENT_BYTES = 64 * 1024;

    private final String contactId;
    private final CapturePolicy policy;
    private final long notBeforeMillis;
    private final int maxFragmentBytes;

    // the fragment being read
    private boolean inFragment;
    private final Set<String> fragmentContactIds = new HashSet<>();
    private String fragmentNumber;
    private long fragmentProducerMillis = Long.MIN_VALUE;
    private AudioFormat fragmentFormat;
    private boolean clusterStarted;
    private boolean clusterEnded;
    private byte[] pending = new byte[INITIAL_FRAGMENT_BYTES];
    private int pendingBytes;
    private boolean fragmentTooLarge;
    /** The kept audio's voice activity carried on over this fragment's unproven frames (null: no lookahead). */
    private EnergyVad lookahead;

    // what has been kept
    private AudioFormat keptFormat;
    private WavWriter wav;
    private EnergyVad vad;
    private int fragmentsKept;
    private int fragmentsSkipped;
    private long framesBeforeStart;
    private long framesWithoutTime;
    private String lastKeptFragment;
    private boolean callerTrackSeen;
    private StopReason stopped;
    private String detail;

    /** A capture from {@code startTimestampMillis} on, with the default fragment cap. */
    public CallerAudioCapture(String contactId, CapturePolicy policy, Long startTimestampMillis) {
        this(contactId, policy, startTimestampMillis, CaptureSettings.DEFAULT_MAX_FRAGMENT_BYTES);
    }

    /**
     * @param contactId        the contact whose audio is wanted
     * @param policy           the stop rules
     * @param notBeforeMillis  the earliest producer time to keep (see {@link CaptureSettings#notBeforeMillis}), or
     *                         null when unknown
     * @param maxFragmentBytes the most caller audio (mono PCM bytes) one fragment may hold
     */
    public CallerAudioCapture(String contactId, CapturePolicy policy, Long notBeforeMillis, int maxFragmentBytes) {
        this.contactId = contactId;
        this.policy = policy;
        this.notBeforeMillis = notBeforeMillis == null ? Long.MIN_VALUE : notBeforeMillis;
        this.maxFragmentBytes = maxFragmentBytes;
    }

    public synchronized boolean isStopped() {
        return stopped != null;
    }

    /** A new fragment (Matroska segment) begins; a previous one left open is judged first. */
    public synchronized void fragmentStarted() {
        if (inFragment) {
            fragmentComplete();
        }
        if (isStopped()) {
            return;
        }
        inFragment = true;
        fragmentContactIds.clear();
        fragmentNumber = null;
        fragmentProducerMillis = Long.MIN_VALUE;
        fragmentFormat = null;
        clusterStarted = false;
        clusterEnded = false;
        pendingBytes = 0;
        fragmentTooLarge = false;
        lookahead = null;
    }

    /** The fragment's frames begin; {@code callerFormat} is null when the fragment has no caller track. */
    public synchronized void clusterStarted(AudioFormat callerFormat) {
        clusterStarted = true;
        fragmentFormat = callerFormat;
        if (callerFormat != null) {
            callerTrackSeen = true;
        }
    }

    public synchronized void clusterEnded() {
        if (clusterStarted) {
            clusterEnded = true;
        }
    }

    public synchronized long fragmentProducerMillis() {
        return fragmentProducerMillis;
    }

    /** A frame of the caller track; {@code producerMillis} is its producer time, Long.MIN_VALUE if unknown. */
    public synchronized void callerFrame(ByteBuffer data, long producerMillis) {
        if (isStopped() || fragmentFormat == null || fragmentTooLarge) {
            return;
        }
        if (producerMillis == Long.MIN_VALUE) {
            framesWithoutTime++;
            return;
        }
        if (producerMillis < notBeforeMillis) {
            framesBeforeStart++;
            return;
        }
        int frames = data.remaining() / fragmentFormat.frameSize();
        long needed = (long) pendingBytes + (long) frames * fragmentFormat.bytesPerSample();
        if (needed > maxFragmentBytes) {
            fragmentTooLarge = true;
            pendingBytes = 0;
            return;
        }
        if (needed > pending.length) {
            pending = Arrays.copyOf(pending, (int) Math.min(maxFragmentBytes, Math.max(needed, pending.length * 2L)));
        }
        int from = pendingBytes;
        pendingBytes += fragmentFormat.toMonoLittleEndian(data, pending, pendingBytes);
        lookAhead(from);
    }

    /**
     * Runs the frames just buffered (from {@code from}) through the lookahead, and stops when they show the caller
     * has stopped: minimum speech in the kept audio, none in the unproven frames, and the end silence reached.
     */
    private void lookAhead(int from) {
        if (vad == null || !policy.endPointing() || !fragmentFormat.equals(keptFormat)) {
            return;
        }
        if (lookahead == null) {
            lookahead = new EnergyVad(vad);
            from = 0;
        }
        lookahead.accept(pending, from, pendingBytes - from);
        if (lookahead.speechMillis() == vad.speechMillis() && callerStopped(lookahead)) {
            LOG.atInfo().addKeyValue("fragmentNumber", fragmentNumber).addKeyValue("silentMs", lookahead.trailingSilenceMillis())
                    .log("The caller stopped speaking: capture ends inside a fragment not yet complete, whose frames are not kept");
            stop(StopReason.CALLER_STOPPED, "silentMs=" + lookahead.trailingSilenceMillis() + " in a fragment not yet complete");
        }
    }

    /** A SimpleTag of the current fragment (leading or trailing), including GetMedia's own. */
    public synchronized void tag(String name, String value) {
        if (isStopped() || name == null) {
            return;
        }
        switch (name) {
            case ConnectStreams.CONTACT_ID_TAG -> contactIdTag(value == null ? "" : value.trim());
            case ConnectStreams.FRAGMENT_NUMBER_TAG -> fragmentNumber = value;
            case ConnectStreams.PRODUCER_TIMESTAMP_TAG -> fragmentProducerMillis = secondsToMillis(value);
            case ConnectStreams.ERROR_CODE_TAG -> stop(StopReason.ERROR_TAG, "GetMedia error code " + value);
            // GetMedia's bookkeeping closes each fragment: judge it now, not when the next fragment arrives.
            case ConnectStreams.MILLIS_BEHIND_NOW_TAG, ConnectStreams.CONTINUATION_TOKEN_TAG -> {
                if (inFragment && clusterStarted) {
                    fragmentComplete();
                }
            }
            default -> {
                // other tags (InstanceId, MimeType, GetMedia's bookkeeping) do not change what is kept
            }
        }
    }

    private void contactIdTag(String id) {
        if (inFragment) {
            fragmentContactIds.add(id);
        } else if (!id.equals(contactId)) {
            // GetMedia writes its bookkeeping tags last, so this is not expected; if it ever happens, read no further.
            // Not "contactId": that field is this invocation's contact (MDC); this one is the stream's tag.
            LOG.atWarn().addKeyValue("fragmentNumber", fragmentNumber).addKeyValue("taggedContactId", id)
                    .log("A ContactId tag came after its fragment was complete");
            stop(StopReason.OTHER_CONTACT, "late ContactId " + id + " after fragment " + fragmentNumber);
        }
    }

    /** The current fragment has all its frames and tags: keep it if it is provably this contact's. */
    public synchronized void fragmentComplete() {
        if (isStopped() || !inFragment) {
            return;
        }
        inFragment = false;
        if (!clusterStarted && fragmentContactIds.isEmpty()) {
            return; // a tags-only chunk, no audio to judge
        }
        if (isThisContact() && fragmentTooLarge) {
            fragmentsSkipped++;
            LOG.atWarn().addKeyValue("fragmentNumber", fragmentNumber).addKeyValue("maxFragmentBytes", maxFragmentBytes)
                    .log("Dropped a fragment whose caller audio is larger than the cap");
        } else if (isThisContact()) {
            keep();
        } else if (fragmentsKept > 0) {
            stop(StopReason.OTHER_CONTACT, "fragment " + fragmentNumber + " has ContactId " + describeContactIds());
        } else {
            fragmentsSkipped++;
            LOG.atInfo().addKeyValue("fragmentNumber", fragmentNumber).addKeyValue("taggedContactIds", describeContactIds())
                    .log("Skipped a fragment that is not provably this contact's");
        }
    }

    /** The stream ended. Inside a cluster whose end never came, the stream was cut: a fault. */
    public synchronized void endOfStream() {
        if (isStopped()) {
            return;
        }
        if (inFragment && clusterStarted && !clusterEnded) {
            stop(StopReason.STREAM_FAULT, "stream ended inside fragment " + fragmentNumber);
            return;
        }
        fragmentComplete();
        stop(StopReason.END_OF_STREAM, null);
    }

    /** The bytes could not be read on (I/O or parse failure). */
    public synchronized void fault(String why) {
        stop(StopReason.STREAM_FAULT, why);
    }

    public synchronized void timeBudgetExhausted() {
        stop(StopReason.TIME_BUDGET, null);
    }

    private boolean isThisContact() {
        if (fragmentContactIds.isEmpty()) {
            return false;
        }
        for (String id : fragmentContactIds) {
            if (!id.equals(contactId)) {
                return false;
            }
        }
        return true;
    }

    private void keep() {
        fragmentsKept++;
        lastKeptFragment = fragmentNumber;
        if (fragmentFormat == null || pendingBytes == 0) {
            return;
        }
        if (keptFormat == null) {
            keptFormat = fragmentFormat;
            AudioFormat mono = fragmentFormat.monoLittleEndian();
            wav = new WavWriter(mono, mono.samplesFor(policy.window().toMillis()));
            vad = new EnergyVad(mono, policy.vadThresholdDbfs());
        } else if (!keptFormat.equals(fragmentFormat)) {
            fragmentsKept--;
            stop(StopReason.FORMAT_CHANGED, "caller track changed from " + keptFormat + " to " + fragmentFormat);
            return;
        }
        int taken = wav.append(pending, 0, pendingBytes);
        vad.accept(pending, 0, taken);
        if (wav.isFull()) {
            stop(StopReason.WINDOW_FULL, null);
        } else if (vad.speechMillis() >= policy.targetSpeech().toMillis()) {
            stop(StopReason.ENOUGH_SPEECH, null);
        } else if (callerStopped(vad)) {
            stop(StopReason.CALLER_STOPPED, "silentMs=" + vad.trailingSilenceMillis());
        }
    }

    /**
     * End-pointing: the minimum is captured and the caller has been quiet for the policy's end silence, by {@code
     * activity} (the kept audio's, or its lookahead over unproven frames that hold no further speech); before the
     * minimum, silence never stops the capture.
     */
    private boolean callerStopped(EnergyVad activity) {
        long speech = activity.speechMillis();
        return policy.endPointing() && speech > 0 && speech >= policy.minimumSpeech().toMillis()
                && !activity.inLoudRun() && activity.trailingSilenceMillis() >= policy.endSilence().toMillis();
    }

    private void stop(StopReason reason, String why) {
        if (stopped == null) {
            stopped = reason;
            detail = why;
            pendingBytes = 0;
        }
    }

    private String describeContactIds() {
        return fragmentContactIds.isEmpty() ? "none" : String.join("|", fragmentContactIds);
    }

    private static long secondsToMillis(String seconds) {
        try {
            return new BigDecimal(seconds.trim()).movePointRight(3).longValue();
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The sample so far; call once reading has stopped (a capture not yet stopped reports END_OF_STREAM). */
    public synchronized CaptureResult result() {
        StopReason reason = stopped == null ? StopReason.END_OF_STREAM : stopped;
        if (framesBeforeStart > 0) {
            LOG.atInfo().addKeyValue("frames", framesBeforeStart).addKeyValue("notBeforeMillis", notBeforeMillis)
                    .log("Dropped caller frames stamped before the stream start or the challenge request");
        }
        if (framesWithoutTime > 0) {
            LOG.atWarn().addKeyValue("frames", framesWithoutTime)
                    .log("Dropped caller frames without a producer timestamp");
        }
        return new CaptureResult(reason,
                wav == null ? null : wav.toByteArray(),
                wav == null ? null : wav.format(),
                wav == null ? 0 : wav.sampleCount(),
                vad == null ? 0 : vad.speechMillis(),
                fragmentsKept, fragmentsSkipped, lastKeptFragment, callerTrackSeen, detail);
    }
}
