package com.nomidio.connect.secret;

import com.nomidio.connect.gateway.GatewayConfig;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Where a function gets the Access Key Secret from its environment: KMS ciphertext, as template.yaml deploys it;
 * or, only inside {@code sam local} (SAM sets {@code AWS_SAM_LOCAL=true} in its containers), the plain secret, so
 * that a developer without a KMS key of their own can invoke the functions against the gateway emulator.
 */
public final class AccessKeySecrets {

    /** Base64 KMS ciphertext of the Access Key Secret: what a deployed function is given. */
    public static final String ACCESS_KEY_SECRET_CIPHERTEXT = "NOMIDIO_ACCESS_KEY_SECRET_CIPHERTEXT";
    /** The plain Access Key Secret: accepted only when {@link #SAM_LOCAL} is {@code true}. */
    public static final String ACCESS_KEY_SECRET = "NOMIDIO_ACCESS_KEY_SECRET";
    /** Set to {@code true} by the SAM CLI in its local Lambda containers, never by Lambda. */
    public static final String SAM_LOCAL = "AWS_SAM_LOCAL";

    private static final Logger LOG = LoggerFactory.getLogger(AccessKeySecrets.class);

    private AccessKeySecrets() {
    }

    /**
     * The secret's supplier. {@code kms} is asked for a client only when the secret is ciphertext.
     *
     * @throws IllegalArgumentException when a plain secret is given outside {@code sam local} (a plain secret in
     *     a deployed function's configuration is a leak to remove, not a value to use), or no secret is given
     */
    public static Supplier<String> fromEnvironment(Map<String, String> env, Supplier<KmsClient> kms) {
        String plain = env.get(ACCESS_KEY_SECRET);
        if (plain != null && !plain.isBlank()) {
            if (!runsInSamLocal(env)) {
                throw new IllegalArgumentException("configuration " + ACCESS_KEY_SECRET + " (a plain secret) is"
                        + " accepted only by sam local (" + SAM_LOCAL + "=true); remove it and set "
                        + ACCESS_KEY_SECRET_CIPHERTEXT + " to its KMS ciphertext");
            }
            LOG.atWarn().addKeyValue("variable", ACCESS_KEY_SECRET)
                    .log("Using the plain access key secret, as only sam local allows");
            return new PlainSecret(plain.trim());
        }
        return new KmsAccessKeySecret(kms.get(), env.get(ACCESS_KEY_SECRET_CIPHERTEXT),
                env.get(GatewayConfig.ACCESS_KEY_ID));
    }

    private static boolean runsInSamLocal(Map<String, String> env) {
        String value = env.get(SAM_LOCAL);
        return value != null && "true".equalsIgnoreCase(value.trim());
    }

    /** Keeps the value out of toString, as {@link KmsAccessKeySecret} does. */
    private record PlainSecret(String value) implements Supplier<String> {

        @Override
        public String get() {
            return value;
        }

        @Override
        public String toString() {
            return "PlainSecret[sam local]";
        }
    }
}
