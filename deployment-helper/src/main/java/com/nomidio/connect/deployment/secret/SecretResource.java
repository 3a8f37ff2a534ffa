package com.nomidio.connect.deployment.secret;

import com.nomidio.connect.deployment.aws.KmsSecretEncryptor;
import com.nomidio.connect.deployment.resources.CustomResource;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.PhysicalIds;
import com.nomidio.connect.deployment.resources.ResourceContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * {@code Custom::NomidioSecret}: the Access Key Secret, KMS-encrypted, returned as the NoEcho attribute
 * {@code Ciphertext} for the functions' environment. Nothing is stored, so Delete has nothing to remove.
 *
 * <p>It also answers {@code Fingerprint}: a hash over the new ciphertext and every other property (the template
 * passes it every parameter the functions' environments use), never over the plain secret. The functions take it
 * as their {@code VersionDescription}, so any configuration change — which CloudFormation sends here as an Update
 * — publishes new versions and moves the {@code live} alias (SAM's version hash alone sees only {@code !Ref}s).
 */
public final class SecretResource implements CustomResource {

    public static final String TYPE = "Custom::NomidioSecret";
    public static final String CIPHERTEXT_ATTRIBUTE = "Ciphertext";
    public static final String FINGERPRINT_ATTRIBUTE = "Fingerprint";
    static final String KEY_ID = "KeyId";
    static final String ACCESS_KEY_ID = "AccessKeyId";
    static final String ACCESS_KEY_SECRET = "AccessKeySecret";
    /** Not configuration: the helper's own ARN. */
    private static final String SERVICE_TOKEN = "ServiceToken";

    private final KmsSecretEncryptor encryptor;

    public SecretResource(KmsSecretEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    @Override
    public String resourceType() {
        return TYPE;
    }

    @Override
    public String physicalResourceId(CustomResourceRequest request) {
        return PhysicalIds.stable("nomidio-secret", request, "secret");
    }

    @Override
    public Response create(CustomResourceRequest request, ResourceContext context) {
        return encrypt(request, physicalResourceId(request), context);
    }

    /** A new secret or key id gives a new ciphertext under the same physical id (no replacement). */
    @Override
    public Response update(CustomResourceRequest request, ResourceContext context) {
        return encrypt(request, request.physicalResourceId(), context);
    }

    @Override
    public Response delete(CustomResourceRequest request, ResourceContext context) {
        return Response.success(request.physicalResourceId());
    }

    private Response encrypt(CustomResourceRequest request, String physicalId, ResourceContext context) {
        String keyId = request.properties().required(KEY_ID, "pass the encryptionKey's ARN (!GetAtt encryptionKey.Arn)");
        String accessKeyId = request.properties().required(ACCESS_KEY_ID, "set the Access Key Id parameter");
        String secret = request.properties().required(ACCESS_KEY_SECRET, "set the Access Key Secret parameter");
        context.step("encrypting the access key secret with KMS key " + keyId);
        String ciphertext = encryptor.encrypt(keyId, accessKeyId, secret, context.callTimeout());
        return Response.builder()
                .status(Response.Status.SUCCESS)
                .physicalResourceId(physicalId)
                .value(Map.of(CIPHERTEXT_ATTRIBUTE, ciphertext, FINGERPRINT_ATTRIBUTE, fingerprint(ciphertext, request)))
                .noEcho(true)
                .build();
    }

    /**
     * "config-" and 32 hex digits of SHA-256 over the ciphertext and the properties in name order, each length-
     * prefixed so no two different inputs run together; the plain secret is left out (the ciphertext stands for it).
     */
    static String fingerprint(String ciphertext, CustomResourceRequest request) {
        MessageDigest digest = sha256();
        update(digest, CIPHERTEXT_ATTRIBUTE, ciphertext);
        new TreeMap<>(request.properties().asStrings()).forEach((name, value) -> {
            if (!name.equals(ACCESS_KEY_SECRET) && !name.equals(SERVICE_TOKEN)) {
                update(digest, name, value);
            }
        });
        return "config-" + HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static void update(MessageDigest digest, String name, String value) {
        for (String part : new String[] {name, value}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            digest.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
