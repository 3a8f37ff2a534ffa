package com.nomidio.connect.deployment.entrypoints;

import com.nomidio.connect.deployment.aws.ConnectFlowsApi;
import com.nomidio.connect.deployment.aws.FlowBucket;
import com.nomidio.connect.deployment.aws.KmsSecretEncryptor;
import com.nomidio.connect.deployment.flows.ContactFlowsResource;
import com.nomidio.connect.deployment.resources.ResourceDispatcher;
import com.nomidio.connect.deployment.secret.SecretResource;
import com.nomidio.connect.flows.validation.FlowValidator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the dispatcher and its AWS clients: from the Lambda environment, or pointed at local endpoints for tests. */
public final class DeploymentHelperWiring {

    /** Connect throttles its flow APIs at a few calls per second: allow more attempts than the SDK default. */
    static final int MAX_ATTEMPTS = 6;

    private DeploymentHelperWiring() {
    }

    public static ResourceDispatcher fromEnvironment() {
        return build(null, ResourceDispatcher.DEFAULT_SAFETY_MARGIN);
    }

    /**
     * @param endpoint when not null, every client talks to this base URL (path-style for S3): WireMock in tests
     */
    public static ResourceDispatcher build(URI endpoint, Duration safetyMargin) {
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        KmsClient kms = configure(KmsClient.builder(), http, endpoint).build();
        ConnectClient connect = configure(ConnectClient.builder(), http, endpoint).build();
        S3Client s3 = configure(S3Client.builder(), http, endpoint)
                .forcePathStyle(endpoint != null)
                .build();
        return new ResourceDispatcher(List.of(
                new SecretResource(new KmsSecretEncryptor(kms)),
                new ContactFlowsResource(new ConnectFlowsApi(connect), new FlowBucket(s3), FlowValidator.forNomidioFlows())),
                safetyMargin);
    }

    private static <B extends AwsSyncClientBuilder<B, ?> & SdkClientBuilder<B, ?>
            & software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(
            B builder, SdkHttpClient http, URI endpoint) {
        builder.httpClient(http);
        builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS).build()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

}
