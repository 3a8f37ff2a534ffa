package com.nomidio.connect.action.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * nomidioAction's SnapStart hook, built as Lambda builds the handler under a snap-start initialisation: before the
 * snapshot it drives the real request path against its own loopback server (never the configured KMS or gateway),
 * and it leaves neither the decrypted secret nor a token behind, before the snapshot or after a restore.
 */
class SnapStartPrimingTest {

    @RegisterExtension
    static final NomidioActionHarness harness = new NomidioActionHarness();

    @Test
    void beforeCheckpoint_whenSnapStartInit_primesEveryActionAgainstTheLoopbackOnly() {
        NomidioActionHandler handler = NomidioActionHandler.fromEnvironment(snapStartEnvironment(harness));

        handler.snapStart().beforeCheckpoint(null);

        SnapStartPriming.Report report = handler.snapStart().lastReport();
        assertThat(report.failure()).isNull();
        assertThat(report.loopbackRequests()).containsKeys("kms.Decrypt", "gateway.token", "gateway.identify",
                "gateway.createChallenge", "lambda.Invoke", "gateway.challengeResult");
        assertThat(report.loopbackRequests()).allSatisfy((service, count) -> assertThat(service).doesNotStartWith("unknown"));
        assertThat(harness.kms.decrypts()).isZero();
        assertThat(harness.gateway.getAllServeEvents()).isEmpty();
        assertThat(harness.lambda.getAllServeEvents()).isEmpty();
    }

    @Test
    void beforeCheckpoint_afterARealLookup_forgetsTheSecretAndTokenSoTheNextCallDecryptsAgain() throws IOException {
        harness.stubs.identity(NomidioActionHarness.CALLER, NomidioActionHarness.NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        NomidioActionHandler handler = NomidioActionHandler.fromEnvironment(snapStartEnvironment(harness));
        assertThat(lookup(handler)).containsEntry("nomidio_status", "ENROLLED");
        assertThat(harness.kms.decrypts()).isEqualTo(1);

        handler.snapStart().beforeCheckpoint(null);

        assertThat(lookup(handler)).containsEntry("nomidio_status", "ENROLLED");
        assertThat(harness.kms.decrypts()).isEqualTo(2);
        assertThat(harness.gateway.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))).hasSize(2);
    }

    @Test
    void afterRestore_whenTheSecretAndTokenAreHeld_theFirstCallAfterTheRestoreDecryptsAndAuthenticatesAgain()
            throws IOException {
        harness.stubs.identity(NomidioActionHarness.CALLER, NomidioActionHarness.NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        NomidioActionHandler handler = NomidioActionHandler.fromEnvironment(snapStartEnvironment(harness));
        handler.snapStart().beforeCheckpoint(null);
        assertThat(harness.kms.decrypts()).isZero();
        lookup(handler);
        assertThat(harness.kms.decrypts()).isEqualTo(1);

        handler.snapStart().afterRestore(null);

        assertThat(lookup(handler)).containsEntry("nomidio_status", "ENROLLED");
        assertThat(harness.kms.decrypts()).isEqualTo(2);
        assertThat(harness.gateway.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))).hasSize(2);
    }

    @Test
    void register_whenLambdaInitialisesOnDemand_registersNoHook() {
        Map<String, String> env = snapStartEnvironment(harness);
        env.remove(SnapStartPriming.INITIALIZATION_TYPE);

        assertThat(NomidioActionHandler.fromEnvironment(env).snapStart()).isNull();
    }

    /** The harness's environment as Lambda gives it to a SnapStart initialisation, its endpoints redirected. */
    static Map<String, String> snapStartEnvironment(NomidioActionHarness harness) {
        Map<String, String> env = new HashMap<>(harness.environment());
        env.put(SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START);
        env.put("AWS_REGION", "eu-west-2");
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        env.put("AWS_ENDPOINT_URL_KMS", harness.kms.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_LAMBDA", harness.lambda.baseUrl());
        return env;
    }

    private static Map<String, String> lookup(NomidioActionHandler handler) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(ConnectEventFixtures.bytes(ConnectEventFixtures.event("lookup"))),
                out, new LocalLambdaContext("nomidioAction", NomidioActionHarness.CONNECT_REMAINING_MS));
        return Json.mapper().readValue(out.toByteArray(), new TypeReference<Map<String, String>>() { });
    }
}
