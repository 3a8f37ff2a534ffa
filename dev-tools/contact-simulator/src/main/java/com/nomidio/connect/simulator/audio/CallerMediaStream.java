package com.nomidio.connect.simulator.audio;

import com.nomidio.connect.simulator.SimulatorSettings.KvsDelivery;
import com.nomidio.connect.simulator.engine.CallClock;
import com.nomidio.connect.simulator.engine.Contact;
import com.nomidio.connect.simulator.engine.CustomerMedia;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import com.nomidio.connect.testkit.kvs.CallBuilder;
import com.nomidio.connect.testkit.kvs.ConnectCall;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.testkit.kvs.Fragment;
import com.nomidio.connect.testkit.kvs.ServedFragment;
import com.nomidio.connect.testkit.kvs.TagPlacement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The contact's Kinesis Video stream as Connect fills it during the call, served by the local KVS endpoint:
 * Connect-shaped MKV (AUDIO_FROM_CUSTOMER and AUDIO_TO_CUSTOMER tracks, KVS fragment tags, the ContactId tag on
 * every fragment, leading on the first of the session and trailing after that).
 *
 * <p>Time is the call's ({@link CallClock}). From streaming start Connect cuts the line into fragments of
 * {@link #FRAGMENT_MILLIS}, producer-stamped at their call time. GetMedia relays each frame once the call clock has
 * passed its end and the fragment's trailing tags (its ContactId among them) once the fragment ends ({@link
 * KvsDelivery#FRAMES}: KVS's documented real-time path, "GetMedia continues to feed media data in real time as it
 * arrives"), or each fragment whole once complete ({@link KvsDelivery#WHOLE_FRAGMENTS}, the cautious reading); nothing
 * after streaming stops. The caller is silent until
 * asked: their script (utterances and pauses) starts when the first prompt played after streaming started ends, so
 * the voice prompt is heard out before anyone speaks. AUDIO_TO_CUSTOMER carries silence (prompts are not
 * synthesised). The stream reuses one the previous contact had, so it begins with that contact's last fragment
 * (another voice, another ContactId) which sampleUpload must never take.
 */
public final class CallerMediaStream implements CustomerMedia {

    public static final int FRAGMENT_MILLIS = 2048;
    private static final String PREVIOUS_CONTACT_ID = "0b9e8d7c-6f5a-4b3c-9d2e-previous0001";
    /** How often a GetMedia waiting for the next fragment looks at the call clock again. */
    private static final long CLOCK_POLL_MILLIS = 10;

    private final FakeKinesisVideo kvs;
    private final SimulatedInstance instance;
    private final CallClock clock;
    private final short[] script;
    private final short[] previousCallerAudio;
    private final int maxFragments;
    private final KvsDelivery delivery;
    /** Producer (epoch) time of call time 0. */
    private final long epochAtCallStart;

    // guarded by this
    private String contactId;
    private long startedAtCallMillis = -1;
    private Long askedAtCallMillis;
    private Long stoppedAtCallMillis;

    /**
     * @param script        what the caller says when asked (utterances and pauses, one after the other)
     * @param streamMillis  the longest the stream runs from streaming start
     */
    public CallerMediaStream(FakeKinesisVideo kvs, SimulatedInstance instance, CallClock clock, short[] script,
            short[] previousCallerAudio, long streamMillis) {
        this(kvs, instance, clock, script, previousCallerAudio, streamMillis, KvsDelivery.FRAMES);
    }

    /** @param delivery how GetMedia hands the fragments over */
    public CallerMediaStream(FakeKinesisVideo kvs, SimulatedInstance instance, CallClock clock, short[] script,
            short[] previousCallerAudio, long streamMillis, KvsDelivery delivery) {
        this.delivery = delivery;
        this.kvs = kvs;
        this.instance = instance;
        this.clock = clock;
        this.script = script.clone();
        this.previousCallerAudio = previousCallerAudio.clone();
        this.maxFragments = (int) Math.max(1, (streamMillis + FRAGMENT_MILLIS - 1) / FRAGMENT_MILLIS);
        this.epochAtCallStart = System.currentTimeMillis() - clock.now();
    }

    @Override
    public synchronized Contact.CustomerAudioStream start(String contact) {
        this.contactId = contact;
        this.startedAtCallMillis = clock.now();
        this.askedAtCallMillis = null;
        this.stoppedAtCallMillis = null;
        kvs.serve(new Live());
        long startProducerMillis = epochAtCallStart + startedAtCallMillis;
        return new Contact.CustomerAudioStream(instance.streamArn(contact, startProducerMillis - 3_600_000L),
                ConnectCall.fragmentNumber(1), startProducerMillis, null, null);
    }

    @Override
    public synchronized void promptEnded(long callMillis) {
        if (startedAtCallMillis >= 0 && askedAtCallMillis == null && stoppedAtCallMillis == null) {
            askedAtCallMillis = callMillis;
        }
    }

    @Override
    public synchronized Contact.CustomerAudioStream stop(Contact.CustomerAudioStream streaming) {
        long stopAt = clock.now();
        stoppedAtCallMillis = stopAt;
        notifyAll();
        int last = Math.max(1, Math.min(maxFragments, (int) ((stopAt - startedAtCallMillis) / FRAGMENT_MILLIS) + 1));
        return streaming.stopped(ConnectCall.fragmentNumber(last), epochAtCallStart + stopAt);
    }

    /** The call is over: whatever was still streaming stops (the caller hung up, or the contact moved on). */
    public synchronized void end() {
        if (startedAtCallMillis >= 0 && stoppedAtCallMillis == null) {
            stoppedAtCallMillis = clock.now();
        }
        notifyAll();
    }

    /** When the caller was asked to speak (their audio starts then) on the call clock, or null if never. */
    public synchronized Long askedAtCallMillis() {
        return askedAtCallMillis;
    }

    /** When the caller's last word ended on the call clock (what they said may go on after streaming stopped), or null. */
    public synchronized Long lastWordAtCallMillis() {
        long lastSound = CallerAudio.lastSoundMillis(script);
        return askedAtCallMillis == null || lastSound < 0 ? null : askedAtCallMillis + lastSound;
    }

    /** How long the script runs, silence included. */
    public long scriptMillis() {
        return CallerAudio.millis(script);
    }

    private long fragmentStartCallMillis(int index) {
        return startedAtCallMillis + (long) (index - 1) * FRAGMENT_MILLIS;
    }

    /** The stream up to fragment {@code upTo}: the previous contact's fragment, then this contact's so far. */
    private ConnectCall callUpTo(int upTo) {
        CallBuilder builder = new CallBuilder().startingAt(epochAtCallStart + startedAtCallMillis - FRAGMENT_MILLIS);
        int samplesPerFragment = builder.samplesFor(FRAGMENT_MILLIS);
        builder.fragment(PREVIOUS_CONTACT_ID, slice(previousCallerAudio, 0, samplesPerFragment),
                new short[samplesPerFragment], TagPlacement.BOTH);
        for (int index = 1; index <= upTo; index++) {
            builder.fragment(contactId, callerSamples(fragmentStartCallMillis(index), samplesPerFragment),
                    new short[samplesPerFragment], index == 1 ? TagPlacement.BOTH : TagPlacement.TRAILING);
        }
        return builder.build();
    }

    /** What the line carries from {@code fromCallMillis}: silence until the caller is asked, then their script. */
    private short[] callerSamples(long fromCallMillis, int length) {
        short[] out = new short[length];
        if (askedAtCallMillis == null) {
            return out;
        }
        long offset = (fromCallMillis - askedAtCallMillis) * CallerAudio.SAMPLE_RATE / 1000;
        for (int i = 0; i < length; i++) {
            long at = offset + i;
            if (at >= 0 && at < script.length) {
                out[i] = script[(int) at];
            }
        }
        return out;
    }

    private static short[] slice(short[] audio, int from, int length) {
        if (from >= audio.length) {
            return new short[length];
        }
        return Arrays.copyOfRange(audio, from, from + length);
    }

    /**
     * The stream as GetMedia reads it: fragment i's frames as the call clock passes them and its closing tags at its
     * end (or the whole fragment then), everything at once when streaming stopped in it.
     */
    private final class Live implements FakeKinesisVideo.LiveStream {

        @Override
        public boolean write(int index, OutputStream out) throws IOException, InterruptedException {
            if (delivery == KvsDelivery.WHOLE_FRAGMENTS || index == 0) {
                // Fragment 0 is the previous contact's, complete before this contact's streaming began.
                return FakeKinesisVideo.LiveStream.super.write(index, out);
            }
            long start;
            synchronized (CallerMediaStream.this) {
                if (index > maxFragments) {
                    return false;
                }
                start = fragmentStartCallMillis(index);
                while (stoppedAtCallMillis == null && clock.now() < start) {
                    CallerMediaStream.this.wait(CLOCK_POLL_MILLIS);
                }
                if (stoppedAtCallMillis != null && start >= stoppedAtCallMillis) {
                    return false;
                }
            }
            List<ConnectCall.Chunk> chunks = null;
            Long chunksAskedAt = null;
            int next = 0;
            while (chunks == null || next < chunks.size()) {
                ByteArrayOutputStream due = new ByteArrayOutputStream();
                synchronized (CallerMediaStream.this) {
                    // The caller may be asked while this fragment is being made: what is already sent was silence
                    // (sent frames end before now, and the caller starts now), the rest is made again.
                    if (chunks == null || !Objects.equals(chunksAskedAt, askedAtCallMillis)) {
                        chunks = callUpTo(index).toChunks(index);
                        chunksAskedAt = askedAtCallMillis;
                    }
                    long now = clock.now();
                    boolean stopped = stoppedAtCallMillis != null;
                    while (next < chunks.size() && (stopped || start + chunks.get(next).dueMillis() <= now)) {
                        due.writeBytes(chunks.get(next).bytes());
                        next++;
                    }
                    if (due.size() == 0) {
                        CallerMediaStream.this.wait(CLOCK_POLL_MILLIS);
                        continue;
                    }
                }
                // Outside the lock: a slow reader must not hold up the call.
                out.write(due.toByteArray());
                out.flush();
            }
            return true;
        }

        @Override
        public List<ServedFragment> index() {
            synchronized (CallerMediaStream.this) {
                List<Fragment> fragments = callUpTo(maxFragments).fragments();
                List<ServedFragment> out = new ArrayList<>(fragments.size());
                for (Fragment f : fragments) {
                    out.add(new ServedFragment(new byte[0], f.number(), f.producerMillis(), f.serverMillis()));
                }
                return out;
            }
        }

        @Override
        public byte[] await(int index) throws InterruptedException {
            synchronized (CallerMediaStream.this) {
                if (index > maxFragments) {
                    return null;
                }
                while (index > 0) {
                    long start = fragmentStartCallMillis(index);
                    if (stoppedAtCallMillis != null) {
                        if (start >= stoppedAtCallMillis) {
                            return null;
                        }
                        break;
                    }
                    if (clock.now() >= start + FRAGMENT_MILLIS) {
                        break;
                    }
                    CallerMediaStream.this.wait(CLOCK_POLL_MILLIS);
                }
                return callUpTo(index).toFragmentBytes(index);
            }
        }
    }
}
