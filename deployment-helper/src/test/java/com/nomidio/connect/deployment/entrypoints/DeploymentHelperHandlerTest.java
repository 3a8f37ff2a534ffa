package com.nomidio.connect.deployment.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.deployment.testing.DeploymentHelperHarness;
import com.nomidio.connect.deployment.testing.S3Stubs;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handler as Lambda runs it: every sample event answered exactly once, unknown types, no secret in logs. */
class DeploymentHelperHandlerTest {

    @RegisterExtension
    final DeploymentHelperHarness harness = new DeploymentHelperHarness();
    private final DeploymentHelperHandler handler = new DeploymentHelperHandler(harness.dispatcher(Duration.ofSeconds(2)));

    static Stream<String> sampleEvents() throws IOException {
        try (Stream<Path> files = Files.list(DeploymentHelperHarness.EVENTS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("deployment-helper-"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleEvents")
    void handleRequest_whenSampleEvent_answersCloudFormationSuccessOnce(String file) {
        stubEverythingTheSamplesNeed();
        CloudFormationCustomResourceEvent event = harness.event(file);

        handler.handleRequest(event, new LocalLambdaContext("deploymentHelper", 120_000));

        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.get("RequestId").asText()).isEqualTo(event.getRequestId());
        assertThat(answer.get("LogicalResourceId").asText()).isEqualTo(event.getLogicalResourceId());
    }

    @Test
    void handleRequest_whenSamplesCoverEveryRequestTypeOfEveryResource_areAllThere() throws IOException {
        assertThat(sampleEvents().toList()).contains(
                "deployment-helper-create-secret.json", "deployment-helper-update-secret.json",
                "deployment-helper-delete-secret.json", "deployment-helper-create-contact-flows.json",
                "deployment-helper-update-contact-flows.json", "deployment-helper-delete-contact-flows.json",
                "deployment-helper-create-softphone.json", "deployment-helper-update-softphone.json",
                "deployment-helper-delete-softphone.json", "deployment-helper-create-agent-challenge-quick-connect.json",
                "deployment-helper-update-agent-challenge-quick-connect.json",
                "deployment-helper-delete-agent-challenge-quick-connect.json",
                "deployment-helper-create-lex-bots.json", "deployment-helper-update-lex-bots.json",
                "deployment-helper-delete-lex-bots.json");
    }

    @Test
    void handleRequest_whenResourceTypeUnknown_answersFailedNamingWhatIsServed() {
        JsonNode answer = answerFor("deployment-helper-create-secret.json", "Custom::NomidioNotAType");

        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).isEqualTo("This deploymentHelper does not serve resource type"
                + " Custom::NomidioNotAType; it serves [Custom::NomidioSecret, Custom::NomidioContactFlows,"
                + " Custom::NomidioSoftphone, Custom::NomidioAgentChallengeQuickConnect, Custom::NomidioLexBots]. Check the"
                + " Type in the template, or deploy the helper version that adds it.");
    }

    @Test
    void handleRequest_whenDeletingAnUnknownResourceType_answersSuccessSoTheStackCanGo() {
        JsonNode answer = answerFor("deployment-helper-delete-secret.json", "Custom::NomidioSoftphone");

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").asText())
                .isEqualTo(harness.event("deployment-helper-delete-secret.json").getPhysicalResourceId());
    }

    /** The one answer CloudFormation got for the sample {@code file} sent as resource type {@code type}. */
    private JsonNode answerFor(String file, String type) {
        CloudFormationCustomResourceEvent event = harness.event(file);
        event.setResourceType(type);
        handler.handleRequest(event, new LocalLambdaContext("deploymentHelper", 60_000));
        return harness.cloudFormation.onlyAnswer().json();
    }

    /** An environment the wiring cannot use: Lambda would fail the init, and CloudFormation would hear nothing. */
    private static final java.util.Map<String, String> BROKEN_ENVIRONMENT = java.util.Map.of(
            com.nomidio.connect.aws.AwsEnvironment.REGION, "eu-west-2",
            com.nomidio.connect.aws.AwsEnvironment.ENDPOINT_URL, "http://not a host name:1");

    @Test
    void handleRequest_whenTheWiringFailedAtStart_stillAnswersCloudFormationFailedNamingTheCause() {
        DeploymentHelperHandler broken = DeploymentHelperHandler.fromEnvironment(BROKEN_ENVIRONMENT);

        broken.handleRequest(harness.event("deployment-helper-create-secret.json"),
                new LocalLambdaContext("deploymentHelper", 60_000));

        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).startsWith("The deploymentHelper could not start (IllegalArgumentException: ")
                .endsWith("Fix the function's configuration or code (see its log stream), then retry the stack operation.");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo("nomidioSecret-not-started");
    }

    @Test
    void handleRequest_whenDeletingAfterTheWiringFailedAtStart_answersSuccessSayingWhatMayBeLeft() {
        DeploymentHelperHandler broken = DeploymentHelperHandler.fromEnvironment(BROKEN_ENVIRONMENT);
        CloudFormationCustomResourceEvent event = harness.event("deployment-helper-delete-contact-flows.json");

        broken.handleRequest(event, new LocalLambdaContext("deploymentHelper", 60_000));

        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo(event.getPhysicalResourceId());
        assertThat(answer.get("Reason").asText()).startsWith("Deleted without cleaning up: the deploymentHelper could not start")
                .contains("NOMIDIO-* flows");
    }

    @Test
    void handleRequest_whenTheFirstPutsToTheResponseUrlFail_retriesUntilCloudFormationHasTheAnswer() {
        harness.cloudFormation.refuseNext(2, 503);

        handler.handleRequest(harness.event("deployment-helper-delete-secret.json"),
                new LocalLambdaContext("deploymentHelper", 60_000));

        assertThat(harness.cloudFormation.refused()).hasSize(2);
        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer).isEqualTo(harness.cloudFormation.refused().getFirst().json());
    }

    @Test
    void handleRequest_whenTheResponseUrlRefusesTheAnswer_stopsWithoutEverLoggingTheUrl() {
        // A pre-signed URL is a credential: whoever holds it can answer for the stack.
        CloudFormationCustomResourceEvent event = harness.event("deployment-helper-delete-secret.json");
        event.setResponseUrl(event.getResponseUrl() + "?X-Amz-Signature=0123456789abcdefsignature");
        harness.cloudFormation.refuseNext(1, 500);
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            handler.handleRequest(event, new LocalLambdaContext("deploymentHelper", 60_000));
            harness.cloudFormation.refuseNext(1, 403);
            harness.cloudFormation.clear();
            handler.handleRequest(event, new LocalLambdaContext("deploymentHelper", 60_000));
        } finally {
            System.setOut(original);
        }

        String everything = stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(everything).contains("Sending the answer to CloudFormation failed; retrying")
                .contains("CloudFormation refused the answer; not retrying")
                .doesNotContain("0123456789abcdefsignature").doesNotContain("cloudformation-custom-resource-response");
        // A 403 (an expired or altered URL) is not retried: one refused PUT, no answer.
        assertThat(harness.cloudFormation.received()).isEmpty();
    }

    @Test
    void handleRequest_whenTheAnswerNeverReachesCloudFormation_logsTheFailureWithTheHostOnly() throws IOException {
        CloudFormationCustomResourceEvent event = harness.event("deployment-helper-delete-secret.json");
        event.setResponseUrl(event.getResponseUrl() + "?X-Amz-Signature=0123456789abcdefsignature");
        harness.cloudFormation.refuseNext(1, 403);

        String everything = stdoutOf(() -> handler.handleRequest(event, new LocalLambdaContext("deploymentHelper", 60_000)));

        // The client's final IOException reaches Powertools' onSendFailure, which the handler overrides.
        JsonNode failure = com.nomidio.connect.json.Json.mapper().readTree(everything.lines()
                .filter(l -> l.contains("CloudFormation did not get the answer")).findFirst().orElseThrow());
        assertThat(failure.path("level").asText()).isEqualTo("ERROR");
        assertThat(failure.path("responseHost").asText()).isEqualTo("127.0.0.1");
        assertThat(failure.path("answer").asText()).isEqualTo("SUCCESS");
        assertThat(failure.path("cause").asText()).isEqualTo("CloudFormation refused the answer (HTTP 403)");
        assertThat(everything).doesNotContain("0123456789abcdefsignature");
    }

    /** What the JSON logging backend wrote to stdout (as in Lambda) while {@code action} ran. */
    private static String stdoutOf(Runnable action) {
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void handleRequest_whenEncryptingOrFailing_neverLogsTheSecret() {
        // The JSON logging backend writes every line to stdout, as in Lambda: capture it whole.
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            harness.kms.holds("example-secret-not-a-real-one", SecretEncryptionContext.forAccessKey("9ODO5FL9B50A5V9Y0Q6Q"));
            handler.handleRequest(harness.event("deployment-helper-create-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));
            // The local KMS does not hold the rotated secret: this one fails, and its failure is logged.
            handler.handleRequest(harness.event("deployment-helper-update-secret.json"), new LocalLambdaContext("deploymentHelper", 60_000));
        } finally {
            System.setOut(original);
        }

        String everything = stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(everything).contains("\"level\":\"ERROR\"");
        assertThat(everything).doesNotContain("example-secret-not-a-real-one", "example-rotated-secret-not-real");
    }

    private void stubEverythingTheSamplesNeed() {
        harness.kms.holds("example-secret-not-a-real-one", SecretEncryptionContext.forAccessKey("9ODO5FL9B50A5V9Y0Q6Q"));
        harness.kms.holds("example-rotated-secret-not-real", SecretEncryptionContext.forAccessKey("7KQ2M4X8P1R6T3V9W5Z0"));
        harness.connect.workingQueue("BasicQueue");
        harness.connect.associateLambda();
        harness.connect.disassociateLambda();
        harness.connect.existingFlowsChanging(List.of(), NomidioFlow.deploymentOrder(InteractionConfiguration.STANDARD_VOICE_ONLY));
        for (NomidioFlow flow : NomidioFlow.deploymentOrder(InteractionConfiguration.STANDARD_VOICE_ONLY)) {
            harness.connect.createFlow(flow);
            harness.connect.updateContent(flow);
            harness.connect.describeFlow(flow, java.util.Map.of());
        }
        harness.s3.acceptPuts(S3Stubs.BUCKET);
        harness.s3.listing(S3Stubs.BUCKET, List.of());
        // The softphone (page from the test classpath's softphone/ fixture) and the agent challenge quick connect.
        harness.s3.acceptPuts(S3Stubs.BUCKET, "softphone/");
        harness.s3.currentObjects(S3Stubs.BUCKET, "softphone/", List.of());
        harness.cloudFront.acceptInvalidations(com.nomidio.connect.deployment.testing.CloudFrontStubs.DISTRIBUTION_ID);
        harness.connect.existingQuickConnects(List.of());
        harness.connect.createQuickConnect();
        harness.connect.acceptQuickConnectChanges();
        harness.connect.associatedBots(List.of());
        harness.connect.acceptBotAssociations();
    }
}
