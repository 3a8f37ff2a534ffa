package com.nomidio.connect.deployment.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The standalone softphone's files in the stack's bucket, under {@code softphone/}, served through CloudFront. */
public final class SoftphoneBucket {

    public static final String PREFIX = "softphone/";

    private final S3Client s3;

    public SoftphoneBucket(S3Client s3) {
        this.s3 = s3;
    }

    public static String key(String path) {
        return PREFIX + path;
    }

    public void put(String bucket, String path, byte[] content, String contentType, String cacheControl,
            Duration timeout) {
        s3.putObject(r -> r
                        .bucket(bucket)
                        .key(key(path))
                        .contentType(contentType)
                        .cacheControl(cacheControl)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout)),
                RequestBody.fromBytes(content));
    }

    /** The paths (relative to softphone/) of the current objects under softphone/, every page. */
    public List<String> currentPaths(String bucket, Duration timeout) {
        List<String> paths = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r
                .bucket(bucket)
                .prefix(PREFIX)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout))).contents()) {
            paths.add(object.key().substring(PREFIX.length()));
        }
        return paths;
    }

    /** Removes the current object (a delete marker in the versioned bucket; Delete removes the versions). */
    public void remove(String bucket, String path, Duration timeout) {
        s3.deleteObject(r -> r.bucket(bucket).key(key(path)).overrideConfiguration(c -> c.apiCallTimeout(timeout)));
    }

    /** Deletes every version of everything under softphone/ (the folder is this resource's alone). */
    public List<String> deleteAll(String bucket, Duration timeout) {
        return BucketFolder.deleteEveryVersion(s3, bucket, PREFIX, key -> key.startsWith(PREFIX), timeout);
    }
}
