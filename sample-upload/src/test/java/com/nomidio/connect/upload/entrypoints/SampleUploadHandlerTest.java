package com.nomidio.connect.upload.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures.CONTACT_ID;
import static com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures.OTHER_CONTACT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kvs.CallBuilder;
import com.nomidio.connect.testkit.kvs.ConnectCall;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.testkit.kvs.FixtureStream;
import com.nomidio.connect.testkit.kvs.Fragment;
import com.nomidio.connect.testkit.kvs.ServedFragment;
import com.nomidio.connect.testkit.kvs.TagPlacement;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import com.nomidio.connect.upload.domain.CaptureSettings;
import com.nomidio.connect.upload.domain.SampleUploadOutcome;
import com.nomidio.connect.upload.domain.SampleUploadOutcome.Action;
import com.nomidio.connect.upload.domain.StartSelectorChoice;
import com.nomidio.connect.upload.domain.StopReason;
import com.nomidio.connect.testkit.kvs.fixtures.Audio;
import com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures;
import com.nomidio.connect.upload.testing.SampleUploadHarness;
import com.nomidio.connect.upload.testing.Wav;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handler end to end: real SDK v2 clients over HTTP to a fake KVS serving Connect-shaped MKV fixtures, WireMock
 * as the gateway, assertions on the exact WAV the gateway receives.
 */
class SampleUploadHandlerTest {

    private static final String CHALLENGE = "ch-7f3a91";
    private static final String STREAM_ARN =
            "arn:aws:kinesisvideo:eu-west-2:111122223333:stream/connect-nomidio-contact-7a2f/1700000000000";

    private SampleUploadHarness harness;

    @BeforeEach
    void startGateway() {
        harness = new SampleUploadHarness().challenge(CHALLENGE, AuthLevel.STANDARD);
    }

    @AfterEach
    void stopGateway() {
        harness.close();
    }

    @Test
    void handleRequest_whenPassphraseWithDefaults_uploadsWavOfWholeFragmentsFromTheFirstOnAtProducerTimestamp()
            throws IOException {
        FixtureStream fixture = ConnectFixtures.passphrase();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture))) {
            SampleUploadOutcome outcome = run(kvs, CaptureSettings.defaults(), request(fixture, AuthLevel.STANDARD));

            assertThat(outcome.action()).isEqualTo(Action.UPLOADED);
            assertThat(outcome.stopReason()).isEqualTo(StopReason.ENOUGH_SPEECH);
            JsonNode selector = kvs.mediaRequests().get(0).path("StartSelector");
            assertThat(selector.path("StartSelectorType").asText()).isEqualTo("PRODUCER_TIMESTAMP");
            assertThat(new BigDecimal(selector.path("StartTimestamp").asText()).movePointRight(3).longValue())
                    .isEqualTo(CallBuilder.START_MILLIS);
            assertThat(kvs.mediaRequests().get(0).path("StreamARN").asText()).isEqualTo(STREAM_ARN);
            assertThat(kvs.dataEndpointRequests().get(0).path("APIName").asText()).isEqualTo("GET_MEDIA");

            Wav wav = single(harness.uploads(CHALLENGE));
            assertPcmHeader(wav, 8000, 16);
            int kept = wholeFragmentsMatching(fixture.call(), 0, wav.samples16());
            assertThat(kept).isBetween(4, fixture.call().fragments().size() - 1); // stopped before the stream ended
            assertThat(wav.dataSize()).isEqualTo(wav.pcm().length);
            assertThat(wav.samples16().length * 1000L / 8000).isGreaterThanOrEqualTo(8000); // 8 s of speech needs more audio
            assertOnlyThisContactsCallerSamples(wav);
        }
    }

    @Test
    void handleRequest_whenFragmentNumberSelectorOnAfterSemantics_losesTheFirstFragmentThatProducerTimestampKeeps()
            throws IOException {
        FixtureStream fixture = ConnectFixtures.passphrase();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture))) {
            run(kvs, CaptureSettings.defaults().withStartSelector(StartSelectorChoice.FRAGMENT_NUMBER),
                    request(fixture, AuthLevel.STANDARD));

            JsonNode selector = kvs.mediaRequests().get(0).path("StartSelector");
            assertThat(selector.path("StartSelectorType").asText()).isEqualTo("FRAGMENT_NUMBER");
            assertThat(selector.path("AfterFragmentNumber").asText()).isEqualTo(fixture.call().fragments().get(0).number());
            short[] samples = single(harness.uploads(CHALLENGE)).samples16();
            short[] firstFragment = fixture.call().callerSamples(0, 1);
            short[] secondFragment = fixture.call().callerSamples(1, 2);
            // The caller's first words (fragment 0) are missing: the WAV begins with fragment 1.
            assertThat(Arrays.copyOf(samples, secondFragment.length)).isEqualTo(secondFragment);
            assertThat(Arrays.copyOf(samples, firstFragment.length)).isNotEqualTo(firstFragment);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void handleRequest_whenProducerTimestampSelector_keepsTheFirstFragmentWhateverFragmentNumberSemanticsKvsHas(
            boolean inclusive) throws IOException {
        FixtureStream fixture = ConnectFixtures.passphrase();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture)).fragmentNumberInclusive(inclusive)) {
            run(kvs, CaptureSettings.defaults(), request(fixture, AuthLevel.STANDARD));

            short[] samples = single(harness.uploads(CHALLENGE)).samples16();
            short[] firstFragment = fixture.call().callerSamples(0, 1);
            assertThat(Arrays.copyOf(samples, firstFragment.length)).isEqualTo(firstFragment);
        }
    }

    @Test
    void handleRequest_whenServerTimestampStartsInThePreviousContactsFragment_skipsItAndKeepsOnlyThisContact()
            throws IOException {
        ConnectFixtures.Sources s = new ConnectFixtures.Sources();
        CallBuilder builder = new CallBuilder().startingAt(CallBuilder.START_MILLIS - 4096);
        builder.fragment(OTHER_CONTACT_ID, s.other.next(16384), null, TagPlacement.TRAILING);
        builder.fragment(OTHER_CONTACT_ID, s.other.next(16384), null, TagPlacement.TRAILING);
        for (int i = 0; i < 7; i++) {
            builder.fragment(CONTACT_ID, s.caller.next(16384), s.prompt.next(16384), TagPlacement.TRAILING);
        }
        ConnectCall call = builder.build();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(call, call.toFragmentBytes()))) {
            SampleUploadRequest request = new SampleUploadRequest(CONTACT_ID, STREAM_ARN, call.fragments().get(2).number(),
                    CallBuilder.START_MILLIS, CHALLENGE, AuthLevel.STANDARD, CallBuilder.START_MILLIS);
            SampleUploadOutcome outcome = run(kvs, CaptureSettings.defaults().withStartSelector(StartSelectorChoice.SERVER_TIMESTAMP),
                    request);

            assertThat(kvs.mediaRequests().get(0).path("StartSelector").path("StartSelectorType").asText())
                    .isEqualTo("SERVER_TIMESTAMP");
            assertThat(outcome.action()).isEqualTo(Action.UPLOADED);
            short[] samples = single(harness.uploads(CHALLENGE)).samples16();
            assertThat(Arrays.copyOf(samples, 16384)).isEqualTo(call.callerSamples(2, 3));
            assertOnlyThisContactsCallerSamples(single(harness.uploads(CHALLENGE)));
        }
    }

    /** Capture found too little, or the stream failed: the gateway gets a cancel with the reason, never a WAV. */
    record CancelCase(String name, Supplier<FixtureStream> fixture, String policy, UnaryOperator<FakeKinesisVideo> kvs,
            StopReason stopReason, String cancelReason, ToIntFunction<ConnectCall> samples, Long speechMillis) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<CancelCase> cancelCases() {
        return Stream.of(
                // the loud AUDIO_TO_CUSTOMER prompt is not the caller: no speech at all
                new CancelCase("caller silent while the prompt plays", ConnectFixtures::silenceOnly, "", kvs -> kvs,
                        StopReason.END_OF_STREAM, "INSUFFICIENT_AUDIO", null, 0L),
                new CancelCase("stream moves on to another contact before enough speech", ConnectFixtures::nextContact,
                        "minimumSpeechMs=7000,targetSpeechMs=8000", kvs -> kvs, StopReason.OTHER_CONTACT,
                        "CALLER_HUNG_UP", null, null),
                // nothing after the error code is read
                new CancelCase("GetMedia sends an error code", ConnectFixtures::errorCode, "", kvs -> kvs,
                        StopReason.ERROR_TAG, "STREAM_ERROR", call -> call.callerSamples(0, 1).length, null),
                // the partial fragment is dropped
                new CancelCase("stream cut inside a fragment", ConnectFixtures::truncated, "", kvs -> kvs,
                        StopReason.STREAM_FAULT, "STREAM_ERROR", call -> call.callerSamples(0, 1).length, null),
                new CancelCase("GetMedia fails", ConnectFixtures::passphrase, "", kvs -> kvs.failMedia(404),
                        StopReason.STREAM_FAULT, "STREAM_ERROR", call -> 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancelCases")
    void handleRequest_whenTooLittleAudioOrAStreamFault_cancelsWithTheReasonAndUploadsNothing(CancelCase c)
            throws IOException {
        FixtureStream fixture = c.fixture().get();
        try (FakeKinesisVideo kvs = c.kvs().apply(new FakeKinesisVideo(ServedFragment.of(fixture)))) {
            SampleUploadOutcome outcome = run(kvs, settings(c.policy()), request(fixture, AuthLevel.STANDARD));

            assertThat(outcome.action()).isEqualTo(Action.CANCELLED);
            assertThat(outcome.stopReason()).isEqualTo(c.stopReason());
            if (c.samples() != null) {
                assertThat(outcome.samples()).isEqualTo(c.samples().applyAsInt(fixture.call()));
            }
            if (c.speechMillis() != null) {
                assertThat(outcome.speechMillis()).isEqualTo(c.speechMillis());
            }
            assertThat(harness.uploads(CHALLENGE)).isEmpty();
            assertThat(harness.cancelReasons(CHALLENGE)).containsExactly(c.cancelReason());
        }
    }

    @Test
    void handleRequest_whenSpeechStartsLate_uploadsTheLeadingSilenceAndEnoughSpeech() throws IOException {
        FixtureStream fixture = ConnectFixtures.lateSpeech();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture))) {
            SampleUploadOutcome outcome = run(kvs, CaptureSettings.defaults(), request(fixture, AuthLevel.STANDARD));

            assertThat(outcome.action()).isEqualTo(Action.UPLOADED);
            assertThat(outcome.speechMillis()).isGreaterThanOrEqualTo(8000);
            Wav wav = single(harness.uploads(CHALLENGE));
            assertThat(wholeFragmentsMatching(fixture.call(), 0, wav.samples16())).isGreaterThan(3);
            assertOnlyThisContactsCallerSamples(wav);
        }
    }

    @Test
    void handleRequest_whenStreamContinuesIntoAnotherContact_uploadsExactlyThisContactsFragmentsAndNoSampleOfTheOther()
            throws IOException {
        FixtureStream fixture = ConnectFixtures.nextContact();
        CaptureSettings lowMinimum = settings("minimumSpeechMs=1000");
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture))) {
            SampleUploadOutcome outcome = run(kvs, lowMinimum, request(fixture, AuthLevel.STANDARD));

            assertThat(outcome.stopReason()).isEqualTo(StopReason.OTHER_CONTACT);
            Wav wav = single(harness.uploads(CHALLENGE));
            assertPcmHeader(wav, 8000, 16);
            assertThat(wav.samples16()).isEqualTo(fixture.call().callerSamples(0, 3));
            assertOnlyThisContactsCallerSamples(wav);
        }
    }

    @Test
    void handleRequest_whenLegacySingleTrackStream_uploadsItsCallerAudio() throws IOException {
        FixtureStream fixture = ConnectFixtures.legacyTrack();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture))) {
            SampleUploadOutcome outcome = run(kvs, CaptureSettings.defaults(), request(fixture, AuthLevel.STANDARD));

            assertThat(outcome.action()).isEqualTo(Action.UPLOADED);
            Wav wav = single(harness.uploads(CHALLENGE));
            assertPcmHeader(wav, 8000, 16);
            assertThat(wholeFragmentsMatching(fixture.call(), 0, wav.samples16())).isPositive();
        }
    }

    /**
     * Streaming began before this challenge (a customer flow, an earlier challenge): three fragments of this
     * contact's stream come before the question. Their caller audio is marked as not this sample's (1 mod 4), so any
     * of it in the WAV fails the by-value check.
     */
    private static ConnectCall streamStartedBeforeTheQuestion() {
        ConnectFixtures.Sources s = new ConnectFixtures.Sources();
        CallBuilder builder = new CallBuilder();
        for (int i = 0; i < 3; i++) {
            builder.fragment(CONTACT_ID, s.other.next(16384), s.prompt.next(16384),
                    i == 0 ? TagPlacement.BOTH : TagPlacement.TRAILING);
        }
        for (int i = 0; i < 7; i++) {
            builder.fragment(CONTACT_ID, s.caller.next(16384), s.prompt.next(16384), TagPlacement.TRAILING);
        }
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRODUCER_TIMESTAMP", "FRAGMENT_NUMBER"})
    void handleRequest_whenStreamingBeganBeforeTheChallenge_uploadsNothingProducedBeforeTheRequest(String selector)
            throws IOException {
        ConnectCall call = streamStartedBeforeTheQuestion();
        Fragment first = call.fragments().get(0);
        long questionAsked = call.fragments().get(3).producerMillis();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(call, call.toFragmentBytes()))) {
            // requested 500 ms (the default slack) after fragment 3 began: audio from fragment 3's start on may be kept
            SampleUploadOutcome outcome = run(kvs,
                    CaptureSettings.defaults().withStartSelector(StartSelectorChoice.valueOf(selector)),
                    new SampleUploadRequest(CONTACT_ID, STREAM_ARN, first.number(), first.producerMillis(), CHALLENGE,
                            AuthLevel.STANDARD, questionAsked + 500));

            assertThat(outcome.action()).isEqualTo(Action.UPLOADED);
            Wav wav = single(harness.uploads(CHALLENGE));
            assertOnlyThisContactsCallerSamples(wav);
            assertThat(wholeFragmentsMatching(call, 3, wav.samples16())).isPositive();
        }
    }

    @Test
    void handleRequest_whenRequestedInsideAFragment_startsTheWavAtTheFirstFrameAfterRequestLessSlack() throws IOException {
        ConnectCall call = streamStartedBeforeTheQuestion();
        Fragment first = call.fragments().get(0);
        long fragment3 = call.fragments().get(3).producerMillis();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(call, call.toFragmentBytes()))) {
            // 1012 ms into fragment 3, less 500 ms slack: 512 ms in, the start of its 9th 64 ms frame
            run(kvs, CaptureSettings.defaults(), new SampleUploadRequest(CONTACT_ID, STREAM_ARN, first.number(),
                    first.producerMillis(), CHALLENGE, AuthLevel.STANDARD, fragment3 + 1012));

            JsonNode selector = kvs.mediaRequests().get(0).path("StartSelector");
            assertThat(new BigDecimal(selector.path("StartTimestamp").asText()).movePointRight(3).longValue())
                    .isEqualTo(fragment3 + 512); // GetMedia starts there, not at the stream start
            short[] samples = single(harness.uploads(CHALLENGE)).samples16();
            short[] fragment3Caller = call.callerSamples(3, 4);
            assertThat(Arrays.copyOf(samples, fragment3Caller.length - 4096))
                    .isEqualTo(Arrays.copyOfRange(fragment3Caller, 4096, fragment3Caller.length));
        }
    }

    @Test
    void handleRequest_whenAFragmentIsLargerThanTheCap_dropsItAndUploadsTheOthers() throws IOException {
        ConnectFixtures.Sources s = new ConnectFixtures.Sources();
        CallBuilder builder = new CallBuilder();
        builder.fragment(CONTACT_ID, s.caller.next(16384), s.prompt.next(16384), TagPlacement.BOTH);
        // 40000 samples (80 KB of caller audio) against a 64 KB cap; marked 1 mod 4 so a leak shows by value
        builder.fragment(CONTACT_ID, s.other.next(40000), s.prompt.next(40000), TagPlacement.TRAILING);
        for (int i = 0; i < 6; i++) {
            builder.fragment(CONTACT_ID, s.caller.next(16384), s.prompt.next(16384), TagPlacement.TRAILING);
        }
        ConnectCall call = builder.build();
        CaptureSettings capped = CaptureSettings.fromEnvironment(Map.of(CaptureSettings.MAX_FRAGMENT_BYTES, "65536"));
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(call, call.toFragmentBytes()))) {
            Fragment first = call.fragments().get(0);
            SampleUploadOutcome outcome = run(kvs, capped, new SampleUploadRequest(CONTACT_ID, STREAM_ARN,
                    first.number(), first.producerMillis(), CHALLENGE, AuthLevel.STANDARD, first.producerMillis()));

            assertThat(outcome.action()).isEqualTo(Action.UPLOADED);
            Wav wav = single(harness.uploads(CHALLENGE));
            assertOnlyThisContactsCallerSamples(wav);
            short[] samples = wav.samples16();
            assertThat(Arrays.copyOf(samples, 16384)).isEqualTo(call.callerSamples(0, 1));
            assertThat(Arrays.copyOfRange(samples, 16384, 32768)).isEqualTo(call.callerSamples(2, 3));
        }
    }

    @Test
    void handleRequest_whenTenMinuteCall_stopsOnEnoughSpeechWithoutReadingTheCall() throws IOException {
        ConnectFixtures.Sources s = new ConnectFixtures.Sources();
        CallBuilder builder = new CallBuilder();
        long millis = 0;
        for (int i = 0; millis < 600_000; i++) {
            int duration = new int[] {2048, 1536, 2560, 3072}[i % 4];
            builder.fragment(CONTACT_ID, s.caller.next(builder.samplesFor(duration)),
                    s.prompt.next(builder.samplesFor(duration)), i == 0 ? TagPlacement.BOTH : TagPlacement.TRAILING);
            millis += duration;
        }
        ConnectCall call = builder.build();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(call, call.toFragmentBytes()))) {
            // Lambda's whole 5 minutes rather than the usual 30 s: this test is about what is read, not the deadline,
            // and serving a 19 MB call is slow on a machine busy with other builds.
            SampleUploadHandler handler = new SampleUploadHandler(harness.processor(kvs, CaptureSettings.defaults()),
                    SampleUploadHarness.JSON);
            SampleUploadOutcome outcome = invoke(handler,
                    new SampleUploadRequest(CONTACT_ID, STREAM_ARN, call.fragments().get(0).number(), CallBuilder.START_MILLIS,
                            CHALLENGE, AuthLevel.STANDARD, CallBuilder.START_MILLIS), 300_000);

            assertThat(outcome.stopReason()).isEqualTo(StopReason.ENOUGH_SPEECH);
            Wav wav = single(harness.uploads(CHALLENGE));
            assertThat(wholeFragmentsMatching(call, 0, wav.samples16())).isLessThan(12);
            assertThat(kvs.totalBytes()).isGreaterThan(19_000_000);
            // What the function read, not what the fake wrote (socket buffers and scheduling blur the latter): under
            // 12 fragments of about 2.5 s, 16 KB/s per track, so far below the call's 19 MB.
            assertThat(harness.mediaBytesRead()).isPositive().isLessThan(kvs.totalBytes() / 10);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty-mkv-with-tags.mkv", "output_get_media.mkv", "output_get_media_sparse_fragments.mkv",
            "test_mixed_tags.mkv"})
    void handleRequest_whenRealGetMediaOutputHasNoCallerTrack_cancelsWithNoAudio(String file) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/kvs-real/" + file)) {
            bytes = in.readAllBytes();
        }
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.opaque(bytes))) {
            SampleUploadOutcome outcome = run(kvs, CaptureSettings.defaults(),
                    new SampleUploadRequest(CONTACT_ID, STREAM_ARN, "91343852333713038908964877623801423530396737899",
                            null, CHALLENGE, AuthLevel.STANDARD, 0));

            assertThat(outcome.action()).isEqualTo(Action.CANCELLED);
            assertThat(outcome.detail()).contains("no caller audio");
            assertThat(harness.uploads(CHALLENGE)).isEmpty();
            assertThat(harness.cancelReasons(CHALLENGE)).containsExactly("NO_AUDIO");
        }
    }

    @Test
    void handleRequest_whenUploadFailsAtTheGateway_cancelsTheChallengeSoTheFlowDoesNotWait() throws IOException {
        harness.gateway.stubFor(put(urlPathEqualTo("/v1/challenges/" + CHALLENGE + "/sample")).atPriority(1)
                .willReturn(GatewayStubs.error(503, "SERVER_ERROR")));
        FixtureStream fixture = ConnectFixtures.passphrase();
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture))) {
            SampleUploadOutcome outcome = run(kvs, CaptureSettings.defaults(), request(fixture, AuthLevel.STANDARD));

            assertThat(outcome.action()).isEqualTo(Action.CANCELLED);
            assertThat(harness.cancelReasons(CHALLENGE)).containsExactly("INTERNAL_ERROR");
        }
    }

    @Test
    void handleRequest_whenRequestLacksTheStream_cancelsWithInternalError() throws IOException {
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(List.of())) {
            SampleUploadOutcome outcome = run(kvs, CaptureSettings.defaults(),
                    new SampleUploadRequest(CONTACT_ID, null, "1", null, CHALLENGE, AuthLevel.STANDARD, 0));

            assertThat(outcome.action()).isEqualTo(Action.CANCELLED);
            assertThat(kvs.mediaRequests()).isEmpty();
            assertThat(harness.cancelReasons(CHALLENGE)).containsExactly("INTERNAL_ERROR");
        }
    }

    @Test
    void handleRequest_whenPayloadHasAnUnknownLevel_stillCancelsTheNamedChallenge() throws IOException {
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(List.of())) {
            SampleUploadHandler handler = new SampleUploadHandler(harness.processor(kvs, CaptureSettings.defaults()),
                    SampleUploadHarness.JSON);
            byte[] payload = ("{\"contactId\":\"" + CONTACT_ID + "\",\"challengeId\":\"" + CHALLENGE
                    + "\",\"level\":\"MEDIUM\"}").getBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(payload), out, new LocalLambdaContext("sampleUpload", 30_000));

            assertThat(SampleUploadHarness.JSON.readTree(out.toByteArray()).path("action").asText()).isEqualTo("CANCELLED");
            assertThat(harness.cancelReasons(CHALLENGE)).containsExactly("INTERNAL_ERROR");
        }
    }

    @Test
    void handleRequest_whenPayloadIsNotJson_answersFailedWithoutCallingAnything() throws IOException {
        try (FakeKinesisVideo kvs = new FakeKinesisVideo(List.of())) {
            SampleUploadHandler handler = new SampleUploadHandler(harness.processor(kvs, CaptureSettings.defaults()),
                    SampleUploadHarness.JSON);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream("not json".getBytes()), out, new LocalLambdaContext("sampleUpload", 30_000));

            assertThat(SampleUploadHarness.JSON.readTree(out.toByteArray()).path("action").asText()).isEqualTo("FAILED");
            assertThat(harness.gateway.getAllServeEvents()).isEmpty();
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private SampleUploadOutcome run(FakeKinesisVideo kvs, CaptureSettings settings, SampleUploadRequest request)
            throws IOException {
        SampleUploadHandler handler = new SampleUploadHandler(harness.processor(kvs, settings), SampleUploadHarness.JSON);
        return invoke(handler, request, 30_000);
    }

    static SampleUploadOutcome invoke(SampleUploadHandler handler, SampleUploadRequest request, long remainingMillis)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(SampleUploadHarness.JSON.writeValueAsBytes(request)), out,
                new LocalLambdaContext("sampleUpload", remainingMillis));
        return SampleUploadHarness.JSON.readValue(out.toByteArray(), SampleUploadOutcome.class);
    }

    private static SampleUploadRequest request(FixtureStream fixture, AuthLevel level) {
        Fragment first = fixture.call().fragments().get(0);
        // Asked as the stream began: the request's instant is no tighter bound than the stream start here.
        return new SampleUploadRequest(CONTACT_ID, STREAM_ARN, first.number(), first.producerMillis(), CHALLENGE, level,
                first.producerMillis());
    }

    private static CaptureSettings settings(String standardOverrides) {
        return CaptureSettings.fromEnvironment(Map.of("CAPTURE_POLICY_STANDARD", standardOverrides));
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    static void assertPcmHeader(Wav wav, int rate, int bits) {
        assertThat(wav.riff()).isEqualTo("RIFF");
        assertThat(wav.wave()).isEqualTo("WAVE");
        assertThat(wav.fmt()).isEqualTo("fmt ");
        assertThat(wav.fmtSize()).isEqualTo(16);
        assertThat(wav.formatTag()).isEqualTo(1);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.sampleRate()).isEqualTo(rate);
        assertThat(wav.bitsPerSample()).isEqualTo(bits);
        assertThat(wav.blockAlign()).isEqualTo(bits / 8);
        assertThat(wav.byteRate()).isEqualTo(rate * bits / 8);
        assertThat(wav.data()).isEqualTo("data");
        assertThat(wav.dataSize()).isEqualTo(wav.pcm().length);
        assertThat(wav.riffSize()).isEqualTo(36 + wav.dataSize());
    }

    /** Every sample is this contact's caller's (even), none another contact's (1 mod 4) or the agent's (3 mod 4). */
    static void assertOnlyThisContactsCallerSamples(Wav wav) {
        short[] samples = wav.samples16();
        for (int i = 0; i < samples.length; i++) {
            if (!Audio.isOurs(samples[i])) {
                throw new AssertionError("sample " + i + " = " + samples[i] + " is not this contact's caller audio");
            }
        }
    }

    /**
     * How many whole fragments, from {@code first} on, the samples are exactly; fails unless the samples end on a
     * fragment boundary.
     */
    static int wholeFragmentsMatching(ConnectCall call, int first, short[] samples) {
        for (int to = first + 1; to <= call.fragments().size(); to++) {
            short[] expected = call.callerSamples(first, to);
            if (expected.length == samples.length) {
                assertThat(samples).isEqualTo(expected);
                return to - first;
            }
            if (expected.length > samples.length) {
                break;
            }
        }
        throw new AssertionError("the WAV (" + samples.length + " samples) is not whole fragments from " + first);
    }
}
