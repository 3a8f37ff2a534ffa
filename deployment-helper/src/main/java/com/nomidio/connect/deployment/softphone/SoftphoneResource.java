package com.nomidio.connect.deployment.softphone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.deployment.aws.CloudFrontInvalidations;
import com.nomidio.connect.deployment.aws.SoftphoneBucket;
import com.nomidio.connect.deployment.resources.CustomResource;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.FailureReasons;
import com.nomidio.connect.deployment.resources.InvalidPropertiesException;
import com.nomidio.connect.deployment.resources.ResourceContext;
import com.nomidio.connect.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * {@code Custom::NomidioSoftphone}: puts the built standalone softphone (the files {@code softphone/files.txt}
 * lists on the helper's classpath) and a {@code config.json} made from the properties under {@code softphone/} in
 * the stack's bucket, each with its Content-Type and Cache-Control. An Update also removes files the new build no
 * longer has and invalidates {@value #INVALIDATION_PATH} on the CloudFront distribution, so agents get the new page
 * at once; Delete removes every version of everything under softphone/, so the bucket can be deleted.
 *
 * <p>The physical id names the bucket: a new bucket is a replacement, whose Delete empties the old one.
 */
public final class SoftphoneResource implements CustomResource {

    private static final Logger LOG = LoggerFactory.getLogger(SoftphoneResource.class);

    public static final String TYPE = "Custom::NomidioSoftphone";
    static final String INVALIDATION_PATH = "/" + SoftphoneBucket.PREFIX + "*";

    private final SoftphoneBucket bucket;
    private final CloudFrontInvalidations cloudFront;
    private final SoftphoneFiles files;

    public SoftphoneResource(SoftphoneBucket bucket, CloudFrontInvalidations cloudFront, SoftphoneFiles files) {
        this.bucket = bucket;
        this.cloudFront = cloudFront;
        this.files = files;
    }

    @Override
    public String resourceType() {
        return TYPE;
    }

    @Override
    public String physicalResourceId(CustomResourceRequest request) {
        return "nomidio-softphone:" + SoftphoneProperties.from(request.properties()).bucketName();
    }

    @Override
    public Response create(CustomResourceRequest request, ResourceContext context) {
        SoftphoneProperties properties = SoftphoneProperties.from(request.properties());
        Set<String> written = upload(properties, context);
        return answer(request, properties, written.size(), null);
    }

    @Override
    public Response update(CustomResourceRequest request, ResourceContext context) {
        SoftphoneProperties properties = SoftphoneProperties.from(request.properties());
        Set<String> written = upload(properties, context);
        context.step("listing s3://" + properties.bucketName() + "/" + SoftphoneBucket.PREFIX);
        int removed = 0;
        for (String path : bucket.currentPaths(properties.bucketName(), context.callTimeout())) {
            if (!written.contains(path)) {
                context.step("removing " + SoftphoneBucket.key(path) + ", which the new build no longer has");
                bucket.remove(properties.bucketName(), path, context.callTimeout());
                removed++;
            }
        }
        context.done("removed " + removed + " old file(s)");
        context.step("invalidating " + INVALIDATION_PATH + " on CloudFront distribution " + properties.distributionId());
        // The request id is the same on CloudFormation's retries of this update: one invalidation, not two.
        String invalidation = cloudFront.invalidate(properties.distributionId(), INVALIDATION_PATH,
                "nomidio-softphone-" + request.requestId(), context.callTimeout());
        context.done("invalidation " + invalidation);
        LOG.atInfo().addKeyValue("distributionId", properties.distributionId()).addKeyValue("invalidationId", invalidation)
                .addKeyValue("removed", removed).log("Softphone updated");
        return answer(request, properties, written.size(), invalidation);
    }

    /** Removes everything under softphone/; succeeds even when there is nothing, or the properties were never usable. */
    @Override
    public Response delete(CustomResourceRequest request, ResourceContext context) {
        String bucketName = request.properties().optional(SoftphoneProperties.BUCKET_NAME).orElse(null);
        if (bucketName == null) {
            LOG.info("Nothing to clean up: no bucket was ever named");
            return Response.success(request.physicalResourceId());
        }
        try {
            context.step("removing s3://" + bucketName + "/" + SoftphoneBucket.PREFIX);
            List<String> keys = bucket.deleteAll(bucketName, context.callTimeout());
            LOG.atInfo().addKeyValue("bucket", bucketName).addKeyValue("files", keys.size()).log("Softphone removed");
            return Response.success(request.physicalResourceId());
        } catch (SdkException e) {
            LOG.warn("Could not empty the bucket's softphone/", e);
            return Response.builder().status(Response.Status.SUCCESS).physicalResourceId(request.physicalResourceId())
                    .reason(FailureReasons.truncate("Deleted; left behind for manual removal: the files in s3://"
                            + bucketName + "/" + SoftphoneBucket.PREFIX + " (" + FailureReasons.describe(e, context) + ")"))
                    .build();
        }
    }

    /** Puts config.json and every file of the build; returns the paths written (relative to softphone/). */
    private Set<String> upload(SoftphoneProperties properties, ResourceContext context) {
        context.step("reading the softphone page from the helper's jar");
        List<SoftphoneFiles.File> page = loadPage();
        Set<String> written = new HashSet<>();
        context.step("writing " + SoftphoneBucket.key(SoftphoneFiles.CONFIG));
        bucket.put(properties.bucketName(), SoftphoneFiles.CONFIG, config(properties), "application/json",
                SoftphoneFiles.NO_CACHE, context.callTimeout());
        written.add(SoftphoneFiles.CONFIG);
        for (SoftphoneFiles.File file : page) {
            context.step("writing " + SoftphoneBucket.key(file.path()));
            bucket.put(properties.bucketName(), file.path(), file.content(), SoftphoneFiles.contentType(file.path()),
                    SoftphoneFiles.cacheControl(file.path()), context.callTimeout());
            written.add(file.path());
        }
        context.done("wrote " + written.size() + " file(s) under " + SoftphoneBucket.PREFIX);
        return written;
    }

    private List<SoftphoneFiles.File> loadPage() {
        try {
            return files.load();
        } catch (IllegalStateException e) {
            // A packaging problem, not an AWS one: say so plainly.
            throw new InvalidPropertiesException(e.getMessage());
        }
    }

    /** What the page reads at start: where the CCP is, the region, and the agent API. */
    static byte[] config(SoftphoneProperties properties) {
        ObjectNode config = Json.mapper().createObjectNode();
        config.put("connectInstanceUrl", properties.connectInstanceUrl());
        config.put("region", properties.region());
        config.put("apiUrl", properties.apiUrl());
        try {
            return Json.mapper().writeValueAsString(config).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an object of three strings always serialises", e);
        }
    }

    private Response answer(CustomResourceRequest request, SoftphoneProperties properties, int files, String invalidation) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("IndexKey", SoftphoneBucket.key("index.html"));
        data.put("ConfigKey", SoftphoneBucket.key(SoftphoneFiles.CONFIG));
        data.put("FileCount", String.valueOf(files));
        data.put("InvalidationId", invalidation == null ? "" : invalidation);
        return Response.builder().status(Response.Status.SUCCESS).physicalResourceId(physicalResourceId(request))
                .value(data).build();
    }
}
