package com.nomidio.connect.secret;

import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.snapstart.SnapshotSensitive;
import java.util.Base64;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;

/**
 * The Access Key Secret, decrypted with KMS once per execution environment and then kept in memory only.
 * It is never logged; failures name the cause, not the value. Tracked as {@link SnapshotSensitive}: the plaintext
 * never goes into a SnapStart snapshot, and each restored environment decrypts for itself.
 *
 * <p>It keeps {@link SnapshotSensitive#refill()}'s default (nothing): its one reader is the gateway's token fetch,
 * which decrypts it under the token cache's lock, so the token's refill after a restore decrypts it too, and an
 * invocation has one place to wait for both, bounded by its deadline. A refill of its own would add a second wait,
 * on this monitor, bounded only by the KMS client's timeout.
 */
public final class KmsAccessKeySecret implements Supplier<String>, SnapshotSensitive {

    private static final Logger LOG = LoggerFactory.getLogger(KmsAccessKeySecret.class);

    private final KmsClient kms;
    private final String ciphertextBase64;
    private final String accessKeyId;
    private volatile String plaintext;

    public KmsAccessKeySecret(KmsClient kms, String ciphertextBase64, String accessKeyId) {
        if (ciphertextBase64 == null || ciphertextBase64.isBlank()) {
            throw new IllegalArgumentException("the access key secret ciphertext is missing");
        }
        this.kms = kms;
        this.ciphertextBase64 = ciphertextBase64.trim();
        this.accessKeyId = accessKeyId;
        SnapStartPriming.track(this);
    }

    @Override
    public String get() {
        String value = plaintext;
        if (value != null) {
            return value;
        }
        synchronized (this) {
            if (plaintext == null) {
                plaintext = decrypt();
            }
            return plaintext;
        }
    }

    /** Whether the plaintext is held in memory (it is after the first {@link #get()}, until {@link #forget()}). */
    public boolean holdsPlaintext() {
        return plaintext != null;
    }

    @Override
    public synchronized void forget() {
        plaintext = null;
    }

    private String decrypt() {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(ciphertextBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the access key secret ciphertext is not base64");
        }
        long started = System.nanoTime();
        DecryptResponse response = kms.decrypt(r -> r
                .ciphertextBlob(SdkBytes.fromByteArray(blob))
                .encryptionContext(SecretEncryptionContext.forAccessKey(accessKeyId)));
        LOG.atInfo().addKeyValue("keyId", response.keyId())
                .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000).log("Decrypted the access key secret");
        return response.plaintext().asUtf8String();
    }

    @Override
    public String toString() {
        return "KmsAccessKeySecret[accessKeyId=" + accessKeyId + "]";
    }
}
