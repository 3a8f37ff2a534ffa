package com.nomidio.connect.deployment.entrypoints;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.deployment.aws.CloudFrontInvalidations;
import com.nomidio.connect.deployment.aws.ConnectFlowsApi;
import com.nomidio.connect.deployment.aws.ConnectQuickConnectsApi;
import com.nomidio.connect.deployment.aws.FlowBucket;
import com.nomidio.connect.deployment.aws.KmsSecretEncryptor;
import com.nomidio.connect.deployment.aws.LexBotsApi;
import com.nomidio.connect.deployment.aws.SoftphoneBucket;
import com.nomidio.connect.deployment.flows.ContactFlowsResource;
import com.nomidio.connect.deployment.lex.LexBotsResource;
import com.nomidio.connect.deployment.quickconnect.AgentChallengeQuickConnectResource;
import com.nomidio.connect.deployment.resources.ResourceDispatcher;
import com.nomidio.connect.deployment.secret.SecretResource;
import com.nomidio.connect.deployment.softphone.SoftphoneFiles;
import com.nomidio.connect.deployment.softphone.SoftphoneResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lexmodelsv2.LexModelsV2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds deploymentHelper's dispatcher and its AWS clients from the environment map (in Lambda, the process
 * environment; in tests, one whose {@code AWS_ENDPOINT_URL} points every client at WireMock).
 */
public final class DeploymentHelperWiring {

    /** Connect throttles its flow APIs at a few calls per second: allow more attempts than the SDK default. */
    static final int MAX_ATTEMPTS = 6;
    /** No per-call limit: each call takes the time box's remaining time (ResourceContext.callTimeout()). */
    static final SdkClients.Timeouts TIMEOUTS = new SdkClients.Timeouts(
            Duration.ofSeconds(5), Duration.ofSeconds(30), null);

    private DeploymentHelperWiring() {
    }

    public static ResourceDispatcher fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, ResourceDispatcher.DEFAULT_SAFETY_MARGIN);
    }

    /** As Lambda wires it, keeping {@code safetyMargin} back from the function's remaining time. */
    public static ResourceDispatcher fromEnvironment(Map<String, String> env, Duration safetyMargin) {
        return fromEnvironment(env, safetyMargin, LexBotsResource.DEFAULT_POLL_INTERVAL);
    }

    /** As above, asking Lex for a build's (version's, alias's) progress every {@code lexPollInterval}. */
    public static ResourceDispatcher fromEnvironment(Map<String, String> env, Duration safetyMargin,
                                                     Duration lexPollInterval) {
        SdkClients aws = SdkClients.fromEnvironment(env, TIMEOUTS);
        KmsClient kms = withRetries(aws.configure(KmsClient.builder(), AwsEnvironment.KMS)).build();
        ConnectClient connect = withRetries(aws.configure(ConnectClient.builder(), AwsEnvironment.CONNECT)).build();
        S3Client s3 = withRetries(aws.configure(S3Client.builder(), AwsEnvironment.S3))
                // A local endpoint serves every bucket under one host: address buckets by path there.
                .forcePathStyle(AwsEnvironment.endpoint(env, AwsEnvironment.S3).isPresent())
                .build();
        // CloudFront is global: the SDK's endpoint rules send every region of the partition to its one endpoint.
        CloudFrontClient cloudFront = withRetries(aws.configure(CloudFrontClient.builder(), AwsEnvironment.CLOUDFRONT)).build();
        LexModelsV2Client lex = withRetries(aws.configure(LexModelsV2Client.builder(), AwsEnvironment.LEX_MODELS_V2)).build();
        ConnectFlowsApi connectApi = new ConnectFlowsApi(connect);
        return new ResourceDispatcher(List.of(
                new SecretResource(new KmsSecretEncryptor(kms)),
                new ContactFlowsResource(connectApi, new FlowBucket(s3)),
                new SoftphoneResource(new SoftphoneBucket(s3), new CloudFrontInvalidations(cloudFront),
                        new SoftphoneFiles(DeploymentHelperWiring.class.getClassLoader())),
                new AgentChallengeQuickConnectResource(connectApi, new ConnectQuickConnectsApi(connect)),
                // The definitions are read when a Lex request arrives: a jar without them fails that request only.
                new LexBotsResource(new LexBotsApi(lex), connectApi, LexBotsResource::packagedDefinitions, lexPollInterval)),
                safetyMargin);
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B withRetries(B builder) {
        builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS).build()));
        return builder;
    }
}
