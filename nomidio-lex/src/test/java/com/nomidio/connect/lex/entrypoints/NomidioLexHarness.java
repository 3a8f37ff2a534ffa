package com.nomidio.connect.lex.entrypoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.lex.adapters.LexEvents;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import com.nomidio.connect.time.InvocationBudget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * nomidioLex wired as in Lambda (NomidioLexWiring from an environment map, the real gateway client, KMS through the
 * SDK) against WireMock as the Nomidio gateway (or, with {@link #rewire}, any gateway such as the emulator) and the
 * kit's local KMS. One per test class ({@code @RegisterExtension static final NomidioLexHarness harness = ...}):
 * the servers start once, every test starts from fresh stubs and a fresh handler, and they stop after the last test.
 */
final class NomidioLexHarness implements BeforeEachCallback, AfterAllCallback, AutoCloseable {

    static final String CUSTOMER = "+447700900123";
    static final String NOMIDIO_ID = "NMD-7Q4K2X9P";
    static final String CHALLENGE_ID = "chl-3f9a1c7e";
    /** Lex gives a code hook up to 30 s; the handler caps its own budget well below. */
    static final long LEX_REMAINING_MS = 30_000;

    /**
     * The handler's own budget (5 s) is what Lambda runs with; the tests give it more, so that a cold first call
     * (KMS, token, JIT) on a machine busy with other builds is not answered NOMIDIO_UNAVAILABLE. The fault tests
     * make the gateway fail outright instead of slow.
     */
    static final InvocationBudget TEST_BUDGET = new InvocationBudget(Duration.ofSeconds(20), Duration.ofMillis(500),
            Duration.ZERO, Duration.ofSeconds(20));

    private static final ObjectMapper JSON = Json.mapper();

    final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    final LocalKms kms = new LocalKms();
    final GatewayStubs stubs = new GatewayStubs(gateway);
    private NomidioLexHandler handler;
    private String secretCiphertext;

    NomidioLexHarness() {
        gateway.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Fresh stubs (KMS holding the secret, a token) and a fresh handler on WireMock. */
    void reset() {
        gateway.resetAll();
        kms.reset();
        secretCiphertext = kms.holds(GatewayStubs.ACCESS_KEY_SECRET,
                SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));
        stubs.token();
        handler = handler(environment(gateway.baseUrl()));
    }

    /** The environment template.yaml gives nomidioLex, pointing at the gateway at {@code gatewayUrl}. */
    Map<String, String> environment(String gatewayUrl) {
        Map<String, String> env = new HashMap<>();
        env.put(GatewayConfig.GATEWAY_URL, gatewayUrl);
        env.put(GatewayConfig.SUPPLIER_CODE, GatewayStubs.SUPPLIER_CODE);
        env.put(GatewayConfig.ENTERPRISE_CODE, GatewayStubs.ENTERPRISE_CODE);
        env.put(GatewayConfig.ACCESS_KEY_ID, GatewayStubs.ACCESS_KEY_ID);
        env.put(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, secretCiphertext);
        env.put(NomidioLexWiring.DEFAULT_COUNTRY_CODE, "GB");
        return env;
    }

    /** Replaces the handler with one built from {@code env} (another gateway, a missing setting...). */
    void rewire(Map<String, String> env) {
        handler = handler(env);
    }

    private NomidioLexHandler handler(Map<String, String> env) {
        return new NomidioLexHandler(NomidioLexWiring.fromEnvironment(env, kms::client), new LexEvents(JSON), TEST_BUDGET);
    }

    ObjectNode invoke(ObjectNode event) {
        return invoke(LexEventFixtures.bytes(event));
    }

    ObjectNode invoke(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out,
                    new LocalLambdaContext("nomidioLex", LEX_REMAINING_MS));
            return (ObjectNode) JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.stop();
        kms.close();
    }
}
