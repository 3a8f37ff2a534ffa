package com.nomidio.connect.secret;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nomidio.connect.testing.GatewayStubs;
import com.nomidio.connect.testing.KmsStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

class KmsAccessKeySecretTest {

    private WireMockServer kmsServer;
    private KmsClient kms;

    @BeforeEach
    void start() {
        kmsServer = new WireMockServer(options().dynamicPort());
        kmsServer.start();
        kms = KmsStubs.client(kmsServer.baseUrl());
    }

    @AfterEach
    void stop() {
        kms.close();
        kmsServer.stop();
    }

    @Test
    void get_whenCalledRepeatedly_decryptsOnceWithTheEncryptionContext() {
        KmsStubs.decrypt(kmsServer, GatewayStubs.ACCESS_KEY_SECRET, GatewayStubs.ACCESS_KEY_ID);
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, KmsStubs.CIPHERTEXT_BASE64, GatewayStubs.ACCESS_KEY_ID);

        assertThat(secret.get()).isEqualTo(GatewayStubs.ACCESS_KEY_SECRET);
        assertThat(secret.get()).isEqualTo(GatewayStubs.ACCESS_KEY_SECRET);

        kmsServer.verify(1, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void get_whenCiphertextWasMadeForAnotherKeyId_isRefusedByKms() {
        KmsStubs.decrypt(kmsServer, GatewayStubs.ACCESS_KEY_SECRET, "ANOTHER-KEY-ID");
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, KmsStubs.CIPHERTEXT_BASE64, GatewayStubs.ACCESS_KEY_ID);

        // The stub only answers for the right encryption context; anything else is a 404 from WireMock.
        assertThatThrownBy(secret::get).isInstanceOf(KmsException.class);
    }

    @Test
    void get_whenCiphertextIsNotBase64_failsClearlyWithoutCallingKms() {
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, "%%%not-base64%%%", GatewayStubs.ACCESS_KEY_ID);

        assertThatThrownBy(secret::get).hasMessageContaining("not base64");
        assertThat(kmsServer.getAllServeEvents()).isEmpty();
    }

    @Test
    void constructor_whenCiphertextMissing_failsClearly() {
        assertThatThrownBy(() -> new KmsAccessKeySecret(kms, " ", GatewayStubs.ACCESS_KEY_ID))
                .hasMessageContaining("ciphertext is missing");
    }

    @Test
    void toString_whenDecrypted_doesNotShowTheSecret() {
        KmsStubs.decrypt(kmsServer, GatewayStubs.ACCESS_KEY_SECRET, GatewayStubs.ACCESS_KEY_ID);
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, KmsStubs.CIPHERTEXT_BASE64, GatewayStubs.ACCESS_KEY_ID);
        secret.get();

        assertThat(secret.toString()).doesNotContain(GatewayStubs.ACCESS_KEY_SECRET);
    }
}
