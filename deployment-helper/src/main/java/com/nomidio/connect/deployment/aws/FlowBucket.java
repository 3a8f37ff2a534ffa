package com.nomidio.connect.deployment.aws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The rendered flows in the bucket, under {@code contact-flows/}, for the guide's manual import. */
public final class FlowBucket {

    private static final Logger LOG = LoggerFactory.getLogger(FlowBucket.class);
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

    /** Deletes every NOMIDIO-*.json under contact-flows/; returns the keys deleted. A missing bucket has none. */
    public List<String> deleteFlows(String bucket, Duration timeout) {
        List<String> deleted = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r
                    .bucket(bucket)
                    .prefix(PREFIX)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout))).contents()) {
                if (object.key().startsWith(OUR_FILES) && object.key().endsWith(".json")) {
                    s3.deleteObject(r -> r.bucket(bucket).key(object.key())
                            .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
                    deleted.add(object.key());
                }
            }
        } catch (NoSuchBucketException e) {
            LOG.atInfo().addKeyValue("bucket", bucket).log("Bucket already gone");
        }
        return deleted;
    }
}
