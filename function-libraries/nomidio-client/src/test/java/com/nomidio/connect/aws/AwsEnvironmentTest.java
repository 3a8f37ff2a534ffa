package com.nomidio.connect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.kms.LocalKms;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The environment map configures a real KMS client: region, endpoint and the credentials it signs with. The test
 * JVM itself has AWS_ACCESS_KEY_ID=test-access-key (root pom), so a signature with any other key id proves the
 * map, not the process environment, chose the credentials.
 */
class AwsEnvironmentTest {

    private static final String ACCESS_KEY_ID = "AKID-OF-THE-NOMIDIO-KEY";
    private static final String CONTAINER_TOKEN = "container-authorization-token";

    /** Lambda's container credentials endpoint. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    /** A fresh one per test (JUnit makes an instance per test), holding the secret's ciphertext. */
    private final LocalKms kms = new LocalKms();
    private final String ciphertext = kms.holds("the-secret", SecretEncryptionContext.forAccessKey(ACCESS_KEY_ID));

    @AfterEach
    void stop() {
        kms.close();
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
    }

    @Test
    void configure_whenEnvironmentNamesContainerCredentials_signsWithThemAsSnapStartNeeds() {
        server.stubFor(get(urlPathEqualTo("/credentials"))
                .withHeader("Authorization", equalTo(CONTAINER_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(containerCredentials("ASIACONTAINERKEY", "container-secret", "container-session"))));
        String fullUri = server.baseUrl() + "/credentials";
        // The SDK reads the token (and the URI) from the process; Lambda sets both beside each other.
        System.setProperty("aws.containerCredentialsFullUri", fullUri);
        System.setProperty("aws.containerAuthorizationToken", CONTAINER_TOKEN);
        Map<String, String> snapStartEnvironment = Map.of(
                AwsEnvironment.REGION, "eu-west-2",
                AwsEnvironment.CONTAINER_CREDENTIALS_FULL_URI, fullUri,
                "AWS_ENDPOINT_URL_KMS", kms.endpoint().toString());

        assertDecryptsSignedBy(snapStartEnvironment, "ASIACONTAINERKEY", "eu-west-2", "container-session");
        server.verify(getRequestedFor(urlPathEqualTo("/credentials")).withHeader("Authorization", equalTo(CONTAINER_TOKEN)));
    }

    @Test
    void configure_whenEnvironmentHoldsKeys_signsWithTheMapsKeys() {
        Map<String, String> environment = Map.of(
                AwsEnvironment.REGION, "eu-west-1",
                AwsEnvironment.ACCESS_KEY_ID, "AKIAFROMTHEMAP",
                AwsEnvironment.SECRET_ACCESS_KEY, "map-secret",
                AwsEnvironment.SESSION_TOKEN, "map-session",
                "AWS_ENDPOINT_URL_KMS", kms.endpoint().toString());

        assertDecryptsSignedBy(environment, "AKIAFROMTHEMAP", "eu-west-1", "map-session");
    }

    @Test
    void endpoint_whenBothGiven_prefersTheServicesOwnOverride() {
        Map<String, String> environment = Map.of(
                AwsEnvironment.ENDPOINT_URL, "http://127.0.0.1:1000",
                "AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:2000");

        assertThat(AwsEnvironment.endpoint(environment, AwsEnvironment.LAMBDA)).contains(URI.create("http://127.0.0.1:2000"));
        assertThat(AwsEnvironment.endpoint(environment, AwsEnvironment.KMS)).contains(URI.create("http://127.0.0.1:1000"));
        assertThat(AwsEnvironment.endpoint(Map.of(), AwsEnvironment.KMS)).isEmpty();
    }

    /** A KMS client configured from {@code environment} decrypts the secret, signing with these credentials. */
    private void assertDecryptsSignedBy(Map<String, String> environment, String accessKeyId, String region,
            String sessionToken) {
        try (KmsClient client = AwsEnvironment.configure(KmsClient.builder(), environment, AwsEnvironment.KMS)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(new KmsAccessKeySecret(client, ciphertext, ACCESS_KEY_ID).get()).isEqualTo("the-secret");
        }
        LocalKms.Request decrypt = kms.requests("Decrypt").getFirst();
        assertThat(decrypt.header("Authorization")).contains("Credential=" + accessKeyId + "/")
                .contains("/" + region + "/kms/");
        assertThat(decrypt.header("X-Amz-Security-Token")).isEqualTo(sessionToken);
    }

    /** What Lambda's container credentials endpoint answers. */
    private static String containerCredentials(String keyId, String secret, String sessionToken) {
        return new ObjectMapper().createObjectNode().put("AccessKeyId", keyId).put("SecretAccessKey", secret)
                .put("Token", sessionToken).put("Expiration", "2099-01-01T00:00:00Z").toString();
    }
}
