package com.nomidio.connect.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/** The shared priming machinery: what the primer is given, what is forgotten, and that failures never escape. */
class SnapStartPrimingTest {

    private static final Map<String, String> LAMBDA_ENV = Map.of(
            SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START,
            AwsEnvironment.REGION, "eu-west-2",
            AwsEnvironment.ACCESS_KEY_ID, "ASIAREALROLE",
            AwsEnvironment.SECRET_ACCESS_KEY, "real-role-secret",
            AwsEnvironment.SESSION_TOKEN, "real-session-token",
            GatewayConfig.GATEWAY_URL, "https://gateway.example.com",
            GatewayConfig.ACCESS_KEY_ID, "REAL-KEY-ID",
            AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, "cmVhbC1jaXBoZXJ0ZXh0");

    @Test
    void beforeCheckpoint_whenPriming_givesThePrimerLoopbackEndpointsAndNothingReal() {
        AtomicReference<Map<String, String>> given = new AtomicReference<>();
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV, given::set);

        priming.beforeCheckpoint(null);

        Map<String, String> env = given.get();
        URI loopback = URI.create(env.get(GatewayConfig.GATEWAY_URL));
        assertThat(loopback.getHost()).isEqualTo("127.0.0.1");
        assertThat(env).containsEntry("AWS_ENDPOINT_URL_KMS", loopback.toString())
                .containsEntry("AWS_ENDPOINT_URL_KINESIS_VIDEO", loopback.toString())
                .containsEntry("AWS_ENDPOINT_URL_LAMBDA", loopback.toString())
                .containsEntry(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, LoopbackServices.PRIMING_CIPHERTEXT)
                .doesNotContainKeys(SnapStartPriming.INITIALIZATION_TYPE, AwsEnvironment.SESSION_TOKEN);
        assertThat(env.values()).doesNotContain("ASIAREALROLE", "real-role-secret", "REAL-KEY-ID", "cmVhbC1jaXBoZXJ0ZXh0");
        assertThat(priming.lastReport().failure()).isNull();
    }

    @Test
    void beforeCheckpoint_whenDone_hasStoppedTheLoopbackServer() {
        AtomicReference<URI> endpoint = new AtomicReference<>();
        SnapStartPriming.unregistered("test", LAMBDA_ENV, env -> endpoint.set(URI.create(env.get(GatewayConfig.GATEWAY_URL))))
                .beforeCheckpoint(null);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(endpoint.get().resolve("/oauth2/token")).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
    }

    @Test
    void beforeCheckpoint_whenThePrimingCopysHttpClientKeptAConnection_closesTheClientBeforeTheSnapshot() {
        AtomicReference<HttpClient> copysClient = new AtomicReference<>();
        AtomicReference<String> connectionHeader = new AtomicReference<>();
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV, env -> {
            HttpClient http = SnapStartPriming.closedAfterPriming(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).build());
            copysClient.set(http);
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(env.get(GatewayConfig.GATEWAY_URL)
                    + "/oauth2/token")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            connectionHeader.set(answer.headers().firstValue("Connection").orElse("keep-alive"));
        });

        priming.beforeCheckpoint(null);

        assertThat(priming.lastReport().failure()).isNull();
        assertThat(connectionHeader.get()).as("the gateway's answers keep the connection, priming the pooled path")
                .isNotEqualToIgnoringCase("close");
        assertThat(copysClient.get().isTerminated()).as("closed, its connection and selector thread with it").isTrue();
    }

    @Test
    void closedAfterPriming_whenNoPrimerRuns_leavesTheResourceOpen() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV, env -> { });
        AutoCloseable resource = SnapStartPriming.closedAfterPriming(closed::incrementAndGet);

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);
        priming.lastRefill().get(30, TimeUnit.SECONDS);

        assertThat(closed.get()).as("a real handler's client is never closed by the hooks").isZero();
        resource.close();
    }

    @Test
    void beforeCheckpoint_whenThePrimerFails_reportsItAndDoesNotThrow() {
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV, env -> {
            throw new IllegalStateException("primer broke");
        });

        priming.beforeCheckpoint(null);

        assertThat(priming.lastReport().failure()).contains("primer broke");
    }

    @Test
    void beforeCheckpointAndAfterRestore_whenSomethingSensitiveIsTracked_forgetItEachTime() {
        AtomicInteger forgotten = new AtomicInteger();
        SnapshotSensitive sensitive = SnapStartPriming.track(forgotten::incrementAndGet);
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV, env -> { });

        priming.beforeCheckpoint(null);
        int afterCheckpoint = forgotten.get();
        priming.afterRestore(null);

        assertThat(afterCheckpoint).isEqualTo(3); // before priming, before the priming copy's refill, and after it
        assertThat(forgotten.get()).isEqualTo(4);
        assertThat(sensitive).isNotNull();
    }

    @Test
    void loopbackKms_whenTheRealKmsClientDecrypts_answersTheMadeUpPlaintextAndItIsForgotten() throws IOException {
        try (LoopbackServices loopback = LoopbackServices.start()) {
            Map<String, String> env = new HashMap<>(SnapStartPriming.loopbackEnvironment(LAMBDA_ENV, loopback));
            KmsClient kms = SdkClients.fromEnvironment(env, new SdkClients.Timeouts(Duration.ofSeconds(2), null, null))
                    .configure(KmsClient.builder(), AwsEnvironment.KMS).build();
            KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, LoopbackServices.PRIMING_CIPHERTEXT, "PRIMING");

            assertThat(secret.get()).isEqualTo(LoopbackServices.PRIMING_PLAINTEXT);
            assertThat(secret.holdsPlaintext()).isTrue();
            SnapStartPriming.forgetAll();

            assertThat(secret.holdsPlaintext()).isFalse();
            assertThat(loopback.requests()).containsEntry("kms.Decrypt", 1);
        }
    }

    @Test
    void register_whenLambdaInitialisesOnDemand_returnsNothing() {
        Map<String, String> onDemand = new HashMap<>(LAMBDA_ENV);
        onDemand.put(SnapStartPriming.INITIALIZATION_TYPE, "on-demand");

        assertThat(SnapStartPriming.register("test", onDemand, env -> { })).isNull();
    }

    @Test
    void afterRestore_whenARefillIsStillRunning_returnsWithoutWaitingForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Cache blocked = SnapStartPriming.initialise(() -> SnapStartPriming.track(new Cache(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })));
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV, env -> { });

        // A refill that cannot end until released: had afterRestore waited for it, this line would never be reached.
        priming.afterRestore(null);

        assertThat(priming.lastRefill()).isNotDone();
        release.countDown();
        SnapStartPriming.Refill refill = priming.lastRefill().get(30, TimeUnit.SECONDS);
        assertThat(refill.caches()).isEqualTo(1);
        assertThat(refill.failures()).isEmpty();
        assertThat(blocked.refills.get()).isEqualTo(1);
    }

    @Test
    void afterRestore_whenRestored_refillsOnlyItsOwnFunctionsCachesInTheOrderTheyWereBuilt() throws Exception {
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        Cache elsewhere = SnapStartPriming.track(new Cache(() -> order.add("another handler's")));
        List<Cache> own = SnapStartPriming.initialise(() -> List.of(
                SnapStartPriming.track(new Cache(() -> order.add("secret"))),
                SnapStartPriming.track(new Cache(() -> order.add("token")))));
        AtomicReference<Cache> primingCopy = new AtomicReference<>();
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV,
                env -> primingCopy.set(SnapStartPriming.track(new Cache(() -> order.add("priming copy's")))));
        priming.beforeCheckpoint(null);
        assertThat(order).as("the priming copy's refills, before the snapshot, past C1's compile threshold")
                .hasSize(SnapStartPriming.PRIMING_REFILLS).containsOnly("priming copy's");
        assertThat(primingCopy.get().forgotten.get()).as("forgotten before each refill, and once more after the last")
                .isEqualTo(SnapStartPriming.PRIMING_REFILLS + 2);
        assertThat(primingCopy.get().lastCall).as("what the priming's refill fetched is not in the snapshot")
                .isEqualTo("forget");
        order.clear();

        priming.afterRestore(null);

        assertThat(priming.lastRefill().get(30, TimeUnit.SECONDS).caches()).isEqualTo(2);
        assertThat(order).containsExactly("secret", "token");
        assertThat(elsewhere.forgotten.get()).as("forgotten like everything, only not refilled").isEqualTo(4);
        assertThat(own).allSatisfy(cache -> assertThat(cache.forgotten.get()).isEqualTo(4));
        assertThat(primingCopy.get().refills.get()).isEqualTo(SnapStartPriming.PRIMING_REFILLS);
    }

    @Test
    void repeatUnlogged_whenARepetitionPrintsOrFails_discardsItsOutputAndRestoresStdout() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            AtomicInteger runs = new AtomicInteger();
            assertThat(SnapStartPriming.repeatUnlogged(3, () -> {
                runs.incrementAndGet();
                System.out.println("a priming line");
            })).isEqualTo(3);
            assertThatThrownBy(() -> SnapStartPriming.repeatUnlogged(3, () -> {
                System.out.println("a failing priming line");
                throw new IllegalStateException("repetition broke");
            })).hasMessage("repetition broke");
            System.out.println("after");

            assertThat(runs.get()).isEqualTo(3);
            assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("after" + System.lineSeparator());
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void repeatUnlogged_whenItsBudgetHasPassed_startsNoMoreRepetitionsAndRestoresStdout() throws Exception {
        PrintStream original = System.out;
        AtomicInteger runs = new AtomicInteger();

        int ran = SnapStartPriming.repeatUnlogged(300, Duration.ZERO, runs::incrementAndGet);

        assertThat(ran).isZero();
        assertThat(runs.get()).isZero();
        assertThat(System.out).isSameAs(original);
    }

    @Test
    void beforeCheckpoint_whenThePrimingCopysRefillFails_stopsRefillingAndReportsIt() {
        AtomicReference<Cache> primingCopy = new AtomicReference<>();
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV,
                env -> primingCopy.set(SnapStartPriming.track(new Cache(() -> {
                    throw new IllegalStateException("loopback KMS said no");
                }))));

        priming.beforeCheckpoint(null);

        assertThat(primingCopy.get().refills.get()).as("no point in 300 failing refills").isEqualTo(1);
        assertThat(priming.lastReport().failure()).startsWith("refill: ").contains("loopback KMS said no");
        assertThat(primingCopy.get().lastCall).as("forgotten before the snapshot all the same").isEqualTo("forget");
    }

    @Test
    void afterRestore_whenARefillFails_reportsItAndStillRefillsTheNext() throws Exception {
        Cache next = SnapStartPriming.initialise(() -> {
            SnapStartPriming.track(new Cache(() -> {
                throw new IllegalStateException("KMS said no");
            }));
            return SnapStartPriming.track(new Cache(() -> { }));
        });
        SnapStartPriming priming = SnapStartPriming.unregistered("test", LAMBDA_ENV, env -> { });

        priming.afterRestore(null);

        SnapStartPriming.Refill refill = priming.lastRefill().get(30, TimeUnit.SECONDS);
        assertThat(refill.failures()).singleElement().asString().contains("KMS said no");
        assertThat(next.refills.get()).isEqualTo(1);
    }

    /** A tracked cache that counts what the hooks ask of it; its refill runs {@code onRefill}. */
    private static final class Cache implements SnapshotSensitive {
        final AtomicInteger forgotten = new AtomicInteger();
        final AtomicInteger refills = new AtomicInteger();
        volatile String lastCall;
        private final Runnable onRefill;

        Cache(Runnable onRefill) {
            this.onRefill = onRefill;
        }

        @Override
        public void forget() {
            forgotten.incrementAndGet();
            lastCall = "forget";
        }

        @Override
        public void refill() {
            refills.incrementAndGet();
            lastCall = "refill";
            onRefill.run();
        }
    }
}
