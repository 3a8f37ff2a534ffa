package com.nomidio.connect.upload.adapters;

import com.amazonaws.kinesisvideo.parser.ebml.EBMLTypeInfo;
import com.amazonaws.kinesisvideo.parser.ebml.InputStreamParserByteSource;
import com.amazonaws.kinesisvideo.parser.ebml.MkvTypeInfos;
import com.amazonaws.kinesisvideo.parser.mkv.Frame;
import com.amazonaws.kinesisvideo.parser.mkv.MkvDataElement;
import com.amazonaws.kinesisvideo.parser.mkv.MkvElement;
import com.amazonaws.kinesisvideo.parser.mkv.MkvElementVisitException;
import com.amazonaws.kinesisvideo.parser.mkv.MkvElementVisitor;
import com.amazonaws.kinesisvideo.parser.mkv.MkvEndMasterElement;
import com.amazonaws.kinesisvideo.parser.mkv.MkvStartMasterElement;
import com.amazonaws.kinesisvideo.parser.mkv.StreamingMkvReader;
import com.amazonaws.kinesisvideo.parser.mkv.visitors.CompositeMkvElementVisitor;
import com.amazonaws.kinesisvideo.parser.utilities.FragmentMetadataVisitor;
import com.amazonaws.kinesisvideo.parser.utilities.MkvTrackMetadata;
import com.nomidio.connect.upload.domain.AudioFormat;
import com.nomidio.connect.upload.domain.CallerAudioCapture;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads GetMedia's Matroska stream with the parser library: its {@link FragmentMetadataVisitor} supplies each
 * fragment's track metadata; our visitor feeds fragment boundaries, tags and the caller track's frames to a
 * {@link CallerAudioCapture}, and reading stops as soon as the capture does.
 */
public final class KvsMkvReader {

    private static final Logger LOG = LoggerFactory.getLogger(KvsMkvReader.class);
    private static final long DEFAULT_TIMECODE_SCALE_NS = 1_000_000;
    /** Track number (1 byte here), timecode (2), flags (1). */
    private static final int SIMPLE_BLOCK_HEADER = 4;
    private static final int LACING_BITS = 0x06;

    /**
     * Reads until the capture stops or the stream ends. I/O and parse failures propagate (as RuntimeException or
     * {@link MkvElementVisitException}); the caller decides whether they mean a fault or the time budget.
     *
     * @param cutShort true once the stream was closed on purpose (time budget): its end is then not a fault
     */
    public void read(InputStream media, CallerAudioCapture capture, BooleanSupplier cutShort)
            throws MkvElementVisitException {
        StreamingMkvReader reader = StreamingMkvReader.createDefault(new InputStreamParserByteSource(media));
        FragmentMetadataVisitor metadata = FragmentMetadataVisitor.create();
        MkvElementVisitor visitors = new CompositeMkvElementVisitor(metadata, new ConnectFragmentVisitor(metadata, capture));
        while (!capture.isStopped() && reader.mightHaveNext()) {
            Optional<MkvElement> element = reader.nextIfAvailable();
            if (element.isPresent()) {
                element.get().accept(visitors);
            }
        }
        if (capture.isStopped()) {
            return;
        }
        if (cutShort.getAsBoolean()) {
            capture.timeBudgetExhausted();
        } else {
            capture.endOfStream();
        }
    }

    /** Knows where Connect puts things in a fragment; the parser library knows Matroska. */
    private static final class ConnectFragmentVisitor extends MkvElementVisitor {

        private final FragmentMetadataVisitor metadata;
        private final CallerAudioCapture capture;
        private final List<BigInteger> trackNumbers = new ArrayList<>();
        private long timecodeScaleNs = DEFAULT_TIMECODE_SCALE_NS;
        private long callerTrackNumber = -1;
        private String tagName;
        private String tagValue;

        ConnectFragmentVisitor(FragmentMetadataVisitor metadata, CallerAudioCapture capture) {
            this.metadata = metadata;
            this.capture = capture;
        }

        @Override
        public void visit(MkvStartMasterElement element) {
            EBMLTypeInfo type = element.getElementMetaData().getTypeInfo();
            if (MkvTypeInfos.SEGMENT.equals(type)) {
                trackNumbers.clear();
                timecodeScaleNs = DEFAULT_TIMECODE_SCALE_NS;
                callerTrackNumber = -1;
                capture.fragmentStarted();
            } else if (MkvTypeInfos.CLUSTER.equals(type)) {
                capture.clusterStarted(callerFormat());
            } else if (MkvTypeInfos.SIMPLETAG.equals(type)) {
                tagName = null;
                tagValue = null;
            }
        }

        @Override
        public void visit(MkvEndMasterElement element) {
            EBMLTypeInfo type = element.getElementMetaData().getTypeInfo();
            if (MkvTypeInfos.CLUSTER.equals(type)) {
                capture.clusterEnded();
            } else if (MkvTypeInfos.SEGMENT.equals(type)) {
                capture.fragmentComplete();
            }
        }

        @Override
        public void visit(MkvDataElement element) {
            EBMLTypeInfo type = element.getElementMetaData().getTypeInfo();
            if (MkvTypeInfos.SIMPLEBLOCK.equals(type)) {
                if (callerTrackNumber >= 0) {
                    simpleBlock(element);
                }
            } else if (MkvTypeInfos.TAGNAME.equals(type)) {
                tagName = (String) element.getValueCopy().getVal();
                emitTagWhenComplete();
            } else if (MkvTypeInfos.TAGSTRING.equals(type)) {
                tagValue = (String) element.getValueCopy().getVal();
                emitTagWhenComplete();
            } else if (MkvTypeInfos.TRACKNUMBER.equals(type)) {
                trackNumbers.add((BigInteger) element.getValueCopy().getVal());
            } else if (MkvTypeInfos.TIMECODESCALE.equals(type)) {
                timecodeScaleNs = ((BigInteger) element.getValueCopy().getVal()).longValue();
            }
        }

        /**
         * Half the blocks are the other track's: peek at the block's track number (a one-byte EBML number for
         * tracks 1-126, as in every KVS stream) in the reader's buffer and copy only the caller's frames. Anything
         * unusual (long track numbers, laced blocks) goes through the library's Frame.
         */
        private void simpleBlock(MkvDataElement element) {
            ByteBuffer raw = element.getDataBuffer();
            int at = raw == null ? -1 : raw.position();
            if (raw != null && raw.remaining() >= SIMPLE_BLOCK_HEADER && (raw.get(at) & 0x80) != 0
                    && (raw.get(at + 3) & LACING_BITS) == 0) {
                if ((raw.get(at) & 0x7F) != callerTrackNumber) {
                    return;
                }
                long time = frameTime(raw.getShort(at + 1));
                capture.callerFrame(raw.duplicate().position(at + SIMPLE_BLOCK_HEADER), time);
                return;
            }
            Frame frame = (Frame) element.getValueCopy().getVal();
            if (frame.getTrackNumber() == callerTrackNumber) {
                capture.callerFrame(frame.getFrameData(), frameTime(frame.getTimeCode()));
            }
        }

        private void emitTagWhenComplete() {
            if (tagName != null && tagValue != null) {
                capture.tag(tagName.trim(), tagValue);
                tagName = null;
                tagValue = null;
            }
        }

        private long frameTime(int blockTimecode) {
            long fragmentStart = capture.fragmentProducerMillis();
            if (fragmentStart == Long.MIN_VALUE) {
                return Long.MIN_VALUE;
            }
            // The block timecode is relative to its cluster, which starts at the fragment's producer timestamp.
            return fragmentStart + blockTimecode * timecodeScaleNs / 1_000_000;
        }

        /** The caller track's format in this fragment, or null when the fragment has no caller track. */
        private AudioFormat callerFormat() {
            callerTrackNumber = -1;
            for (BigInteger number : trackNumbers) {
                MkvTrackMetadata track = metadata.getMkvTrackMetadata(number.longValue());
                if (track != null && ConnectStreams.isCallerTrack(track.getTrackName())) {
                    AudioFormat format = AudioFormat.fromTrack(track.getCodecId(),
                            track.getSamplingFrequency().orElseGet(() -> audioValue(track, MkvTypeInfos.SAMPLINGFREQUENCY, Double.class)),
                            track.getBitDepth().map(BigInteger::longValue).orElseGet(() -> unsigned(track, MkvTypeInfos.BITDEPTH)),
                            track.getChannels().map(BigInteger::longValue).orElseGet(() -> unsigned(track, MkvTypeInfos.CHANNELS)),
                            codecPrivate(track));
                    callerTrackNumber = number.longValue();
                    LOG.atDebug().addKeyValue("trackNumber", number).addKeyValue("trackName", track.getTrackName())
                            .addKeyValue("format", format).log("Found the caller track");
                    return format;
                }
            }
            return null;
        }

        /*
         * MkvTrackMetadata has sampling frequency, channels and bit depth, but FragmentMetadataVisitor 1.2.5 leaves
         * them empty; the Audio element's children are in the track's element list, so read them there.
         */
        private static Long unsigned(MkvTrackMetadata track, EBMLTypeInfo type) {
            BigInteger value = audioValue(track, type, BigInteger.class);
            return value == null ? null : value.longValue();
        }

        private static <T> T audioValue(MkvTrackMetadata track, EBMLTypeInfo type, Class<T> valueType) {
            for (MkvElement element : track.getAllElementsInTrack()) {
                if (type.equals(element.getElementMetaData().getTypeInfo()) && element instanceof MkvDataElement data) {
                    Object value = data.getValueCopy().getVal();
                    return valueType.isInstance(value) ? valueType.cast(value) : null;
                }
            }
            return null;
        }

        private static ByteBuffer codecPrivate(MkvTrackMetadata track) {
            ByteBuffer data = track.getCodecPrivateData();
            return data == null ? null : data.duplicate();
        }
    }
}
