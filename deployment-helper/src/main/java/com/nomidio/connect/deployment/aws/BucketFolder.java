package com.nomidio.connect.deployment.aws;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * A folder of the stack's versioned bucket that one custom resource owns ({@code contact-flows/},
 * {@code softphone/}): removing it means removing every version and delete marker, or CloudFormation cannot delete
 * the bucket.
 */
final class BucketFolder {

    private static final Logger LOG = LoggerFactory.getLogger(BucketFolder.class);

    private BucketFolder() {
    }

    /**
     * Deletes every version (and delete marker) of every key under {@code prefix} that {@code ours} accepts, and
     * returns the keys, once each. A missing bucket has none.
     */
    static List<String> deleteEveryVersion(S3Client s3, String bucket, String prefix, Predicate<String> ours,
            Duration timeout) {
        Set<String> deleted = new LinkedHashSet<>();
        try {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r
                    .bucket(bucket)
                    .prefix(prefix)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout)))) {
                for (ObjectVersion version : page.versions()) {
                    deleteVersion(s3, bucket, version.key(), version.versionId(), ours, timeout, deleted);
                }
                for (DeleteMarkerEntry marker : page.deleteMarkers()) {
                    deleteVersion(s3, bucket, marker.key(), marker.versionId(), ours, timeout, deleted);
                }
            }
        } catch (NoSuchBucketException e) {
            LOG.atInfo().addKeyValue("bucket", bucket).log("Bucket already gone");
        }
        return List.copyOf(deleted);
    }

    private static void deleteVersion(S3Client s3, String bucket, String key, String versionId, Predicate<String> ours,
            Duration timeout, Set<String> deleted) {
        if (ours.test(key)) {
            s3.deleteObject(r -> r.bucket(bucket).key(key).versionId(versionId)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
            deleted.add(key);
        }
    }
}
