package com.nomidio.connect.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nomidio.connect.secret.SecretEncryptionContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** KMS (AWS JSON 1.1 protocol) on WireMock, and a real SDK client pointed at it. */
public final class KmsStubs {

    public static final String KEY_ARN = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    /** A fake ciphertext: KMS blobs are opaque to us, only KMS reads them. */
    public static final String CIPHERTEXT_BASE64 =
            Base64.getEncoder().encodeToString("kms-ciphertext-of-the-access-key-secret".getBytes(StandardCharsets.UTF_8));

    private static final ObjectMapper JSON = new ObjectMapper();

    private KmsStubs() {
    }

    /** Decrypt answers with {@code plaintext} only for our ciphertext and the expected encryption context. */
    public static void decrypt(WireMockServer server, String plaintext, String accessKeyId) {
        String body = JSON.createObjectNode()
                .put("KeyId", KEY_ARN)
                .put("Plaintext", Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)))
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .toString();
        server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("TrentService.Decrypt"))
                .withRequestBody(matchingJsonPath("$.CiphertextBlob", equalTo(CIPHERTEXT_BASE64)))
                .withRequestBody(matchingJsonPath("$.EncryptionContext['" + SecretEncryptionContext.PURPOSE_KEY + "']",
                        equalTo(SecretEncryptionContext.PURPOSE)))
                .withRequestBody(matchingJsonPath("$.EncryptionContext['" + SecretEncryptionContext.ACCESS_KEY_ID_KEY + "']",
                        equalTo(accessKeyId)))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    /**
     * Encrypt answers with {@link #CIPHERTEXT_BASE64} only for {@code plaintext} under the expected encryption
     * context, so a test can show that what the deployment helper encrypts is what {@link #decrypt} accepts.
     */
    public static void encrypt(WireMockServer server, String plaintext, String accessKeyId) {
        String body = JSON.createObjectNode()
                .put("KeyId", KEY_ARN)
                .put("CiphertextBlob", CIPHERTEXT_BASE64)
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .toString();
        server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("TrentService.Encrypt"))
                .withRequestBody(matchingJsonPath("$.Plaintext",
                        equalTo(Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)))))
                .withRequestBody(matchingJsonPath("$.EncryptionContext['" + SecretEncryptionContext.PURPOSE_KEY + "']",
                        equalTo(SecretEncryptionContext.PURPOSE)))
                .withRequestBody(matchingJsonPath("$.EncryptionContext['" + SecretEncryptionContext.ACCESS_KEY_ID_KEY + "']",
                        equalTo(accessKeyId)))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    public static KmsClient client(String endpoint) {
        return KmsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
