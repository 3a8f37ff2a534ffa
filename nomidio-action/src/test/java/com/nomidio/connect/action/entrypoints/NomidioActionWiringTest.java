package com.nomidio.connect.action.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.kms.LocalKms;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * nomidioAction's SDK clients as its wiring builds them from its environment. In a SnapStart function (template.yaml turns SnapStart
 * on) Lambda provides container credentials, not AWS_ACCESS_KEY_ID: the clients must sign with those, or the first
 * KMS Decrypt fails and every invocation answers ERROR. This JVM has AWS_ACCESS_KEY_ID=test-access-key in its
 * environment, so a signature with the container's key id shows where the credentials came from.
 */
class NomidioActionWiringTest {

    private static final String ACCESS_KEY_ID = "AKID-NOMIDIO";
    private static final String TOKEN = "container-authorization-token";

    /** Lambda's container credentials endpoint and the Lambda Invoke API. */
    private WireMockServer aws;
    private final LocalKms kms = new LocalKms();

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        aws.stubFor(get(urlPathEqualTo("/credentials")).withHeader("Authorization", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(containerCredentials("ASIASNAPSTART", "s", "session"))));
        System.setProperty("aws.containerCredentialsFullUri", aws.baseUrl() + "/credentials");
        System.setProperty("aws.containerAuthorizationToken", TOKEN);
    }

    @AfterEach
    void stop() {
        aws.stop();
        kms.close();
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
    }

    @Test
    void kms_whenSnapStartGivesContainerCredentials_signsWithThem() {
        String ciphertext = kms.holds("the-secret", SecretEncryptionContext.forAccessKey(ACCESS_KEY_ID));

        try (KmsClient client = clients().configure(KmsClient.builder(), AwsEnvironment.KMS).build()) {
            assertThat(new KmsAccessKeySecret(client, ciphertext, ACCESS_KEY_ID).get()).isEqualTo("the-secret");
        }

        assertThat(kms.requests("Decrypt").getFirst().header("Authorization")).contains("Credential=ASIASNAPSTART/");
    }

    @Test
    void lambda_whenSnapStartGivesContainerCredentials_invokesSignedWithThem() {
        aws.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations")).willReturn(aResponse().withStatus(202)));

        try (LambdaClient lambda = clients().configure(LambdaClient.builder(), AwsEnvironment.LAMBDA).build()) {
            assertThat(lambda.invoke(r -> r.functionName("sampleUpload").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{}"))).statusCode()).isEqualTo(202);
        }

        assertThat(aws.findAll(postRequestedFor(urlPathMatching("/2015-03-31/functions/sampleUpload/invocations")))
                .getFirst().getHeader("Authorization")).contains("Credential=ASIASNAPSTART/");
    }

    private SdkClients clients() {
        return SdkClients.fromEnvironment(snapStartEnvironment(), NomidioActionWiring.TIMEOUTS);
    }

    private Map<String, String> snapStartEnvironment() {
        return Map.of(
                "AWS_REGION", "eu-west-2",
                "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.baseUrl() + "/credentials",
                "AWS_ENDPOINT_URL_KMS", kms.endpoint().toString(),
                "AWS_ENDPOINT_URL_LAMBDA", aws.baseUrl());
    }

    /** What Lambda's container credentials endpoint answers. */
    private static String containerCredentials(String keyId, String secret, String sessionToken) {
        return new ObjectMapper().createObjectNode().put("AccessKeyId", keyId).put("SecretAccessKey", secret)
                .put("Token", sessionToken).put("Expiration", "2099-01-01T00:00:00Z").toString();
    }
}
