package com.nomidio.connect.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds a function's SDK clients for a fast cold start, all from its environment map: the url-connection HTTP
 * client (one per function, shared by its clients), region, credentials and endpoint from {@link AwsEnvironment}
 * (no provider-chain probing in Lambda), and the function's own timeouts. {@code AWS_ENDPOINT_URL_<SERVICE>} in
 * the map redirects a client, which is how tests, benchmarks and the contact simulator use local endpoints.
 */
public final class SdkClients {

    /**
     * A function's timeouts. {@code socket} null keeps the HTTP client's default; {@code apiCall} null sets no
     * per-call limit (each call may still set its own).
     */
    public record Timeouts(Duration connect, Duration socket, Duration apiCall) {
    }

    private final Map<String, String> env;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Timeouts timeouts;

    private SdkClients(Map<String, String> env, Timeouts timeouts) {
        this.env = env;
        this.timeouts = timeouts;
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder().connectionTimeout(timeouts.connect());
        if (timeouts.socket() != null) {
            http.socketTimeout(timeouts.socket());
        }
        this.http = http.build();
        this.credentials = AwsEnvironment.credentials(env);
    }

    public static SdkClients fromEnvironment(Map<String, String> env, Timeouts timeouts) {
        return new SdkClients(Map.copyOf(env), timeouts);
    }

    /** {@code builder} on the shared HTTP client, with this environment's credentials, region and endpoint. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String service) {
        AwsEnvironment.configure(builder, env, service, credentials).httpClient(http);
        if (timeouts.apiCall() != null) {
            builder.overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(timeouts.apiCall()).build());
        }
        return builder;
    }

    /** The region, for a function that cannot work without one: a missing region is a configuration error. */
    public Region requireRegion() {
        return region().orElseThrow(() ->
                new IllegalArgumentException("configuration " + AwsEnvironment.REGION + " is missing"));
    }

    public Optional<Region> region() {
        return AwsEnvironment.region(env);
    }

    public SdkHttpClient httpClient() {
        return http;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }
}
