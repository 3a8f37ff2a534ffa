package com.nomidio.connect.upload.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.upload.adapters.KvsCallerAudioSource;
import com.nomidio.connect.upload.adapters.MediaClients;
import com.nomidio.connect.upload.domain.CaptureSettings;
import com.nomidio.connect.upload.domain.SampleUploadProcessor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClient;

/**
 * The real pieces around a handler under test: WireMock as the Nomidio gateway (the contract's stubs) and real SDK
 * v2 clients on the URL-connection HTTP client, pointed at a {@link FakeKinesisVideo}.
 */
public final class SampleUploadHarness implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));

    public final WireMockServer gateway;
    public final GatewayStubs stubs;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final AtomicLong mediaBytesRead = new AtomicLong();

    public SampleUploadHarness() {
        gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
        stubs = new GatewayStubs(gateway).token();
    }

    /** The gateway accepts a sample for, and cancellation of, {@code challengeId}. */
    public SampleUploadHarness challenge(String challengeId, AuthLevel level) {
        stubs.uploadSample(challengeId).cancelChallenge(challengeId, level);
        return this;
    }

    public SampleUploadProcessor processor(FakeKinesisVideo kvs, CaptureSettings settings) {
        KinesisVideoClient kinesisVideo = KinesisVideoClient.builder()
                .endpointOverride(kvs.endpoint())
                .region(Region.EU_WEST_2)
                .credentialsProvider(CREDENTIALS)
                .httpClient(http)
                .build();
        MediaClients media = new MediaClients(endpoint -> KinesisVideoMediaClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_2)
                .credentialsProvider(CREDENTIALS)
                .httpClient(new CountingHttpClient(http, mediaBytesRead))
                .build());
        return new SampleUploadProcessor(new KvsCallerAudioSource(kinesisVideo, media, settings),
                new HttpNomidioGateway(gatewayConfig(), JSON), () -> GatewayStubs.ACCESS_KEY_SECRET, settings,
                Clock.systemUTC());
    }

    private GatewayConfig gatewayConfig() {
        return new GatewayConfig(URI.create(stubs.baseUrl()), GatewayStubs.SUPPLIER_CODE, GatewayStubs.ENTERPRISE_CODE,
                GatewayStubs.ACCESS_KEY_ID, () -> GatewayStubs.ACCESS_KEY_SECRET, null);
    }

    /**
     * The bytes the function read from GetMedia responses: what the client consumed, not what the fake wrote
     * (which socket buffers would blur).
     */
    public long mediaBytesRead() {
        return mediaBytesRead.get();
    }

    public List<Wav> uploads(String challengeId) {
        return uploads(gateway, challengeId);
    }

    /** The WAVs {@code gateway} received for {@code challengeId}, parsed. */
    public static List<Wav> uploads(WireMockServer gateway, String challengeId) {
        return gateway.findAll(putRequestedFor(urlPathEqualTo("/v1/challenges/" + challengeId + "/sample"))).stream()
                .map(LoggedRequest::getBody)
                .map(Wav::parse)
                .toList();
    }

    public List<String> cancelReasons(String challengeId) {
        return gateway.findAll(postRequestedFor(urlPathEqualTo("/v1/challenges/" + challengeId + "/cancel"))).stream()
                .map(r -> {
                    try {
                        return JSON.readTree(r.getBody()).path("reason").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** Counts the response body bytes the SDK hands to the function. */
    private record CountingHttpClient(SdkHttpClient delegate, AtomicLong counter) implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest call = delegate.prepareRequest(request);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = call.call();
                    return HttpExecuteResponse.builder().response(response.httpResponse())
                            .responseBody(response.responseBody().map(body -> AbortableInputStream.create(
                                    new FilterInputStream(body) {
                                        @Override
                                        public int read() throws IOException {
                                            int b = super.read();
                                            if (b >= 0) {
                                                counter.incrementAndGet();
                                            }
                                            return b;
                                        }

                                        @Override
                                        public int read(byte[] buffer, int offset, int length) throws IOException {
                                            int n = super.read(buffer, offset, length);
                                            if (n > 0) {
                                                counter.addAndGet(n);
                                            }
                                            return n;
                                        }
                                    }, body)).orElse(null))
                            .build();
                }

                @Override
                public void abort() {
                    call.abort();
                }
            };
        }

        @Override
        public void close() {
            // the shared client is closed by the harness
        }
    }

    @Override
    public void close() {
        gateway.stop();
        http.close();
    }
}
