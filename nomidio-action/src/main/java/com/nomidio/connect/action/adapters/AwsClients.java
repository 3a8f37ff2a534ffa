package com.nomidio.connect.action.adapters;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The SDK clients of the Lambda environment, built for a fast cold start: the url-connection HTTP client,
 * credentials and region straight from the environment Lambda sets (no provider-chain probing), and call
 * timeouts well inside Connect's 8 s. {@code AWS_ENDPOINT_URL_KMS} / {@code AWS_ENDPOINT_URL_LAMBDA} still
 * redirect them (the SDK reads those itself), which is how the benchmark points them at a local stub.
 */
public final class AwsClients {

    private static final String REGION = "AWS_REGION";
    /** Set by Lambda under SnapStart, which then gives credentials through this endpoint, not as variables. */
    static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration SOCKET_TIMEOUT = Duration.ofMillis(2500);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private AwsClients() {
    }

    public static KmsClient kms(Map<String, String> env) {
        return KmsClient.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .httpClient(httpClient())
                .overrideConfiguration(timeouts())
                .build();
    }

    public static LambdaClient lambda(Map<String, String> env) {
        return LambdaClient.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .httpClient(httpClient())
                .overrideConfiguration(timeouts())
                .build();
    }

    /**
     * The execution role's credentials without the default chain's probing: as environment variables on an
     * on-demand start, from the container endpoint when the function was restored from a SnapStart snapshot.
     */
    static AwsCredentialsProvider credentials(Map<String, String> env) {
        String containerUri = env.get(CONTAINER_CREDENTIALS_URI);
        if (containerUri != null && !containerUri.isBlank()) {
            return ContainerCredentialsProvider.builder().build();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    private static Region region(Map<String, String> env) {
        String region = env.get(REGION);
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("configuration " + REGION + " is missing");
        }
        return Region.of(region.trim());
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    private static ClientOverrideConfiguration timeouts() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT).build();
    }
}
