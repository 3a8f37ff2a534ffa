package com.nomidio.connect.deployment.secret;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandlerAccess;
import com.nomidio.connect.deployment.testing.DeploymentHelperHarness;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Custom::NomidioSecret through the real handler, the kit's local KMS, the answer on a local ResponseURL. */
class SecretResourceTest {

    private static final String ACCESS_KEY_ID = "9ODO5FL9B50A5V9Y0Q6Q";
    private static final String SECRET = "example-secret-not-a-real-one";
    private static final String ROTATED_KEY_ID = "7KQ2M4X8P1R6T3V9W5Z0";
    private static final String ROTATED_SECRET = "example-rotated-secret-not-real";

    @RegisterExtension
    final DeploymentHelperHarness harness = new DeploymentHelperHarness();
    private final DeploymentHelperHandlerAccess handler = new DeploymentHelperHandlerAccess(
            harness.dispatcher(Duration.ofSeconds(2)));

    @Test
    void create_whenKmsEncrypts_answersSuccessWithNoEchoCiphertext() {
        harness.kms.holds(SECRET, SecretEncryptionContext.forAccessKey(ACCESS_KEY_ID));

        handler.handle(harness.event("deployment-helper-create-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));

        harness.assertAnswered("secret-create.json");
    }

    @Test
    void create_whenCiphertextReturned_decryptsWithTheClientsEncryptionContext() {
        harness.kms.holds(SECRET, SecretEncryptionContext.forAccessKey(ACCESS_KEY_ID));
        handler.handle(harness.event("deployment-helper-create-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));
        String ciphertext = harness.cloudFormation.onlyAnswer().json().at("/Data/Ciphertext").asText();

        String decrypted = new KmsAccessKeySecret(harness.kms.client(), ciphertext, ACCESS_KEY_ID).get();

        assertThat(decrypted).isEqualTo(SECRET);
    }

    @Test
    void update_whenCredentialsRotated_encryptsTheNewSecretUnderTheNewKeyIdKeepingThePhysicalId() {
        harness.kms.holds(ROTATED_SECRET, SecretEncryptionContext.forAccessKey(ROTATED_KEY_ID));

        handler.handle(harness.event("deployment-helper-update-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));

        harness.assertAnswered("secret-update.json");
        harness.aws.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("TrentService.Encrypt")));
    }

    @Test
    void update_whenOnlyAConfigurationParameterChanged_answersANewFingerprint() {
        // The local KMS answers the same ciphertext for the same secret: the fingerprint must move with the
        // configuration alone (a new GatewayUrl), or the functions' versions would not be republished.
        harness.kms.holds(SECRET, SecretEncryptionContext.forAccessKey(ACCESS_KEY_ID));
        handler.handle(harness.event("deployment-helper-create-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));
        String before = harness.cloudFormation.onlyAnswer().json().at("/Data/Fingerprint").asText();
        harness.cloudFormation.clear();
        var update = harness.event("deployment-helper-create-secret.json");
        update.setRequestType("Update");
        update.setPhysicalResourceId("nomidio-secret-6d66cd45b549");
        update.getResourceProperties().put("GatewayUrl", "https://gateway2.example.com");

        handler.handle(update, new LocalLambdaContext("deploymentHelper", 60_000));

        String after = harness.cloudFormation.onlyAnswer().json().at("/Data/Fingerprint").asText();
        assertThat(before).matches("config-[0-9a-f]{32}");
        assertThat(after).matches("config-[0-9a-f]{32}").isNotEqualTo(before);
    }

    @Test
    void create_whenFingerprinted_neverHashesThePlainSecretAlone() {
        // Two different secrets that KMS happens to encrypt to the same blob give the same fingerprint: the
        // secret itself is not an input, so the fingerprint cannot be used to test guesses of it.
        harness.kms.holds(SECRET, SecretEncryptionContext.forAccessKey(ACCESS_KEY_ID));
        harness.kms.holds("another-secret-not-real", SecretEncryptionContext.forAccessKey(ACCESS_KEY_ID));
        handler.handle(harness.event("deployment-helper-create-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));
        String first = harness.cloudFormation.onlyAnswer().json().at("/Data/Fingerprint").asText();
        harness.cloudFormation.clear();
        var other = harness.event("deployment-helper-create-secret.json");
        other.getResourceProperties().put("AccessKeySecret", "another-secret-not-real");

        handler.handle(other, new LocalLambdaContext("deploymentHelper", 60_000));

        assertThat(harness.cloudFormation.onlyAnswer().json().at("/Data/Fingerprint").asText()).isEqualTo(first);
    }

    @Test
    void create_whenKmsDeniesEncrypt_answersFailedNamingTheRoleAndKeepsTheSecretOutOfTheReason() {
        harness.kms.refuseEverything(400, "AccessDeniedException",
                "User is not authorized to perform kms:Encrypt on this resource");

        handler.handle(harness.event("deployment-helper-create-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));

        harness.assertAnswered("secret-create-kms-denied.json");
        assertThat(harness.cloudFormation.onlyAnswer().body()).doesNotContain(SECRET);
    }

    @Test
    void create_whenSecretPropertyMissing_answersFailedSayingWhatToSet() {
        var event = harness.event("deployment-helper-create-secret.json");
        event.getResourceProperties().remove("AccessKeySecret");

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 60_000));

        assertThat(harness.cloudFormation.onlyAnswer().json().get("Status").asText()).isEqualTo("FAILED");
        assertThat(harness.cloudFormation.onlyAnswer().json().get("Reason").asText())
                .isEqualTo("Invalid custom resource properties: the property AccessKeySecret is missing or empty:"
                        + " set the Access Key Secret parameter.");
        harness.aws.verify(0, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void delete_whenCalled_answersSuccessWithoutCallingKms() {
        handler.handle(harness.event("deployment-helper-delete-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));

        harness.assertAnswered("secret-delete.json");
        assertThat(harness.aws.getAllServeEvents()).isEmpty();
    }
}
