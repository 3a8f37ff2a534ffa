package com.nomidio.connect.deployment.aws;

import com.nomidio.connect.secret.SecretEncryptionContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.EncryptResponse;

/**
 * KMS-encrypts the Access Key Secret under the encryption context that {@code KmsAccessKeySecret} decrypts
 * with, so the ciphertext is only good for that purpose and that key id. The plaintext is never logged.
 */
public final class KmsSecretEncryptor {

    private static final Logger LOG = LoggerFactory.getLogger(KmsSecretEncryptor.class);

    private final KmsClient kms;

    public KmsSecretEncryptor(KmsClient kms) {
        this.kms = kms;
    }

    /** The base64 ciphertext, as the functions' NOMIDIO_ACCESS_KEY_SECRET_CIPHERTEXT expects it. */
    public String encrypt(String keyId, String accessKeyId, String secret, Duration timeout) {
        EncryptResponse response = kms.encrypt(r -> r
                .keyId(keyId)
                .plaintext(SdkBytes.fromString(secret, StandardCharsets.UTF_8))
                .encryptionContext(SecretEncryptionContext.forAccessKey(accessKeyId))
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
        LOG.atInfo().addKeyValue("keyId", response.keyId()).addKeyValue("accessKeyId", accessKeyId)
                .log("Encrypted the access key secret");
        return Base64.getEncoder().encodeToString(response.ciphertextBlob().asByteArray());
    }
}
