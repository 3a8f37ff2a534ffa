package com.nomidio.connect.deployment.softphone;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandlerAccess;
import com.nomidio.connect.deployment.testing.CloudFrontStubs;
import com.nomidio.connect.deployment.testing.DeploymentHelperHarness;
import com.nomidio.connect.deployment.testing.S3Stubs;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom::NomidioSoftphone through the real handler: S3 and CloudFront on WireMock (real SDK clients), the page from
 * the test classpath's softphone/ fixture (the same layout as the softphone module's artifact).
 */
class SoftphoneResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = "deployment-helper-create-softphone.json";
    private static final String UPDATE = "deployment-helper-update-softphone.json";
    private static final String DELETE = "deployment-helper-delete-softphone.json";
    private static final String BUCKET = S3Stubs.BUCKET;
    private static final List<String> PAGE = List.of("index.html", "assets/app-3f9a1c2b.js",
            "assets/app-3f9a1c2b.css", "favicon.svg");

    @RegisterExtension
    final DeploymentHelperHarness harness = new DeploymentHelperHarness();
    private final DeploymentHelperHandlerAccess handler =
            new DeploymentHelperHandlerAccess(harness.dispatcher(Duration.ofSeconds(2)));

    @Test
    void create_whenThePageIsPackaged_uploadsEveryListedFileAndTheGeneratedConfig() {
        harness.s3.acceptPuts(BUCKET, "softphone/");

        JsonNode answer = run(CREATE);

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo("nomidio-softphone:" + BUCKET);
        assertThat(answer.at("/Data/FileCount").asText()).isEqualTo("5");
        Map<String, LoggedRequest> puts = puts();
        assertThat(puts.keySet()).containsExactlyInAnyOrder("softphone/config.json", "softphone/index.html",
                "softphone/assets/app-3f9a1c2b.js", "softphone/assets/app-3f9a1c2b.css", "softphone/favicon.svg");
        for (String path : PAGE) {
            assertThat(S3Stubs.decodedBody(puts.get("softphone/" + path))).as(path).isEqualTo(fixture(path));
        }
        harness.aws.verify(0, postRequestedFor(urlPathMatching("/2020-05-31/.*")));
    }

    @Test
    void create_whenUploading_givesEachFileItsContentTypeAndCachePolicy() {
        harness.s3.acceptPuts(BUCKET, "softphone/");

        run(CREATE);

        Map<String, LoggedRequest> puts = puts();
        assertHeaders(puts.get("softphone/index.html"), "text/html; charset=UTF-8", "no-cache");
        assertHeaders(puts.get("softphone/config.json"), "application/json", "no-cache");
        assertHeaders(puts.get("softphone/assets/app-3f9a1c2b.js"), "text/javascript; charset=UTF-8",
                "public, max-age=31536000, immutable");
        assertHeaders(puts.get("softphone/assets/app-3f9a1c2b.css"), "text/css; charset=UTF-8",
                "public, max-age=31536000, immutable");
        assertHeaders(puts.get("softphone/favicon.svg"), "image/svg+xml", "no-cache");
    }

    @Test
    void create_whenWritingTheConfig_namesTheInstanceRegionAndApiFromTheProperties() throws IOException {
        harness.s3.acceptPuts(BUCKET, "softphone/");

        run(CREATE);

        JsonNode config = JSON.readTree(S3Stubs.decodedBody(puts().get("softphone/config.json")));
        assertThat(config).isEqualTo(JSON.readTree("{\"connectInstanceUrl\":\"https://nomidio-sample.my.connect.aws\","
                + "\"region\":\"eu-west-2\",\"apiUrl\":\"https://a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com\"}"));
    }

    @Test
    void update_whenTheBuildChanged_uploadsRemovesWhatIsGoneAndInvalidatesTheDistribution() {
        harness.s3.acceptPuts(BUCKET, "softphone/");
        harness.s3.acceptDeletes(BUCKET, "softphone/");
        harness.s3.currentObjects(BUCKET, "softphone/", List.of("softphone/config.json", "softphone/index.html",
                "softphone/assets/app-0ld0ld00.js", "softphone/assets/app-3f9a1c2b.css", "softphone/favicon.svg"));
        harness.cloudFront.acceptInvalidations(CloudFrontStubs.DISTRIBUTION_ID);

        JsonNode answer = run(UPDATE);

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.at("/Data/InvalidationId").asText()).isEqualTo(CloudFrontStubs.INVALIDATION_ID);
        assertThat(puts()).containsKey("softphone/assets/app-3f9a1c2b.js");
        List<LoggedRequest> deletes = harness.aws.findAll(deleteRequestedFor(urlPathMatching("/" + BUCKET + "/.*")));
        assertThat(deletes).extracting(LoggedRequest::getUrl).containsExactly("/" + BUCKET + "/softphone/assets/app-0ld0ld00.js");
        List<LoggedRequest> invalidations = harness.aws.findAll(postRequestedFor(
                urlPathEqualTo(CloudFrontStubs.invalidationPath(CloudFrontStubs.DISTRIBUTION_ID))));
        assertThat(invalidations).hasSize(1);
        String batch = invalidations.get(0).getBodyAsString();
        assertThat(batch).contains("<Path>/softphone/*</Path>", "<Quantity>1</Quantity>",
                "<CallerReference>nomidio-softphone-7b2c3d4e-0012-4f60-9a0b-aaaaaaaaaa12</CallerReference>");
    }

    @Test
    void update_whenCloudFrontRefusesTheInvalidation_answersFailedNamingTheStep() {
        harness.s3.acceptPuts(BUCKET, "softphone/");
        harness.s3.currentObjects(BUCKET, "softphone/", List.of());
        harness.cloudFront.refuseInvalidations(CloudFrontStubs.DISTRIBUTION_ID);

        JsonNode answer = run(UPDATE);

        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).startsWith("While invalidating /softphone/* on CloudFront distribution "
                + CloudFrontStubs.DISTRIBUTION_ID).contains("AccessDenied", "deploymentHelperIAMRole");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo("nomidio-softphone:" + BUCKET);
    }

    @Test
    void create_whenTheBucketRefusesTheUpload_answersFailedNamingTheFile() {
        JsonNode answer = run(CREATE);

        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).startsWith("While writing softphone/config.json");
    }

    @Test
    void delete_whenFilesAreThere_removesEveryVersionUnderSoftphone() {
        harness.s3.listing(BUCKET, List.of("softphone/index.html", "softphone/config.json"));
        harness.s3.acceptDeletes(BUCKET, "softphone/");

        JsonNode answer = run(DELETE);

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.path("Reason").asText("")).doesNotContain("left behind");
        assertThat(harness.aws.findAll(deleteRequestedFor(urlPathMatching("/" + BUCKET + "/softphone/.*"))))
                .extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder(
                        "/" + BUCKET + "/softphone/index.html?versionId=v2", "/" + BUCKET + "/softphone/index.html?versionId=v1",
                        "/" + BUCKET + "/softphone/config.json?versionId=v2", "/" + BUCKET + "/softphone/config.json?versionId=v1");
    }

    @Test
    void delete_whenTheBucketIsGone_answersSuccess() {
        harness.s3.noSuchBucket(BUCKET);

        JsonNode answer = run(DELETE);

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        harness.aws.verify(0, deleteRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void delete_whenS3Fails_stillAnswersSuccessSayingWhatIsLeft() {
        harness.s3.listing(BUCKET, List.of("softphone/index.html"));

        JsonNode answer = run(DELETE);

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("Reason").asText()).startsWith("Deleted; left behind for manual removal: the files in s3://"
                + BUCKET + "/softphone/");
    }

    @Test
    void cacheControl_whenANameHasNoContentHash_neverCachesForAYear() {
        assertThat(SoftphoneFiles.cacheControl("nomidio-softphone.js")).isEqualTo("no-cache");
        assertThat(SoftphoneFiles.cacheControl("assets/index-B4x_9kQ2.js")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(SoftphoneFiles.contentType("fonts/a.woff2")).isEqualTo("font/woff2");
        assertThat(SoftphoneFiles.contentType("LICENSE")).isEqualTo("application/octet-stream");
    }

    @Test
    void load_whenTheIndexIsMissingOrUnsafe_failsNamingThePackagingProblem() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new SoftphoneFiles(empty).load()))
                .hasMessageContaining("softphone/files.txt is not on its classpath");
        ClassLoader unsafe = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return "softphone/files.txt".equals(name)
                        ? new java.io.ByteArrayInputStream("../secret.txt\n".getBytes(StandardCharsets.UTF_8)) : null;
            }
        };
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new SoftphoneFiles(unsafe).load()))
                .hasMessageContaining("unsafe path '../secret.txt'");
    }

    // ---- helpers ----

    private JsonNode run(String event) {
        handler.handle(harness.event(event), new LocalLambdaContext("deploymentHelper", 120_000));
        return harness.cloudFormation.onlyAnswer().json();
    }

    private Map<String, LoggedRequest> puts() {
        Map<String, LoggedRequest> byKey = new LinkedHashMap<>();
        for (LoggedRequest put : harness.aws.findAll(putRequestedFor(urlPathMatching("/" + BUCKET + "/softphone/.*")))) {
            byKey.put(put.getUrl().substring(("/" + BUCKET + "/").length()), put);
        }
        return byKey;
    }

    private static void assertHeaders(LoggedRequest put, String contentType, String cacheControl) {
        assertThat(put.getHeader("Content-Type")).as(put.getUrl()).isEqualTo(contentType);
        assertThat(put.getHeader("Cache-Control")).as(put.getUrl()).isEqualTo(cacheControl);
    }

    private static String fixture(String path) {
        try (InputStream in = SoftphoneResourceTest.class.getClassLoader().getResourceAsStream("softphone/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
