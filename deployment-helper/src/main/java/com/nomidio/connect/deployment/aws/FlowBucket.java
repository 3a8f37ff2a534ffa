package com.nomidio.connect.deployment.aws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The rendered flows in the bucket, under {@code contact-flows/}, for the guide's manual import. */
public final class FlowBucket {

    public static final String PREFIX = "contact-flows/";
    private static final String OUR_FILES = PREFIX + "NOMIDIO-";

    private final S3Client s3;

    public FlowBucket(S3Client s3) {
        this.s3 = s3;
    }

    public static String key(String flowName) {
        return PREFIX + flowName + ".json";
    }

    public void put(String bucket, String flowName, String content, Duration timeout) {
        s3.putObject(r -> r
                        .bucket(bucket)
                        .key(key(flowName))
                        .contentType("application/json")
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout)),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    /** Removes one flow's file (a delete marker in the versioned bucket; {@link #deleteFlows} clears all on Delete). */
    public void delete(String bucket, String flowName, Duration timeout) {
        s3.deleteObject(r -> r.bucket(bucket).key(key(flowName)).overrideConfiguration(c -> c.apiCallTimeout(timeout)));
    }

    /**
     * Deletes every version (and delete marker) of every NOMIDIO-*.json under contact-flows/: the bucket is
     * versioned, and CloudFormation can delete it only when no version is left. Returns the keys deleted, once
     * each. A missing bucket has none.
     */
    public List<String> deleteFlows(String bucket, Duration timeout) {
        return BucketFolder.deleteEveryVersion(s3, bucket, PREFIX,
                key -> key.startsWith(OUR_FILES) && key.endsWith(".json"), timeout);
    }
}
