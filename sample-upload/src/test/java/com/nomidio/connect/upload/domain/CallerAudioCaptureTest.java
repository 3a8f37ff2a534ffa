package com.nomidio.connect.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.upload.adapters.ConnectStreams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the capture keeps of a fragment's frames, fed event by event as KvsMkvReader feeds it. */
class CallerAudioCaptureTest {

    private static final String CONTACT_ID = "7a2f4c1e-9b3d-4e5f-8a6b-1c2d3e4f5a6b";
    private static final AudioFormat PCM_8K = AudioFormat.fromTrack("A_PCM/INT/LIT", 8000.0, 16L, 1L, null);

    /**
     * A fragment of this contact with two 64 ms frames: one stamped, one whose producer time is unknown (a fragment
     * without KVS's producer timestamp tag). Only the stamped one can be proven to follow the question.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void result_whenAFrameHasNoProducerTime_keepsOnlyTheStampedFrames(boolean withBound) {
        CallerAudioCapture capture = new CallerAudioCapture(CONTACT_ID, CapturePolicy.defaultFor(AuthLevel.STANDARD),
                withBound ? Long.valueOf(1_700_000_000_000L) : null, CaptureSettings.DEFAULT_MAX_FRAGMENT_BYTES);
        capture.fragmentStarted();
        capture.tag(ConnectStreams.PRODUCER_TIMESTAMP_TAG, "1700000000.000");
        capture.clusterStarted(PCM_8K);
        capture.callerFrame(frame(512, (short) 1000), capture.fragmentProducerMillis());
        capture.callerFrame(frame(512, (short) 2000), Long.MIN_VALUE);
        capture.clusterEnded();
        capture.tag(ConnectStreams.CONTACT_ID_TAG, CONTACT_ID);
        capture.fragmentComplete();
        capture.endOfStream();

        CaptureResult result = capture.result();
        assertThat(result.samples()).isEqualTo(512);
        assertThat(result.fragmentsKept()).isEqualTo(1);
    }

    private static ByteBuffer frame(int samples, short value) {
        ByteBuffer bytes = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            bytes.putShort(value);
        }
        return bytes.flip();
    }
}
