package com.nomidio.connect.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

class KmsAccessKeySecretTest {

    private LocalKms kmsServer;
    private KmsClient kms;

    @BeforeEach
    void start() {
        kmsServer = new LocalKms();
        kms = kmsServer.client();
    }

    @AfterEach
    void stop() {
        kms.close();
        kmsServer.close();
    }

    @Test
    void get_whenCalledRepeatedly_decryptsOnceWithTheEncryptionContext() {
        String ciphertext = kmsServer.holds(GatewayStubs.ACCESS_KEY_SECRET,
                SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, ciphertext, GatewayStubs.ACCESS_KEY_ID);

        assertThat(secret.get()).isEqualTo(GatewayStubs.ACCESS_KEY_SECRET);
        assertThat(secret.get()).isEqualTo(GatewayStubs.ACCESS_KEY_SECRET);

        assertThat(kmsServer.requests()).hasSize(1);
    }

    @Test
    void get_whenCiphertextWasMadeForAnotherKeyId_isRefusedByKms() {
        String ciphertext = kmsServer.holds(GatewayStubs.ACCESS_KEY_SECRET,
                SecretEncryptionContext.forAccessKey("ANOTHER-KEY-ID"));
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, ciphertext, GatewayStubs.ACCESS_KEY_ID);

        // KMS decrypts only under the encryption context the ciphertext was made with.
        assertThatThrownBy(secret::get).isInstanceOf(KmsException.class);
    }

    @Test
    void get_whenCiphertextIsNotBase64_failsClearlyWithoutCallingKms() {
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, "%%%not-base64%%%", GatewayStubs.ACCESS_KEY_ID);

        assertThatThrownBy(secret::get).hasMessageContaining("not base64");
        assertThat(kmsServer.requests()).isEmpty();
    }

    @Test
    void constructor_whenCiphertextMissing_failsClearly() {
        assertThatThrownBy(() -> new KmsAccessKeySecret(kms, " ", GatewayStubs.ACCESS_KEY_ID))
                .hasMessageContaining("ciphertext is missing");
    }

    @Test
    void toString_whenDecrypted_doesNotShowTheSecret() {
        String ciphertext = kmsServer.holds(GatewayStubs.ACCESS_KEY_SECRET,
                SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, ciphertext, GatewayStubs.ACCESS_KEY_ID);
        secret.get();

        assertThat(secret.toString()).doesNotContain(GatewayStubs.ACCESS_KEY_SECRET);
    }
}
