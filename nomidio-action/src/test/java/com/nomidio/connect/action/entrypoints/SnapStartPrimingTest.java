package com.nomidio.connect.action.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * nomidioAction's SnapStart hook, built as Lambda builds the handler under a snap-start initialisation: before the
 * snapshot it drives the real request path against its own loopback server (never the configured KMS or gateway),
 * and it leaves neither the decrypted secret nor a token behind, before the snapshot or after a restore. After a
 * restore it decrypts the secret and fetches a token in the background, which the first invocation then finds.
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
        assertThat(report.loopbackRequests().get("gateway.identify")).as("enough lookups for the JIT to compile their path")
                .isGreaterThan(NomidioActionHandler.PRIMING_LOOKUPS);
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
    void afterRestore_whenTheSecretAndTokenAreHeld_forgetsThemAndFetchesNewOnesOnceInTheBackground() throws Exception {
        NomidioActionHandler handler = checkpointedHandler();
        assertThat(harness.kms.decrypts()).isZero();
        lookup(handler);
        assertThat(harness.kms.decrypts()).isEqualTo(1);

        handler.snapStart().afterRestore(null);

        assertThat(refill(handler).failures()).isEmpty();
        assertThat(harness.kms.decrypts()).isEqualTo(2);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void afterRestore_whenTheRefillHasRun_theFirstCallMakesOnlyTheIdentifyRequest() throws Exception {
        NomidioActionHandler handler = checkpointedHandler();

        handler.snapStart().afterRestore(null);
        assertThat(refill(handler).failures()).isEmpty();
        assertThat(harness.kms.decrypts()).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(1);

        assertThat(lookup(handler)).containsEntry("nomidio_status", "ENROLLED");
        assertThat(harness.kms.decrypts()).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(harness.gateway.findAll(postRequestedFor(urlPathEqualTo("/v1/identities/search")))).hasSize(1);
    }

    @Test
    void afterRestore_whenKmsIsSlow_returnsAtOnceAndTheFirstCallAnswersUnavailableByItsOwnDeadline() throws Exception {
        NomidioActionHandler handler = checkpointedHandler();
        // KMS answers after a minute: the refill's decrypt ends only at the KMS client's 3 s call timeout.
        harness.kms.delay(60_000);

        handler.snapStart().afterRestore(null);

        // Returned with the decrypt still in flight (it cannot end before 3 s; a restore hook that waited for it
        // would have returned with the refill done).
        assertThat(handler.snapStart().lastRefill()).isNotDone();
        // The refill's decrypt has reached KMS: it holds the token cache's lock from before that request.
        awaitDecryptRequest();
        // A flow invocation with 1 s left (deadline 0.5 s) finds the refill holding the token cache: it stops waiting
        // at its own deadline and answers as for a gateway too slow to answer, not ERROR after KMS's timeout.
        Map<String, String> answer = lookup(handler, 1000);
        assertThat(answer).containsEntry(ContactAttribute.STATUS.key(), "NOMIDIO_UNAVAILABLE");
        assertThat(harness.gateway.findAll(postRequestedFor(urlPathEqualTo("/v1/identities/search")))).isEmpty();
        // The refill gives up at the KMS client's timeout, and leaves the lazy path (waited for here, so that its
        // SDK retry cannot reach the next test's KMS).
        assertThat(refill(handler).failures()).singleElement().asString().contains("TokenCache");
    }

    @Test
    void afterRestore_whenTheRefillFails_theFirstCallDecryptsAndAuthenticatesItselfAndAnswers() throws Exception {
        NomidioActionHandler handler = checkpointedHandler();
        harness.kms.refuseEverything(400, "AccessDeniedException", "the key policy does not allow this role yet");

        handler.snapStart().afterRestore(null);
        assertThat(refill(handler).failures()).singleElement().asString().contains("TokenCache");
        assertThat(tokenRequests()).isZero();
        // KMS allows it again (as the same ciphertext under the same context): the lazy path is intact.
        harness.kms.reset();
        harness.kms.holds(GatewayStubs.ACCESS_KEY_SECRET, SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));

        assertThat(lookup(handler)).containsEntry("nomidio_status", "ENROLLED");
        assertThat(harness.kms.decrypts()).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(1);
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

    /** An enrolled caller at the gateway, and a snap-start handler whose beforeCheckpoint has run. */
    private static NomidioActionHandler checkpointedHandler() {
        harness.stubs.identity(NomidioActionHarness.CALLER, NomidioActionHarness.NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        NomidioActionHandler handler = NomidioActionHandler.fromEnvironment(snapStartEnvironment(harness));
        handler.snapStart().beforeCheckpoint(null);
        return handler;
    }

    private static Map<String, String> lookup(NomidioActionHandler handler) throws IOException {
        return lookup(handler, NomidioActionHarness.CONNECT_REMAINING_MS);
    }

    private static Map<String, String> lookup(NomidioActionHandler handler, long remainingMillis) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(ConnectEventFixtures.bytes(ConnectEventFixtures.event("lookup"))),
                    out, new LocalLambdaContext("nomidioAction", remainingMillis));
            return Json.mapper().readValue(out.toByteArray(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The background refill the last restore started, once it has ended. */
    private static SnapStartPriming.Refill refill(NomidioActionHandler handler) throws Exception {
        return handler.snapStart().lastRefill().get(30, TimeUnit.SECONDS);
    }

    private static void awaitDecryptRequest() {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (harness.kms.requests("Decrypt").isEmpty()) {
            assertThat(System.nanoTime()).as("the refill's Decrypt request reached KMS").isLessThan(giveUp);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int tokenRequests() {
        return harness.gateway.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))).size();
    }
}
