package com.nomidio.connect.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.gateway.GatewayConfig;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

class AccessKeySecretsTest {

    private final AtomicInteger kmsClientsAsked = new AtomicInteger();
    private final Supplier<KmsClient> kms = () -> {
        kmsClientsAsked.incrementAndGet();
        throw new AssertionError("a plain secret needs no KMS client");
    };

    @Test
    void fromEnvironment_whenPlainSecretUnderSamLocal_suppliesItWithoutKms() {
        Supplier<String> secret = AccessKeySecrets.fromEnvironment(Map.of(
                AccessKeySecrets.ACCESS_KEY_SECRET, " local-secret ",
                AccessKeySecrets.SAM_LOCAL, "true",
                GatewayConfig.ACCESS_KEY_ID, "AK-1"), kms);

        assertThat(secret.get()).isEqualTo("local-secret");
        assertThat(secret.toString()).doesNotContain("local-secret");
        assertThat(kmsClientsAsked).hasValue(0);
    }

    @Test
    void fromEnvironment_whenPlainSecretOutsideSamLocal_refusesItNamingTheFix() {
        Map<String, String> env = Map.of(
                AccessKeySecrets.ACCESS_KEY_SECRET, "local-secret",
                AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, "AQID",
                GatewayConfig.ACCESS_KEY_ID, "AK-1");

        assertThatThrownBy(() -> AccessKeySecrets.fromEnvironment(env, kms))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AccessKeySecrets.ACCESS_KEY_SECRET)
                .hasMessageContaining("AWS_SAM_LOCAL=true")
                .hasMessageContaining(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT)
                .hasMessageNotContaining("local-secret");
        assertThat(kmsClientsAsked).hasValue(0);
    }

    @Test
    void fromEnvironment_whenSamLocalIsNotTrue_refusesThePlainSecret() {
        Map<String, String> env = Map.of(
                AccessKeySecrets.ACCESS_KEY_SECRET, "local-secret",
                AccessKeySecrets.SAM_LOCAL, "false");

        assertThatThrownBy(() -> AccessKeySecrets.fromEnvironment(env, kms))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromEnvironment_whenCiphertext_decryptsWithKms() {
        Map<String, String> env = Map.of(
                AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, "AQID",
                GatewayConfig.ACCESS_KEY_ID, "AK-1");

        Supplier<String> secret = AccessKeySecrets.fromEnvironment(env, () -> KmsClient.builder()
                .region(software.amazon.awssdk.regions.Region.EU_WEST_2).build());

        assertThat(secret).isInstanceOf(KmsAccessKeySecret.class);
        assertThat(secret.toString()).contains("AK-1");
    }

    @Test
    void fromEnvironment_whenNoSecretAtAll_refusesWithTheReason() {
        assertThatThrownBy(() -> AccessKeySecrets.fromEnvironment(Map.of(), () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ciphertext is missing");
    }
}
