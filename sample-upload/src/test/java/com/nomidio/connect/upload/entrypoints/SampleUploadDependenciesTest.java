package com.nomidio.connect.upload.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures.CONTACT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.testkit.kvs.FixtureStream;
import com.nomidio.connect.testkit.kvs.Fragment;
import com.nomidio.connect.testkit.kvs.ServedFragment;
import com.nomidio.connect.upload.domain.CaptureSettings;
import com.nomidio.connect.upload.domain.SampleUploadOutcome;
import com.nomidio.connect.upload.domain.SampleUploadOutcome.Action;
import com.nomidio.connect.upload.domain.StopReason;
import com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures;
import com.nomidio.connect.upload.testing.SampleUploadHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each of sampleUpload's dependencies slow or failing in turn, through the handler Lambda builds (its wiring, SDK
 * clients and timeouts, from an environment like template.yaml's) against the test kit's local KMS and KVS and a
 * WireMock gateway, with the function's real timeout from template.yaml. What is asserted is what the gateway was
 * told (an upload, or a cancel with its reason) and the function's answer, never how long anything took: a hung
 * dependency simply has to end in an answer to the gateway before the function's time is up.
 *
 * <p>A hung dependency costs the function's whole budget, so every scenario is started at once before the tests
 * (each with its own gateway, KMS and KVS; they mostly sleep) and each test asserts what its scenario saw.
 */
class SampleUploadDependenciesTest {

    private static final String CHALLENGE = "ch-deps-5c01";
    private static final String STREAM_ARN =
            "arn:aws:kinesisvideo:eu-west-2:111122223333:stream/connect-nomidio-contact-7a2f/1700000000000";
    /** sampleUpload's Timeout in template.yaml, in milliseconds: the budget every scenario runs under. */
    private static final long TIMEOUT_MILLIS = templateTimeoutSeconds() * 1000;
    /** Longer than the function may live: a dependency delayed this long never answers in time. */
    private static final long NEVER = 2 * TIMEOUT_MILLIS;

    /** What one invocation left behind: the answer, and what the gateway, KMS and KVS were asked. */
    record Seen(SampleUploadOutcome outcome, List<String> cancelReasons, int uploads, int gatewayRequests,
            int dataEndpointRequests, long kmsDecrypts) {
    }

    /** The local dependencies of one invocation, for a scenario to make trouble with. */
    record Dependencies(SampleUploadHarness gateway, LocalKms kms, FakeKinesisVideo kvs) {
    }

    enum Scenario {
        KMS_REFUSES(ConnectFixtures::passphrase,
                d -> d.kms().refuseEverything(400, "AccessDeniedException", "not allowed to decrypt with this key")),
        KMS_NEVER_ANSWERS(ConnectFixtures::passphrase, d -> d.kms().delay(NEVER)),
        KMS_SLOW(ConnectFixtures::passphrase, d -> d.kms().delay(500)),
        DATA_ENDPOINT_FAILS(ConnectFixtures::passphrase, d -> d.kvs().failDataEndpoint(500)),
        DATA_ENDPOINT_NEVER_ANSWERS(ConnectFixtures::passphrase, d -> d.kvs().delayDataEndpoint(NEVER)),
        MEDIA_NEVER_OPENS(ConnectFixtures::passphrase, d -> d.kvs().delayMediaOpen(NEVER)),
        MEDIA_BREAKS_MID_STREAM(ConnectFixtures::passphrase, d -> d.kvs().breakAfter(1)),
        LIVE_STREAM_GOES_QUIET(ConnectFixtures::silenceOnly, d -> d.kvs().staysLive()),
        UPLOAD_NEVER_ANSWERS(ConnectFixtures::passphrase, d -> d.gateway().gateway.stubFor(
                put(urlPathEqualTo("/v1/challenges/" + CHALLENGE + "/sample")).atPriority(1)
                        .willReturn(aResponse().withStatus(202).withFixedDelay((int) NEVER)))),
        CANCEL_FAILS(ConnectFixtures::silenceOnly, d -> d.gateway().gateway.stubFor(
                post(urlPathEqualTo("/v1/challenges/" + CHALLENGE + "/cancel")).atPriority(1)
                        .willReturn(GatewayStubs.error(500, "SERVER_ERROR")))),
        CANCEL_NEVER_ANSWERS(ConnectFixtures::silenceOnly, d -> d.gateway().gateway.stubFor(
                post(urlPathEqualTo("/v1/challenges/" + CHALLENGE + "/cancel")).atPriority(1)
                        .willReturn(aResponse().withStatus(200).withFixedDelay((int) NEVER))));

        private final Supplier<FixtureStream> fixture;
        private final Consumer<Dependencies> trouble;

        Scenario(Supplier<FixtureStream> fixture, Consumer<Dependencies> trouble) {
            this.fixture = fixture;
            this.trouble = trouble;
        }
    }

    private static final Map<Scenario, CompletableFuture<Seen>> RUNS = new EnumMap<>(Scenario.class);
    private static ExecutorService executor;

    @BeforeAll
    static void startEveryScenario() {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        for (Scenario scenario : Scenario.values()) {
            RUNS.put(scenario, CompletableFuture.supplyAsync(() -> run(scenario), executor));
        }
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void handleRequest_whenKmsRefusesTheSecret_readsNoAudioAndAnswersFailedWithoutThrowing() {
        assertGatewayNeverAsked(seen(Scenario.KMS_REFUSES));
    }

    @Test
    void handleRequest_whenKmsNeverAnswers_givesUpBeforeCaptureAndAnswersFailed() {
        assertGatewayNeverAsked(seen(Scenario.KMS_NEVER_ANSWERS));
    }

    @Test
    void handleRequest_whenKmsIsSlowButAnswers_decryptsFirstAndUploads() {
        Seen seen = seen(Scenario.KMS_SLOW);

        assertThat(seen.outcome().action()).isEqualTo(Action.UPLOADED);
        assertThat(seen.uploads()).isEqualTo(1);
        assertThat(seen.kmsDecrypts()).isPositive();
    }

    @Test
    void handleRequest_whenGetDataEndpointFails_cancelsWithStreamError() {
        assertCancelled(seen(Scenario.DATA_ENDPOINT_FAILS), StopReason.STREAM_FAULT, "STREAM_ERROR");
    }

    @Test
    void handleRequest_whenGetDataEndpointNeverAnswers_cancelsWithStreamErrorInTime() {
        assertCancelled(seen(Scenario.DATA_ENDPOINT_NEVER_ANSWERS), StopReason.STREAM_FAULT, "STREAM_ERROR");
    }

    @Test
    void handleRequest_whenGetMediaNeverOpens_cancelsWithStreamErrorInTime() {
        assertCancelled(seen(Scenario.MEDIA_NEVER_OPENS), StopReason.STREAM_FAULT, "STREAM_ERROR");
    }

    @Test
    void handleRequest_whenGetMediaBreaksMidStream_cancelsWithStreamError() {
        assertCancelled(seen(Scenario.MEDIA_BREAKS_MID_STREAM), StopReason.STREAM_FAULT, "STREAM_ERROR");
    }

    /** A live stream that stays open with nothing more to say: capture stops at its deadline, the cancel still fits. */
    @Test
    void handleRequest_whenLiveStreamOutlastsTheTimeBudget_stopsInTimeAndTellsTheGateway() {
        assertCancelled(seen(Scenario.LIVE_STREAM_GOES_QUIET), StopReason.TIME_BUDGET, "INSUFFICIENT_AUDIO");
    }

    @Test
    void handleRequest_whenTheUploadNeverAnswers_cancelsWithInternalErrorInTime() {
        Seen seen = seen(Scenario.UPLOAD_NEVER_ANSWERS);

        assertThat(seen.outcome().action()).isEqualTo(Action.CANCELLED);
        assertThat(seen.outcome().detail()).contains("DEADLINE_EXCEEDED");
        assertThat(seen.cancelReasons()).containsExactly("INTERNAL_ERROR");
    }

    @Test
    void handleRequest_whenTheCancelFails_answersFailedAfterTryingIt() {
        Seen seen = seen(Scenario.CANCEL_FAILS);

        assertThat(seen.outcome().action()).isEqualTo(Action.FAILED);
        assertThat(seen.outcome().detail()).startsWith("cancel failed");
        assertThat(seen.cancelReasons()).contains("INSUFFICIENT_AUDIO");
    }

    @Test
    void handleRequest_whenTheCancelNeverAnswers_answersFailedBeforeTheFunctionTimesOut() {
        Seen seen = seen(Scenario.CANCEL_NEVER_ANSWERS);

        assertThat(seen.outcome().action()).isEqualTo(Action.FAILED);
        assertThat(seen.outcome().detail()).isEqualTo("cancel failed: DEADLINE_EXCEEDED");
        assertThat(seen.cancelReasons()).containsExactly("INSUFFICIENT_AUDIO");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Seen seen(Scenario scenario) {
        return RUNS.get(scenario).join();
    }

    /** Without the secret there is no token: the gateway cannot be told, and capture is not even begun. */
    private static void assertGatewayNeverAsked(Seen seen) {
        assertThat(seen.outcome().action()).isEqualTo(Action.FAILED);
        assertThat(seen.outcome().detail()).contains("access key secret unavailable");
        assertThat(seen.dataEndpointRequests()).isZero();
        assertThat(seen.gatewayRequests()).isZero();
    }

    private static void assertCancelled(Seen seen, StopReason stopReason, String cancelReason) {
        assertThat(seen.outcome().action()).isEqualTo(Action.CANCELLED);
        assertThat(seen.outcome().stopReason()).isEqualTo(stopReason);
        assertThat(seen.uploads()).isZero();
        assertThat(seen.cancelReasons()).containsExactly(cancelReason);
    }

    /** One invocation of the handler Lambda builds, from an environment like template.yaml's, with the real timeout. */
    private static Seen run(Scenario scenario) {
        FixtureStream fixture = scenario.fixture.get();
        try (SampleUploadHarness gateway = new SampleUploadHarness().challenge(CHALLENGE, AuthLevel.STANDARD);
                LocalKms kms = new LocalKms();
                FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture))) {
            String ciphertext = kms.holds(GatewayStubs.ACCESS_KEY_SECRET,
                    SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));
            scenario.trouble.accept(new Dependencies(gateway, kms, kvs));
            Map<String, String> env = new LinkedHashMap<>();
            env.put(GatewayConfig.GATEWAY_URL, gateway.stubs.baseUrl());
            env.put(GatewayConfig.SUPPLIER_CODE, GatewayStubs.SUPPLIER_CODE);
            env.put(GatewayConfig.ENTERPRISE_CODE, GatewayStubs.ENTERPRISE_CODE);
            env.put(GatewayConfig.ACCESS_KEY_ID, GatewayStubs.ACCESS_KEY_ID);
            env.put(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, ciphertext);
            env.put(CaptureSettings.KVS_START_SELECTOR, "PRODUCER_TIMESTAMP");
            env.put(CaptureSettings.UPLOAD_RESERVE_MS, "4000");
            env.put(AwsEnvironment.REGION, "eu-west-2");
            env.put(AwsEnvironment.ACCESS_KEY_ID, "AKIDTEST");
            env.put(AwsEnvironment.SECRET_ACCESS_KEY, "test-secret");
            env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KMS, kms.endpoint().toString());
            env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KINESIS_VIDEO, kvs.endpoint().toString());
            Fragment first = fixture.call().fragments().get(0);
            SampleUploadRequest request = new SampleUploadRequest(CONTACT_ID, STREAM_ARN, first.number(),
                    first.producerMillis(), CHALLENGE, AuthLevel.STANDARD, first.producerMillis());
            SampleUploadOutcome outcome = SampleUploadHandlerTest.invoke(SampleUploadHandler.fromEnvironment(env),
                    request, TIMEOUT_MILLIS);
            return new Seen(outcome, gateway.cancelReasons(CHALLENGE), gateway.uploads(CHALLENGE).size(),
                    gateway.gateway.getAllServeEvents().size(), kvs.dataEndpointRequests().size(), kms.decrypts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long templateTimeoutSeconds() {
        try {
            String template = Files.readString(Path.of("..", "template.yaml"));
            Matcher function = Pattern.compile("(?m)^  sampleUpload:\\n((?:    .*\\n|\\s*\\n)+)").matcher(template);
            if (!function.find()) {
                throw new IllegalStateException("template.yaml declares no sampleUpload");
            }
            Matcher timeout = Pattern.compile("(?m)^      Timeout: (\\d+)$").matcher(function.group(1));
            if (!timeout.find()) {
                throw new IllegalStateException("template.yaml's sampleUpload has no Timeout");
            }
            return Long.parseLong(timeout.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
