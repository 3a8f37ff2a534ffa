package com.nomidio.connect.action.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.nomidio.connect.action.adapters.ConnectEvents;
import com.nomidio.connect.action.adapters.EmfMetrics;
import com.nomidio.connect.action.adapters.InvocationRecorder;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.json.Json;
import software.amazon.awssdk.utils.Lazy;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * nomidioAction wired as in Lambda (ActionWiring from an environment map, real SDK clients, the JDK HTTP client)
 * against WireMock as the Nomidio gateway and as the Lambda Invoke API, and the kit's local KMS. A test class
 * registers one per class ({@code @RegisterExtension static final NomidioActionHarness harness = ...}): the servers
 * start once, every test starts from fresh stubs and a fresh handler, and they stop after the last test.
 */
final class NomidioActionHarness implements BeforeEachCallback, AfterAllCallback, AutoCloseable {

    static final String CONTACT_ID = "5f1d7c3a-8b2e-4c6f-9a0d-2e7b4c9f1a36";
    static final String CALLER = "+447700900123";
    static final String NOMIDIO_ID = "NMD-7Q4K2X9P";
    static final String CHALLENGE_ID = "chl-3f9a1c7e";
    static final String SAMPLE_UPLOAD_FUNCTION = "arn:aws:lambda:eu-west-2:111122223333:function:sampleUpload:live";
    static final String INVOKE_PATH = "/2015-03-31/functions/.*/invocations";
    /** What a Connect contact flow gives a function by default: 8 s, which the handler caps and trims. */
    static final long CONNECT_REMAINING_MS = 8000;

    private static final ObjectMapper JSON = Json.mapper();

    final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    final LocalKms kms = new LocalKms();
    final WireMockServer lambda = new WireMockServer(options().dynamicPort());
    final GatewayStubs stubs = new GatewayStubs(gateway);
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private NomidioActionHandler handler;

    private String secretCiphertext;

    NomidioActionHarness() {
        gateway.start();
        lambda.start();
        warmUp();
    }

    /**
     * One lookup before any test, answered by the stubs and thrown away: the JVM's class loading, the SDK's first KMS
     * request and the first gateway request cost seconds on a machine busy with other builds, which would push a
     * class's first test past the handler's 6.5 s and answer it NOMIDIO_UNAVAILABLE. The tests then measure the
     * handler, not the JVM's start; the production budget stays as it is.
     */
    private void warmUp() {
        reset();
        stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        try {
            invoke(ConnectEventFixtures.event("lookup"));
        } catch (RuntimeException e) {
            // A failed warm-up only leaves the first test cold, as it was before.
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Fresh stubs (KMS holding the secret, a token, Lambda accepting invocations) and a fresh handler. */
    void reset() {
        gateway.resetAll();
        kms.reset();
        lambda.resetAll();
        secretCiphertext = kms.holds(GatewayStubs.ACCESS_KEY_SECRET,
                SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));
        stubs.token();
        // The sample events' contact and identity: the gateway says every stubbed challenge is theirs.
        stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        // ... and their challenge is pending: startSampleUpload and cancelChallenge read it first to check that.
        stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PENDING, AuthLevel.STANDARD);
        lambda.stubFor(invoke().willReturn(aResponse().withStatus(202)));
        metrics.reset();
        handler = handler(environment());
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put(GatewayConfig.GATEWAY_URL, gateway.baseUrl());
        env.put(GatewayConfig.SUPPLIER_CODE, GatewayStubs.SUPPLIER_CODE);
        env.put(GatewayConfig.ENTERPRISE_CODE, GatewayStubs.ENTERPRISE_CODE);
        env.put(GatewayConfig.ACCESS_KEY_ID, GatewayStubs.ACCESS_KEY_ID);
        env.put(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, secretCiphertext);
        env.put(NomidioActionWiring.DEFAULT_COUNTRY_CODE, "GB");
        env.put(NomidioActionWiring.SAMPLE_UPLOAD_FUNCTION, SAMPLE_UPLOAD_FUNCTION);
        return env;
    }

    /** Replaces the handler with one built from {@code env} (e.g. a gateway URL on a closed port). */
    void rewire(Map<String, String> env) {
        handler = handler(env);
    }

    /** Replaces the handler with one whose Lambda client talks to {@code endpoint} (e.g. a closed port). */
    void rewireLambda(String endpoint) {
        handler = handler(environment(), endpoint);
    }

    private NomidioActionHandler handler(Map<String, String> env) {
        return handler(env, lambda.baseUrl());
    }

    private NomidioActionHandler handler(Map<String, String> env, String lambdaEndpoint) {
        return new NomidioActionHandler(
                NomidioActionWiring.fromEnvironment(env, kms::client,
                        new Lazy<>(() -> lambdaClient(lambdaEndpoint))::getValue, Clock.systemUTC()),
                new ConnectEvents(JSON),
                new InvocationRecorder(new EmfMetrics(new PrintStream(metrics, true), Clock.systemUTC())));
    }

    Map<String, String> invoke(ObjectNode event) {
        return invoke(ConnectEventFixtures.bytes(event), CONNECT_REMAINING_MS);
    }

    Map<String, String> invoke(ObjectNode event, long remainingMillis) {
        return invoke(ConnectEventFixtures.bytes(event), remainingMillis);
    }

    Map<String, String> invoke(byte[] payload, long remainingMillis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out, new LocalLambdaContext("nomidioAction", remainingMillis));
            return JSON.readValue(out.toByteArray(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The EMF lines written so far, parsed. */
    List<ObjectNode> metricLines() {
        List<ObjectNode> lines = new ArrayList<>();
        for (String line : metrics.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add((ObjectNode) JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }

    static MappingBuilder invoke() {
        return post(urlPathMatching(INVOKE_PATH));
    }

    static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LambdaClient lambdaClient(String endpoint) {
        return LambdaClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        gateway.stop();
        kms.close();
        lambda.stop();
    }
}
