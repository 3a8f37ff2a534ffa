package com.nomidio.connect.action.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import com.nomidio.connect.testing.GatewayStubs;
import com.nomidio.connect.testing.KmsStubs;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.services.kms.KmsClient;

class AwsClientsTest {

    private static final String CONTAINER_KEY_ID = "ASIASNAPSTARTROLEKEY";
    private static final String SESSION_TOKEN = "snapstart-session-token";

    private WireMockServer aws;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
        System.clearProperty("aws.endpointUrlKms");
        aws.stop();
    }

    @Test
    void credentials_whenOnDemandStart_readTheEnvironmentVariables() {
        assertThat(AwsClients.credentials(Map.of("AWS_REGION", "eu-west-2")))
                .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
    }

    @Test
    void kms_whenRestoredFromSnapStart_signsWithTheContainerEndpointsCredentials() {
        // What Lambda gives a SnapStart function: an endpoint and a token instead of AWS_ACCESS_KEY_ID & co.
        aws.stubFor(get(urlPathEqualTo("/2018-06-01/credentials"))
                .withHeader("Authorization", equalTo("container-auth-token"))
                .willReturn(okJson("{\"AccessKeyId\":\"" + CONTAINER_KEY_ID + "\",\"SecretAccessKey\":\"container-secret\","
                        + "\"Token\":\"" + SESSION_TOKEN + "\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")));
        KmsStubs.decrypt(aws, GatewayStubs.ACCESS_KEY_SECRET, GatewayStubs.ACCESS_KEY_ID);
        String credentialsUri = aws.baseUrl() + "/2018-06-01/credentials";
        System.setProperty("aws.containerCredentialsFullUri", credentialsUri);
        System.setProperty("aws.containerAuthorizationToken", "container-auth-token");
        System.setProperty("aws.endpointUrlKms", aws.baseUrl());
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-2", AwsClients.CONTAINER_CREDENTIALS_URI, credentialsUri);

        assertThat(AwsClients.credentials(env)).isInstanceOf(ContainerCredentialsProvider.class);
        try (KmsClient kms = AwsClients.kms(env)) {
            String secret = new KmsAccessKeySecret(kms, KmsStubs.CIPHERTEXT_BASE64, GatewayStubs.ACCESS_KEY_ID).get();

            assertThat(secret).isEqualTo(GatewayStubs.ACCESS_KEY_SECRET);
        }
        aws.verify(getRequestedFor(urlPathEqualTo("/2018-06-01/credentials")));
        aws.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("Credential=" + CONTAINER_KEY_ID + "/"))
                .withHeader("X-Amz-Security-Token", equalTo(SESSION_TOKEN)));
    }
}
