package com.nomidio.connect.action.adapters;

import com.nomidio.connect.aws.AwsEnvironment;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The SDK clients of the Lambda environment, built for a fast cold start: the url-connection HTTP client, region
 * and credentials from the environment map ({@link AwsEnvironment}: SnapStart's container credentials, else the
 * keys Lambda sets, with no provider-chain probing in either case), and call timeouts well inside Connect's 8 s.
 * {@code AWS_ENDPOINT_URL_KMS} / {@code AWS_ENDPOINT_URL_LAMBDA} in the map redirect them, which is how the
 * benchmark and the contact simulator point them at local endpoints.
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration SOCKET_TIMEOUT = Duration.ofMillis(2500);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private AwsClients() {
    }

    public static KmsClient kms(Map<String, String> env) {
        return AwsEnvironment.configure(KmsClient.builder(), env, AwsEnvironment.KMS)
                .region(region(env))
                .httpClient(httpClient())
                .overrideConfiguration(timeouts())
                .build();
    }

    public static LambdaClient lambda(Map<String, String> env) {
        return AwsEnvironment.configure(LambdaClient.builder(), env, AwsEnvironment.LAMBDA)
                .region(region(env))
                .httpClient(httpClient())
                .overrideConfiguration(timeouts())
                .build();
    }

    private static Region region(Map<String, String> env) {
        return AwsEnvironment.region(env).orElseThrow(() ->
                new IllegalArgumentException("configuration " + AwsEnvironment.REGION + " is missing"));
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
