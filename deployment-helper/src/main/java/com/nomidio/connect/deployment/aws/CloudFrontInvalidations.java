package com.nomidio.connect.deployment.aws;

import java.time.Duration;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;

/** CloudFront CreateInvalidation, so that viewers get the files just uploaded rather than cached copies. */
public final class CloudFrontInvalidations {

    private final CloudFrontClient cloudFront;

    public CloudFrontInvalidations(CloudFrontClient cloudFront) {
        this.cloudFront = cloudFront;
    }

    /**
     * Invalidates {@code path} (e.g. {@code /softphone/*}) on the distribution and returns the invalidation's id.
     * {@code callerReference} makes a retry of the same request idempotent: CloudFront answers the invalidation it
     * already created for that reference instead of creating a second one.
     */
    public String invalidate(String distributionId, String path, String callerReference, Duration timeout) {
        CreateInvalidationResponse response = cloudFront.createInvalidation(r -> r
                .distributionId(distributionId)
                .invalidationBatch(b -> b
                        .callerReference(callerReference)
                        .paths(p -> p.quantity(1).items(path)))
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
        return response.invalidation().id();
    }
}
