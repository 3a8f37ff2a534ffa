package com.nomidio.connect.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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

        assertThat(afterCheckpoint).isEqualTo(2); // before priming, and after it
        assertThat(forgotten.get()).isEqualTo(3);
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
}
