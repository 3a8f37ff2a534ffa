package com.nomidio.connect.deployment.secret;

import com.nomidio.connect.deployment.aws.KmsSecretEncryptor;
import com.nomidio.connect.deployment.resources.CustomResource;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.PhysicalIds;
import com.nomidio.connect.deployment.resources.ResourceContext;
import java.util.Map;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * {@code Custom::NomidioSecret}: the Access Key Secret, KMS-encrypted, returned as the NoEcho attribute
 * {@code Ciphertext} for the functions' environment. Nothing is stored, so Delete has nothing to remove.
 */
public final class SecretResource implements CustomResource {

    public static final String TYPE = "Custom::NomidioSecret";
    public static final String CIPHERTEXT_ATTRIBUTE = "Ciphertext";
    static final String KEY_ID = "KeyId";
    static final String ACCESS_KEY_ID = "AccessKeyId";
    static final String ACCESS_KEY_SECRET = "AccessKeySecret";

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
                .value(Map.of(CIPHERTEXT_ATTRIBUTE, ciphertext))
                .noEcho(true)
                .build();
    }
}
