package com.nomidio.connect.upload.adapters;

import static com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures.CONTACT_ID;
import static com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures.OTHER_CONTACT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.kinesisvideo.parser.ebml.InputStreamParserByteSource;
import com.amazonaws.kinesisvideo.parser.ebml.MkvTypeInfos;
import com.amazonaws.kinesisvideo.parser.mkv.MkvDataElement;
import com.amazonaws.kinesisvideo.parser.mkv.MkvElement;
import com.amazonaws.kinesisvideo.parser.mkv.MkvStartMasterElement;
import com.amazonaws.kinesisvideo.parser.mkv.StreamingMkvReader;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.testkit.kvs.CallBuilder;
import com.nomidio.connect.testkit.kvs.ConnectCall;
import com.nomidio.connect.testkit.kvs.TagPlacement;
import com.nomidio.connect.upload.domain.CallerAudioCapture;
import com.nomidio.connect.upload.domain.CapturePolicy;
import com.nomidio.connect.upload.domain.CaptureResult;
import com.nomidio.connect.upload.domain.StopReason;
import com.nomidio.connect.testkit.kvs.fixtures.Audio;
import com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures;
import com.nomidio.connect.upload.testing.Wav;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The parser-library reader on real Matroska bytes: where tags sit, which frames are kept, what format is read. */
class KvsMkvReaderTest {

    private static final CapturePolicy KEEP_EVERYTHING = CapturePolicy.defaultFor(AuthLevel.STANDARD)
            .withOverrides("targetSpeechMs=600000,minimumSpeechMs=0,windowMs=600000");

    @Test
    void tagPlacement_whenRealKvsOutput_producerTagsOfAFragmentComeAfterItsFrames() throws Exception {
        List<String> order = elementOrder(resource("/fixtures/kvs-real/test_mixed_tags.mkv"));
        // Fragment 1 (a producer session's first) has the producer's tags before its segment information AND after
        // its cluster; fragment 2 onwards only after: a reader that attributes frames by the last tag seen would
        // credit a new contact's first fragment to the previous contact.
        int secondSegment = indexOf(order, "Segment", order.indexOf("Segment") + 1);
        List<String> second = order.subList(secondSegment, indexOf(order, "Segment", secondSegment + 1));
        assertThat(second.indexOf("tag:testTag_0")).isGreaterThan(second.lastIndexOf("SimpleBlock"));
        assertThat(second.indexOf("tag:testTag_0")).isLessThan(second.indexOf("tag:AWS_KINESISVIDEO_CONTINUATION_TOKEN"));
        List<String> first = order.subList(0, secondSegment);
        assertThat(first.indexOf("tag:testTag_0")).isLessThan(first.indexOf("Cluster"));
        assertThat(first.lastIndexOf("tag:testTag_0")).isGreaterThan(first.lastIndexOf("SimpleBlock"));
    }

    @Test
    void tagPlacement_whenConnectShapedFixture_newContactsFirstFramesArriveWhileTheLastContactIdSeenIsTheOldOne()
            throws Exception {
        List<String> order = elementOrder(ConnectFixtures.nextContact().bytes());
        int firstOtherTag = order.indexOf("tag:ContactId=" + OTHER_CONTACT_ID);
        int lastOursBefore = order.subList(0, firstOtherTag).lastIndexOf("tag:ContactId=" + CONTACT_ID);
        assertThat(order.subList(lastOursBefore, firstOtherTag)).contains("SimpleBlock"); // the hazard the gate exists for
    }

    @ParameterizedTest
    @EnumSource(value = TagPlacement.class, names = {"TRAILING", "LEADING", "BOTH"})
    void read_whenStreamMovesToAnotherContact_keepsExactlyThisContactsFragmentsWhereverTheTagsAre(TagPlacement placement)
            throws Exception {
        ConnectCall call = twoContacts(placement, placement);

        CaptureResult result = read(call.toBytes(), null);

        assertThat(result.stopReason()).isEqualTo(StopReason.OTHER_CONTACT);
        assertThat(samples(result)).isEqualTo(call.callerSamples(0, 2));
    }

    @Test
    void read_whenFragmentHasNoContactId_neverKeepsIt() throws Exception {
        ConnectFixtures.Sources s = new ConnectFixtures.Sources();
        CallBuilder builder = new CallBuilder();
        builder.fragment(null, s.caller.next(16384), null, TagPlacement.TRAILING);
        builder.fragment(null, s.caller.next(16384), null, TagPlacement.NONE);

        CaptureResult result = read(builder.build().toBytes(), null);

        assertThat(result.wav()).isNull();
        assertThat(result.fragmentsSkipped()).isEqualTo(2);
        assertThat(result.callerTrackSeen()).isTrue();
    }

    @Test
    void read_whenProducerWritesEachFragmentsTagsAtTheEndOfTheFragmentBefore_framesBeforeTheContactStartAreDropped()
            throws Exception {
        // The other reading of KVS's placement: trailing tags describe the NEXT fragment. Then the previous
        // contact's last fragment carries this contact's ContactId. The contact's start time fences it off.
        ConnectFixtures.Sources s = new ConnectFixtures.Sources();
        CallBuilder builder = new CallBuilder();
        builder.fragment(CONTACT_ID, s.other.next(16384), null, TagPlacement.TRAILING); // other's audio, "next" tag
        for (int i = 0; i < 3; i++) {
            builder.fragment(CONTACT_ID, s.caller.next(16384), null, TagPlacement.TRAILING);
        }
        ConnectCall call = builder.build();
        long contactStart = call.fragments().get(1).producerMillis();

        CaptureResult fenced = read(call.toBytes(), contactStart);

        assertThat(samples(fenced)).isEqualTo(call.callerSamples(1, 4));
        for (short sample : samples(fenced)) {
            assertThat(Audio.isOurs(sample)).isTrue();
        }
    }

    @Test
    void read_whenCallerTrackIs16kHz24Bit_takesRateAndDepthFromTheTrack() throws Exception {
        CallBuilder builder = new CallBuilder().format(16000, 24, 320);
        byte[] tone = tone24(16000 * 2);
        builder.fragmentBytes(CONTACT_ID, tone, null, 16000 * 2, TagPlacement.TRAILING);

        CaptureResult result = read(builder.build().toBytes(), null);

        assertThat(result.format().sampleRate()).isEqualTo(16000);
        assertThat(result.format().bitsPerSample()).isEqualTo(24);
        Wav wav = Wav.parse(result.wav());
        assertThat(wav.sampleRate()).isEqualTo(16000);
        assertThat(wav.bitsPerSample()).isEqualTo(24);
        assertThat(wav.pcm()).isEqualTo(tone);
        assertThat(result.speechMillis()).isEqualTo(2000); // a loud tone is "speech" to an energy VAD
    }

    @Test
    void read_whenConnectionDropsRightAfterAFragment_hasAlreadyKeptItOnGetMediasClosingTags() throws Exception {
        ConnectCall call = ConnectFixtures.passphrase().call();
        byte[] first = call.toFragmentBytes().get(0);
        InputStream dropsAfterFirst = thenFails(first, "connection reset");
        CallerAudioCapture capture = new CallerAudioCapture(CONTACT_ID, KEEP_EVERYTHING, null);

        assertThatThrownBy(() -> new KvsMkvReader().read(dropsAfterFirst, capture, () -> false))
                .isInstanceOf(RuntimeException.class);
        capture.fault("connection reset");

        // Kept before the next fragment's bytes were asked for: no waiting a whole fragment on a live stream.
        CaptureResult result = capture.result();
        assertThat(result.fragmentsKept()).isEqualTo(1);
        assertThat(samples(result)).isEqualTo(call.callerSamples(0, 1));
    }

    @Test
    void read_whenTheCallerFallsSilentInAFragmentStillBeingMade_stopsWithoutWaitingForTheRestOfIt() throws Exception {
        // Connect-shaped bytes as a live GetMedia relays them: three complete fragments (6 s of speech, then silence
        // from 6.0 s), then only the first frames of the fourth, whose ContactId tag would come at its end, 2 s
        // later. The stream has nothing more yet: reading on would fail. The end silence has passed in those frames,
        // so the capture must stop on them, keep the three proven fragments and none of the unproven frames.
        CallBuilder builder = new CallBuilder();
        short[] speech = tone(builder.samplesFor(6000));
        int perFragment = builder.samplesFor(2048);
        short[] line = Arrays.copyOf(speech, perFragment * 4);
        for (int i = 0; i < 4; i++) {
            builder.fragment(CONTACT_ID, Arrays.copyOfRange(line, i * perFragment, (i + 1) * perFragment),
                    new short[perFragment], i == 0 ? TagPlacement.BOTH : TagPlacement.TRAILING);
        }
        ConnectCall call = builder.build();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            sent.writeBytes(call.toFragmentBytes(i));
        }
        List<ConnectCall.Chunk> fourth = call.toChunks(3);
        for (ConnectCall.Chunk chunk : fourth) {
            if (chunk.dueMillis() > 704) {
                break; // the 704 ms of the fourth fragment that have been spoken so far
            }
            sent.writeBytes(chunk.bytes());
        }
        InputStream live = thenFails(sent.toByteArray(), "read past what the stream has made so far");
        CapturePolicy standard = CapturePolicy.defaultFor(AuthLevel.STANDARD);
        CallerAudioCapture capture = new CallerAudioCapture(CONTACT_ID, standard, null);

        new KvsMkvReader().read(live, capture, () -> false);

        CaptureResult result = capture.result();
        assertThat(result.stopReason()).isEqualTo(StopReason.CALLER_STOPPED);
        assertThat(result.fragmentsKept()).isEqualTo(3);
        assertThat(samples(result)).isEqualTo(call.callerSamples(0, 3));
        assertThat(result.speechMillis()).isBetween(5900L, 6000L);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static int indexOf(List<String> list, String item, int from) {
        int found = list.subList(from, list.size()).indexOf(item);
        return found < 0 ? -1 : from + found;
    }

    private static ConnectCall twoContacts(TagPlacement ours, TagPlacement theirs) {
        ConnectFixtures.Sources s = new ConnectFixtures.Sources();
        CallBuilder builder = new CallBuilder();
        builder.fragment(CONTACT_ID, s.caller.next(16384), s.prompt.next(16384), ours);
        builder.fragment(CONTACT_ID, s.caller.next(12288), s.prompt.next(12288), ours);
        builder.fragment(OTHER_CONTACT_ID, s.other.next(16384), s.prompt.next(16384), theirs);
        builder.fragment(OTHER_CONTACT_ID, s.other.next(16384), s.prompt.next(16384), theirs);
        return builder.build();
    }

    private static CaptureResult read(byte[] bytes, Long contactStart) throws Exception {
        CallerAudioCapture capture = new CallerAudioCapture(CONTACT_ID, KEEP_EVERYTHING, contactStart);
        new KvsMkvReader().read(new ByteArrayInputStream(bytes), capture, () -> false);
        return capture.result();
    }

    /** {@code bytes}, then an I/O error with {@code why}: a connection that breaks, or a live stream read too far. */
    private static InputStream thenFails(byte[] bytes, String why) {
        return new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at >= bytes.length) {
                    throw new IOException(why);
                }
                return bytes[at++] & 0xFF;
            }
        };
    }

    private static short[] samples(CaptureResult result) {
        return Wav.parse(result.wav()).samples16();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KvsMkvReaderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** Element names in stream order: masters and SimpleBlocks by type, tags as tag:NAME (tag:NAME=VALUE for ContactId). */
    private static List<String> elementOrder(byte[] bytes) throws Exception {
        StreamingMkvReader reader = StreamingMkvReader.createDefault(new InputStreamParserByteSource(new ByteArrayInputStream(bytes)));
        List<String> order = new ArrayList<>();
        String pendingName = null;
        while (reader.mightHaveNext()) {
            var next = reader.nextIfAvailable();
            if (next.isEmpty()) {
                continue;
            }
            MkvElement element = next.get();
            var type = element.getElementMetaData().getTypeInfo();
            if (element instanceof MkvStartMasterElement) {
                order.add(type.getName());
            } else if (MkvTypeInfos.SIMPLEBLOCK.equals(type)) {
                order.add("SimpleBlock");
            } else if (MkvTypeInfos.TAGNAME.equals(type)) {
                pendingName = (String) ((MkvDataElement) element).getValueCopy().getVal();
            } else if (MkvTypeInfos.TAGSTRING.equals(type) && pendingName != null) {
                String value = (String) ((MkvDataElement) element).getValueCopy().getVal();
                order.add("tag:" + pendingName + ("ContactId".equals(pendingName) ? "=" + value : ""));
                pendingName = null;
            }
        }
        return order;
    }

    /** A loud 300 Hz tone: speech to an energy VAD. */
    private static short[] tone(int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (Math.sin(2 * Math.PI * 300 * i / 8000.0) * 0.1 * 32767);
        }
        return out;
    }

    private static byte[] tone24(int samples) {
        ByteBuffer out = ByteBuffer.allocate(samples * 3).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            int v = (int) (Math.sin(2 * Math.PI * 440 * i / 16000.0) * 4_000_000) & ~1;
            out.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        return out.array();
    }
}
