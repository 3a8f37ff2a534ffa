package com.nomidio.connect.simulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.lambda.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The local KMS and Lambda endpoints, spoken to by the real SDK clients, and the function runner behind them. */
class LocalAwsEndpointsTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret"));

    private final LambdaFunctions functions = new LambdaFunctions();
    private LocalLambda lambda;
    private LocalKms kms;

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
        if (kms != null) {
            kms.close();
        }
        functions.close();
    }

    @Test
    void decrypt_whenTheCiphertextAndContextAreOurs_answersTheSecret() {
        kms = new LocalKms();
        String ciphertext = kms.holds("the-access-key-secret", SecretEncryptionContext.forAccessKey("AKID-NOMIDIO"));

        try (KmsClient client = kmsClient()) {
            assertThat(new KmsAccessKeySecret(client, ciphertext, "AKID-NOMIDIO").get())
                    .isEqualTo("the-access-key-secret");
            assertThatThrownBy(() -> new KmsAccessKeySecret(client, ciphertext, "AKID-SOMEONE-ELSE").get())
                    .isInstanceOf(InvalidCiphertextException.class);
        }
        assertThat(kms.decrypts()).isEqualTo(1);
    }

    @Test
    void invoke_whenEventInvocation_answers202AndRunsTheFunctionInTheBackground() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        StringBuilder received = new StringBuilder();
        functions.register(function("sampleUpload", Duration.ofSeconds(30), (in, out, context) -> {
            received.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append(' ')
                    .append(context.getFunctionName());
            ran.countDown();
        }));
        lambda = new LocalLambda(functions);

        try (LambdaClient client = lambdaClient()) {
            InvokeResponse response = client.invoke(r -> r
                    .functionName("arn:aws:lambda:eu-west-2:111122223333:function:sampleUpload:live")
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"challengeId\":\"ch-1\"}")));
            assertThat(response.statusCode()).isEqualTo(202);
        }
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(received.toString()).isEqualTo("{\"challengeId\":\"ch-1\"} sampleUpload");
    }

    @Test
    void invoke_whenFunctionIsUnknown_isResourceNotFound() {
        lambda = new LocalLambda(functions);

        try (LambdaClient client = lambdaClient()) {
            assertThatThrownBy(() -> client.invoke(r -> r.functionName("nobody").invocationType(InvocationType.EVENT)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void invoke_whenFunctionIsSlowerThanTheBlockWaits_failsWithoutItsAnswer() {
        // Finishes 30 s in (on a daemon thread): far enough from the 1 s wait that a busy machine cannot blur them.
        functions.register(function("slow", Duration.ofSeconds(60), (in, out, context) -> sleep(30_000)));

        var invocation = functions.invoke("arn:aws:lambda:eu-west-2:111122223333:function:slow:live", new byte[0],
                Duration.ofSeconds(1));

        assertThat(invocation.failed()).isTrue();
        assertThat(invocation.failure()).isEqualTo("no answer within the block's 1 s");
        // It stopped waiting at the limit, not when the function finished 30 s in.
        assertThat(invocation.durationMillis()).isGreaterThanOrEqualTo(1000L).isLessThan(30_000L);
    }

    @Test
    void invoke_whenFunctionTimeoutIsShorterThanTheWait_failsAsTimedOut() {
        functions.register(function("short", Duration.ofSeconds(1), (in, out, context) -> sleep(3000)));

        assertThat(functions.invoke("short", new byte[0], Duration.ofSeconds(8)).failure())
                .isEqualTo("the function timed out after 1 s");
    }

    @Test
    void invoke_whenFunctionThrows_failsNamingTheException() {
        functions.register(function("broken", Duration.ofSeconds(8), (in, out, context) -> {
            throw new IllegalStateException("boom");
        }));

        assertThat(functions.invoke("broken", new byte[0], Duration.ofSeconds(8)).failure())
                .contains("IllegalStateException", "boom");
    }

    @Test
    void invoke_whenFunctionAnswers_givesTheAnswerAndTheContextCountsDown() {
        functions.register(function("echo", Duration.ofSeconds(8), (in, out, context) ->
                out.write(Integer.toString(context.getRemainingTimeInMillis()).getBytes(StandardCharsets.UTF_8))));

        var invocation = functions.invoke("echo", new byte[0], Duration.ofSeconds(8));

        assertThat(Integer.parseInt(new String(invocation.response(), StandardCharsets.UTF_8))).isBetween(7000, 8000);
    }

    private static LambdaFunctions.DeployedFunction function(String name, Duration timeout, RequestStreamHandler handler) {
        return new LambdaFunctions.DeployedFunction(name, "arn:aws:lambda:eu-west-2:111122223333:function:" + name + ":live",
                timeout, 512, handler);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KmsClient kmsClient() {
        return KmsClient.builder().endpointOverride(kms.endpoint()).region(Region.EU_WEST_2)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private LambdaClient lambdaClient() {
        return LambdaClient.builder().endpointOverride(lambda.endpoint()).region(Region.EU_WEST_2)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }
}
