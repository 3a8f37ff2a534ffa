package com.nomidio.connect.simulator.audio;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contact's Kinesis Video stream as Connect fills it, served by the local KVS endpoint: Connect-shaped MKV
 * (AUDIO_FROM_CUSTOMER and AUDIO_TO_CUSTOMER tracks, KVS fragment tags, the ContactId tag on every fragment).
 * The stream reuses one the previous contact had, so it begins with that contact's last fragment (another voice,
 * another ContactId) which sampleUpload must never take. From streaming start the caller says their utterances,
 * then the line is silent up to {@code streamMillis}; AUDIO_TO_CUSTOMER carries silence (prompts are not
 * synthesised). Everything streamed is available at once (GetMedia reads it faster than real time, as when the
 * reader is behind a live stream) unless a pace is set.
 */
public final class CallerMediaStream implements CustomerMedia {

    public static final int FRAGMENT_MILLIS = 2048;
    private static final String PREVIOUS_CONTACT_ID = "0b9e8d7c-6f5a-4b3c-9d2e-previous0001";

    private final FakeKinesisVideo kvs;
    private final SimulatedInstance instance;
    private final CallClock clock;
    private final short[] callerAudio;
    private final short[] previousCallerAudio;
    private final long streamMillis;
    private ConnectCall call;
    private long startedAtCallMillis;

    public CallerMediaStream(FakeKinesisVideo kvs, SimulatedInstance instance, CallClock clock, short[] callerAudio,
            short[] previousCallerAudio, long streamMillis) {
        this.kvs = kvs;
        this.instance = instance;
        this.clock = clock;
        this.callerAudio = callerAudio.clone();
        this.previousCallerAudio = previousCallerAudio.clone();
        this.streamMillis = Math.max(streamMillis, CallerAudio.millis(callerAudio));
    }

    @Override
    public Contact.CustomerAudioStream start(String contactId) {
        long startMillis = System.currentTimeMillis();
        CallBuilder builder = new CallBuilder().startingAt(startMillis - FRAGMENT_MILLIS);
        int samplesPerFragment = builder.samplesFor(FRAGMENT_MILLIS);
        builder.fragment(PREVIOUS_CONTACT_ID, slice(previousCallerAudio, 0, samplesPerFragment),
                new short[samplesPerFragment], TagPlacement.BOTH);
        int total = builder.samplesFor(streamMillis);
        for (int at = 0; at < total; at += samplesPerFragment) {
            builder.fragment(contactId, slice(callerAudio, at, samplesPerFragment), new short[samplesPerFragment],
                    at == 0 ? TagPlacement.BOTH : TagPlacement.TRAILING);
        }
        call = builder.build();
        kvs.serve(ServedFragment.of(call, call.toFragmentBytes()));
        startedAtCallMillis = clock.now();
        Fragment first = call.fragments().get(1);
        return new Contact.CustomerAudioStream(instance.streamArn(contactId, startMillis - 3_600_000L),
                first.number(), first.producerMillis(), null, null);
    }

    @Override
    public Contact.CustomerAudioStream stop(Contact.CustomerAudioStream streaming) {
        long streamedMillis = clock.now() - startedAtCallMillis;
        long stopMillis = streaming.startTimestampMillis() + streamedMillis;
        List<Fragment> fragments = call.fragments();
        int last = 1;
        while (last + 1 < fragments.size() && fragments.get(last + 1).producerMillis() < stopMillis) {
            last++;
        }
        // Nothing after the stop is ever in the stream.
        List<byte[]> bytes = call.toFragmentBytes();
        kvs.serve(ServedFragment.of(call, new ArrayList<>(bytes.subList(0, last + 1))));
        return streaming.stopped(fragments.get(last).number(), stopMillis);
    }

    private static short[] slice(short[] audio, int from, int length) {
        if (from >= audio.length) {
            return new short[length];
        }
        return Arrays.copyOfRange(audio, from, from + length);
    }
}
