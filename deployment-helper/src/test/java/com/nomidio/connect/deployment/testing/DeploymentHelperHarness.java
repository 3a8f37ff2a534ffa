package com.nomidio.connect.deployment.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.deployment.entrypoints.DeploymentHelperWiring;
import com.nomidio.connect.deployment.resources.ResourceDispatcher;
import com.nomidio.connect.testkit.cloudformation.ResponseUrlServer;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.lex.LocalLexModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything a deployment helper test needs on real HTTP: WireMock speaking Connect (REST-JSON), S3 (REST-XML,
 * path-style) and CloudFront (REST-XML), the kit's local KMS behind it, real SDK clients pointed at it, and the kit's ResponseURL server as
 * CloudFormation's. A JUnit extension ({@code @RegisterExtension} on an instance field): a fresh one per test, closed
 * after it.
 */
public final class DeploymentHelperHarness implements AutoCloseable, AfterEachCallback {

    /** The events/ folder at the repository root (tests run in the module directory). */
    public static final Path EVENTS = Path.of("..", "events");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final WireMockServer aws = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    public final LocalKms kms = new LocalKms();
    public final ResponseUrlServer cloudFormation = new ResponseUrlServer();
    /** Lex V2 model building: stateful, on its own endpoint (its /tags/ paths would collide with Connect's). */
    public final LocalLexModels lex = new LocalLexModels();
    public final ConnectStubs connect;
    public final S3Stubs s3;
    public final CloudFrontStubs cloudFront;

    public DeploymentHelperHarness() {
        aws.start();
        // Production wiring gives every client one endpoint: WireMock hands KMS's requests (JSON 1.1, told apart
        // by their X-Amz-Target) to the local KMS, and still records them.
        aws.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", matching("TrentService\\..*"))
                .willReturn(aResponse().proxiedFrom(kms.endpoint().toString())));
        connect = new ConnectStubs(aws);
        s3 = new S3Stubs(aws);
        cloudFront = new CloudFrontStubs(aws);
    }

    /** How often the tests' dispatcher asks the local Lex for progress: no test waits seconds for a build. */
    public static final Duration LEX_POLL_INTERVAL = Duration.ofMillis(10);

    /** The dispatcher as production wires it, every client pointed at WireMock but Lex's at the local Lex. */
    public ResourceDispatcher dispatcher(Duration safetyMargin) {
        return DeploymentHelperWiring.fromEnvironment(Map.of(AwsEnvironment.ENDPOINT_URL, aws.baseUrl(),
                AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.LEX_MODELS_V2, lex.endpoint().toString(),
                AwsEnvironment.REGION, "eu-west-2"), safetyMargin, LEX_POLL_INTERVAL);
    }

    /** A sample event from events/, answering to the local ResponseURL server. */
    public CloudFormationCustomResourceEvent event(String file) {
        CloudFormationCustomResourceEvent event =
                EventLoader.loadCloudFormationCustomResourceEvent(EVENTS.resolve(file).toString());
        event.setResponseUrl(cloudFormation.url(event.getRequestId()));
        return event;
    }

    /** The response body CloudFormation should receive, from src/test/resources/responses/. */
    public static JsonNode expectedResponse(String file) {
        try (InputStream in = DeploymentHelperHarness.class.getClassLoader().getResourceAsStream("responses/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no expected response " + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly one answer reached the ResponseURL, by PUT, and its body is exactly the expected one. */
    public void assertAnswered(String expectedFile) {
        ResponseUrlServer.Received answer = cloudFormation.onlyAnswer();
        assertThat(answer.method()).isEqualTo("PUT");
        assertThat(answer.json()).isEqualTo(expectedResponse(expectedFile));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        aws.stop();
        kms.close();
        cloudFormation.close();
        lex.close();
    }
}
