package com.nomidio.connect.deployment.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandlerAccess;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.testing.ConnectStubs;
import com.nomidio.connect.deployment.testing.DeploymentHelperHarness;
import com.nomidio.connect.deployment.testing.S3Stubs;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.flows.validation.FlowValidator;
import com.nomidio.connect.flows.validation.ValidationReport;
import com.nomidio.connect.testkit.connect.SampleConnectInstance;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom::NomidioContactFlows through the real handler: Connect and S3 on WireMock (real SDK clients), the
 * answer on a local ResponseURL server, asserted byte for byte where it is deterministic.
 */
class ContactFlowsResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<NomidioFlow> ALL = NomidioFlow.deploymentOrder(InteractionConfiguration.STANDARD_VOICE_ONLY);
    private static final String CREATE = "deployment-helper-create-contact-flows.json";
    private static final String UPDATE = "deployment-helper-update-contact-flows.json";
    private static final String DELETE = "deployment-helper-delete-contact-flows.json";
    private static final String BUCKET = S3Stubs.BUCKET;

    @RegisterExtension
    final DeploymentHelperHarness harness = new DeploymentHelperHarness();
    private final DeploymentHelperHandlerAccess handler =
            new DeploymentHelperHandlerAccess(harness.dispatcher(Duration.ofSeconds(2)));

    @Test
    void create_whenInstanceHasNoNomidioFlows_createsThemInOrderFeedingEachArnForward() {
        stubDeployableInstance(List.of());
        ALL.forEach(harness.connect::createFlow);

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-create.json");
        assertThat(createdNames()).containsExactly("NOMIDIO-POST-FLOW", "NOMIDIO-CHALLENGE-FLOW",
                "NOMIDIO-AUTHENTICATION-FLOW", "NOMIDIO-PRE-FLOW", "NOMIDIO-AGENT-CHALLENGE-QUEUE");
        assertThat(createdContent(NomidioFlow.CHALLENGE_FLOW)).contains(ConnectStubs.flowArn(NomidioFlow.POST_FLOW));
        assertThat(createdContent(NomidioFlow.AUTHENTICATION_FLOW))
                .contains(ConnectStubs.flowArn(NomidioFlow.CHALLENGE_FLOW), ConnectStubs.flowArn(NomidioFlow.POST_FLOW));
        assertThat(createdContent(NomidioFlow.PRE_FLOW)).contains(ConnectStubs.flowArn(NomidioFlow.AUTHENTICATION_FLOW),
                ConnectStubs.QUEUE_ARN, "Welcome to The Test Company.");
        assertThat(createdContent(NomidioFlow.AGENT_CHALLENGE_QUEUE)).contains(ConnectStubs.flowArn(NomidioFlow.CHALLENGE_FLOW));
        harness.aws.verify(1, putRequestedFor(urlPathEqualTo(ConnectStubs.lambdaFunctionPath())));
    }

    @Test
    void create_whenFlowsCreated_tagsThemPublishedWithTheirTypes() {
        stubDeployableInstance(List.of());
        ALL.forEach(harness.connect::createFlow);

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        String createdBy = ContactFlowsResource.createdByValue(
                CustomResourceRequest.from(harness.event(CREATE)));
        for (NomidioFlow flow : ALL) {
            JsonNode request = createRequest(flow);
            assertThat(request.get("Type").asText()).isEqualTo(flow.contactFlowType());
            assertThat(request.get("Status").asText()).isEqualTo("PUBLISHED");
            assertThat(request.at("/Tags/nomidio:created-by").asText()).isEqualTo(createdBy);
            assertThat(request.at("/Tags/nomidio:stack").asText()).isEqualTo("nomidio-connect");
        }
    }

    @Test
    void create_whenFlowsWritten_putsTheSameValidatedContentInTheBucket() {
        stubDeployableInstance(List.of());
        ALL.forEach(harness.connect::createFlow);

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        for (NomidioFlow flow : ALL) {
            String stored = bucketObject(flow);
            assertThat(stored).isEqualTo(createdContent(flow));
            ValidationReport report = FlowValidator.forNomidioFlows().validate(flow.flowName(), stored);
            assertThat(report.issues()).as(report.summary()).isEmpty();
        }
    }

    @Test
    void create_whenDeployContactFlowsFalse_onlyWritesTheBucketWithNameBearingReferences() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.existingFlows(List.of());
        harness.s3.acceptPuts(BUCKET);
        CloudFormationCustomResourceEvent event = harness.event(CREATE);
        event.getResourceProperties().put("DeployContactFlows", "false");

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-create-manual.json");
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo(ConnectStubs.flowsPath())));
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo(ConnectStubs.lambdaFunctionPath())));
        assertThat(bucketObject(NomidioFlow.PRE_FLOW)).contains("/contact-flow/NOMIDIO-AUTHENTICATION-FLOW");
        for (NomidioFlow flow : ALL) {
            assertThat(FlowValidator.forNomidioFlows().validate(flow.flowName(), bucketObject(flow)).isValid()).isTrue();
        }
    }

    @Test
    void update_whenFlowsOfTheNomidioNamesWereNotCreatedByThisStack_answersFailedNamingThemAndChangesNothing() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.associateLambda();
        harness.connect.existingFlows(ALL);
        harness.s3.acceptPuts(BUCKET);
        for (NomidioFlow flow : ALL) {
            // POST and PRE are a previous install's (another stack's tag, or none): not ours to overwrite.
            harness.connect.describeFlow(flow, switch (flow) {
                case POST_FLOW -> Map.of(ContactFlowsResource.CREATED_BY_TAG, "nomidio-0123456789ab");
                case PRE_FLOW -> Map.of("team", "contact-centre");
                default -> Map.of(ContactFlowsResource.CREATED_BY_TAG, ours());
            });
            harness.connect.updateContent(flow);
        }

        handler.handle(harness.event(UPDATE), new LocalLambdaContext("deploymentHelper", 120_000));

        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).isEqualTo("Invalid custom resource properties: the instance already"
                + " has NOMIDIO-POST-FLOW, NOMIDIO-PRE-FLOW, which this stack did not create (a previous install, a hand"
                + " import or another stack); set AdoptExistingFlows to true to overwrite and manage them (they are"
                + " never deleted with the stack), or rename or delete them.");
        harness.aws.verify(0, postRequestedFor(urlPathMatching("/contact-flows/.*/content")));
        harness.aws.verify(0, postRequestedFor(urlPathMatching("/tags/.*")));
        harness.aws.verify(0, putRequestedFor(urlPathMatching("/" + BUCKET + "/.*")));
    }

    @Test
    void update_whenAdoptExistingFlowsTrue_tagsTheForeignFlowsAdoptedAndUpdatesThem() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.associateLambda();
        harness.connect.existingFlows(ALL);
        harness.connect.acceptTags();
        harness.s3.acceptPuts(BUCKET);
        for (NomidioFlow flow : ALL) {
            harness.connect.describeFlow(flow, flow == NomidioFlow.PRE_FLOW ? Map.of()
                    : Map.of(ContactFlowsResource.CREATED_BY_TAG, ours()));
            harness.connect.updateContent(flow);
        }
        CloudFormationCustomResourceEvent event = harness.event(UPDATE);
        event.getResourceProperties().put("AdoptExistingFlows", "true");

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-update.json");
        List<LoggedRequest> tagged = harness.aws.findAll(postRequestedFor(urlPathMatching("/tags/.*")));
        assertThat(tagged).hasSize(1);
        assertThat(java.net.URLDecoder.decode(tagged.getFirst().getUrl(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("/tags/" + ConnectStubs.flowArn(NomidioFlow.PRE_FLOW));
        assertThat(json(tagged.getFirst().getBodyAsString()).at("/tags/nomidio:adopted-by").asText()).isEqualTo(ours());
        for (NomidioFlow flow : ALL) {
            harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.contentPath(flow))));
        }
    }

    /**
     * The manual path (contact-flows/README.md, README "Manual import"): after the five flows were imported by hand
     * in order, one more stack update with DeployContactFlows still false re-renders the files with the ARNs of the
     * imported flows, found by name, and writes nothing to the instance; the second import carries real transfers.
     */
    @Test
    void update_whenDeployContactFlowsFalseAfterTheFlowsWereImported_rendersTheRealFlowArnsAndLeavesTheInstanceAlone() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.existingFlows(ALL);
        harness.s3.acceptPuts(BUCKET);
        CloudFormationCustomResourceEvent event = harness.event(UPDATE);
        event.getResourceProperties().put("DeployContactFlows", "false");

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        assertThat(harness.cloudFormation.onlyAnswer().json().get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(bucketObject(NomidioFlow.PRE_FLOW)).contains(ConnectStubs.flowArn(NomidioFlow.AUTHENTICATION_FLOW))
                .doesNotContain("/contact-flow/NOMIDIO-");
        assertThat(bucketObject(NomidioFlow.AUTHENTICATION_FLOW))
                .contains(ConnectStubs.flowArn(NomidioFlow.CHALLENGE_FLOW), ConnectStubs.flowArn(NomidioFlow.POST_FLOW))
                .doesNotContain("/contact-flow/NOMIDIO-");
        assertThat(bucketObject(NomidioFlow.CHALLENGE_FLOW)).contains(ConnectStubs.flowArn(NomidioFlow.POST_FLOW));
        assertThat(bucketObject(NomidioFlow.AGENT_CHALLENGE_QUEUE)).contains(ConnectStubs.flowArn(NomidioFlow.CHALLENGE_FLOW));
        // Nothing written to the instance: no create, update, tag, association; no tag read either.
        harness.aws.verify(0, putRequestedFor(urlPathMatching("/contact-flows/.*")));
        harness.aws.verify(0, postRequestedFor(urlPathMatching("/contact-flows/.*")));
        harness.aws.verify(0, postRequestedFor(urlPathMatching("/tags/.*")));
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo(ConnectStubs.lambdaFunctionPath())));
    }

    @Test
    void update_whenEnterpriseRenamed_updatesEveryFlowInPlaceKeepingThePhysicalId() {
        stubDeployableInstance(ALL);
        ALL.forEach(harness.connect::updateContent);

        handler.handle(harness.event(UPDATE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-update.json");
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo(ConnectStubs.flowsPath())));
        for (NomidioFlow flow : ALL) {
            harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.contentPath(flow))));
        }
        assertThat(updatedContent(NomidioFlow.PRE_FLOW)).contains("Welcome to The Renamed Company.")
                .doesNotContain("The Test Company");
    }

    @Test
    void create_whenRerunAfterPartialFailure_updatesWhatTheFirstRunCreatedAndCreatesTheRest() {
        stubDeployableInstance(List.of());
        harness.connect.createFlow(NomidioFlow.POST_FLOW);
        harness.connect.createFlowFails(NomidioFlow.CHALLENGE_FLOW, 500, "InternalServiceException", "Internal error");

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-create-partial-failure.json");
        harness.cloudFormation.clear();
        harness.aws.resetAll();
        stubDeployableInstance(List.of(NomidioFlow.POST_FLOW));
        harness.connect.updateContent(NomidioFlow.POST_FLOW);
        ALL.stream().filter(f -> f != NomidioFlow.POST_FLOW).forEach(harness.connect::createFlow);

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-create.json");
        assertThat(createdNames()).containsExactly("NOMIDIO-CHALLENGE-FLOW", "NOMIDIO-AUTHENTICATION-FLOW",
                "NOMIDIO-PRE-FLOW", "NOMIDIO-AGENT-CHALLENGE-QUEUE");
        harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.contentPath(NomidioFlow.POST_FLOW))));
    }

    @Test
    void create_whenConnectSaysTheNameExists_findsTheFlowAndUpdatesIt() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.associateLambda();
        harness.s3.acceptPuts(BUCKET);
        // Not listed at first (an earlier attempt's create not visible yet), listed after the duplicate answer.
        harness.connect.existingFlowsChanging(List.of(), List.of(NomidioFlow.POST_FLOW));
        harness.connect.createFlowFails(NomidioFlow.POST_FLOW, 409, "DuplicateResourceException",
                "Contact flow with name NOMIDIO-POST-FLOW already exists");
        harness.connect.updateContent(NomidioFlow.POST_FLOW);
        harness.connect.describeFlow(NomidioFlow.POST_FLOW, Map.of(ContactFlowsResource.CREATED_BY_TAG, ours()));
        // The earlier attempt created it: it carries this stack's tag.
        harness.connect.describeFlow(NomidioFlow.POST_FLOW, Map.of(ContactFlowsResource.CREATED_BY_TAG, ours()));
        ALL.stream().filter(f -> f != NomidioFlow.POST_FLOW).forEach(harness.connect::createFlow);

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-create.json");
        harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.contentPath(NomidioFlow.POST_FLOW))));
        harness.aws.verify(2, getRequestedFor(urlPathEqualTo(ConnectStubs.listFlowsPath())));
    }

    @Test
    void create_whenConnectThrottles_retriesAndSucceeds() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.associateLambda();
        harness.s3.acceptPuts(BUCKET);
        harness.connect.existingFlowsAfterThrottling(List.of(), "ThrottlingException");
        ALL.stream().filter(f -> f != NomidioFlow.AUTHENTICATION_FLOW).forEach(harness.connect::createFlow);
        harness.connect.createFlowAfterThrottling(NomidioFlow.AUTHENTICATION_FLOW, "TooManyRequestsException");

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-create.json");
        harness.aws.verify(2, getRequestedFor(urlPathEqualTo(ConnectStubs.listFlowsPath())));
        harness.aws.verify(2, putRequestedFor(urlPathEqualTo(ConnectStubs.flowsPath()))
                .withRequestBody(matchingJsonPath("$.Name", equalTo("NOMIDIO-AUTHENTICATION-FLOW"))));
    }

    @Test
    void create_whenWorkingQueueMissing_answersFailedNamingTheQueueAndTouchesNothing() {
        harness.connect.workingQueue("SomeOtherQueue");

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-create-no-queue.json");
        harness.aws.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void create_whenTimeBoxSpent_answersFailedBeforeTheFunctionTimesOutSayingWhereItStopped() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.associateLambda();
        harness.aws.stubFor(get(urlPathEqualTo(ConnectStubs.listFlowsPath()))
                .willReturn(aResponse().withFixedDelay(20_000).withStatus(200).withBody("{}")));
        DeploymentHelperHandlerAccess tight =
                new DeploymentHelperHandlerAccess(harness.dispatcher(Duration.ofMillis(500)));

        tight.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 2_500));

        harness.assertAnswered("contact-flows-create-timeout.json");
    }

    @Test
    void delete_whenStackDeleted_removesOnlyTheFlowsItCreatedTheFilesAndTheAssociation() {
        CloudFormationCustomResourceEvent event = harness.event(DELETE);
        String ours = ContactFlowsResource.createdByValue(CustomResourceRequest.from(event));
        harness.connect.existingFlows(ALL);
        for (NomidioFlow flow : ALL) {
            // POST and PRE were found (the customer's own), the rest were created by this stack.
            boolean createdByUs = flow != NomidioFlow.POST_FLOW && flow != NomidioFlow.PRE_FLOW;
            harness.connect.describeFlow(flow, createdByUs ? Map.of("nomidio:created-by", ours, "nomidio:stack", "nomidio-connect")
                    : Map.of("team", "contact-centre"));
            harness.connect.deleteFlow(flow);
        }
        harness.connect.disassociateLambda();
        harness.s3.listing(BUCKET, ALL.stream().map(f -> "contact-flows/" + f.flowName() + ".json").toList());
        harness.s3.acceptDeletes(BUCKET);

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-delete.json");
        assertThat(deletedPaths()).containsExactly(
                ConnectStubs.flowPath(NomidioFlow.AGENT_CHALLENGE_QUEUE),
                ConnectStubs.flowPath(NomidioFlow.AUTHENTICATION_FLOW),
                ConnectStubs.flowPath(NomidioFlow.CHALLENGE_FLOW));
        // Every version of every file (the bucket is versioned; CloudFormation deletes only an empty bucket).
        for (String version : List.of("v1", "v2")) {
            harness.aws.verify(5, deleteRequestedFor(urlPathMatching("/" + BUCKET + "/contact-flows/NOMIDIO-.*\\.json"))
                    .withQueryParam("versionId", equalTo(version)));
        }
        harness.aws.verify(1, deleteRequestedFor(urlPathEqualTo(ConnectStubs.lambdaFunctionPath()))
                .withQueryParam("functionArn", equalTo(event.getResourceProperties().get("NomidioActionFunctionArn").toString())));
    }

    @Test
    void delete_whenCreateHadFailedBeforeAnythingExisted_succeeds() {
        CloudFormationCustomResourceEvent event = harness.event(DELETE);
        harness.connect.existingFlows(List.of());
        harness.connect.disassociateLambda();
        harness.s3.noSuchBucket(BUCKET);

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-delete.json");
        harness.aws.verify(0, deleteRequestedFor(urlPathMatching("/contact-flows/.*")));
    }

    @Test
    void delete_whenCreateFailedOnInvalidProperties_succeedsWithoutCallingAws() {
        CloudFormationCustomResourceEvent event = harness.event(DELETE);
        event.getResourceProperties().remove("NomidioActionFunctionArn");

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-delete.json");
        harness.aws.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void delete_whenInstanceIsGone_succeeds() {
        harness.connect.instanceGone();
        harness.s3.listing(BUCKET, List.of());

        handler.handle(harness.event(DELETE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-delete.json");
    }

    @Test
    void delete_whenCleanupDenied_stillSucceedsNamingWhatWasLeftBehind() {
        harness.aws.stubFor(get(urlPathEqualTo(ConnectStubs.listFlowsPath())).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"Message\":\"not authorized to perform connect:ListContactFlows\"}")));
        harness.s3.listing(BUCKET, List.of());

        handler.handle(harness.event(DELETE), new LocalLambdaContext("deploymentHelper", 120_000));

        harness.assertAnswered("contact-flows-delete-left-behind.json");
    }

    @Test
    void create_whenLexVoiceAndChat_createsTheLexFlowAfterAuthenticationAndRoutesBothChannelsToIt() {
        List<NomidioFlow> lexFlows = NomidioFlow.deploymentOrder(InteractionConfiguration.LEX_VOICE_AND_CHAT);
        stubDeployableInstance(List.of());
        lexFlows.forEach(harness.connect::createFlow);
        CloudFormationCustomResourceEvent event = withChat(harness.event(CREATE), "Lex Voice + Chat");

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.at("/Data/LexAuthenticationFlowArn").asText())
                .isEqualTo(ConnectStubs.flowArn(NomidioFlow.LEX_AUTHENTICATION_FLOW));
        assertThat(answer.at("/Data/CustomerInteractionConfiguration").asText()).isEqualTo("Lex Voice + Chat");
        // The guide's step 4 for Lex Voice + Chat: no keypad AUTHENTICATION flow, the bot takes every menu.
        assertThat(createdNames()).containsExactly("NOMIDIO-POST-FLOW", "NOMIDIO-CHALLENGE-FLOW",
                "NOMIDIO-LEX-AUTHENTICATION-FLOW", "NOMIDIO-PRE-FLOW", "NOMIDIO-AGENT-CHALLENGE-QUEUE");
        assertThat(createdContent(NomidioFlow.LEX_AUTHENTICATION_FLOW)).contains(SampleConnectInstance.LEX_BOT_ALIAS_ARN,
                ConnectStubs.flowArn(NomidioFlow.CHALLENGE_FLOW), ConnectStubs.flowArn(NomidioFlow.POST_FLOW));
        assertThat(preFlowTargets(createdContent(NomidioFlow.PRE_FLOW))).containsExactly(
                ConnectStubs.flowArn(NomidioFlow.LEX_AUTHENTICATION_FLOW), ConnectStubs.flowArn(NomidioFlow.LEX_AUTHENTICATION_FLOW));
        assertThat(bucketObject(NomidioFlow.LEX_AUTHENTICATION_FLOW)).isEqualTo(createdContent(NomidioFlow.LEX_AUTHENTICATION_FLOW));
    }

    @Test
    void create_whenStandardVoiceAndChat_routesChatToTheLexFlowAndVoiceToTheKeypadFlow() {
        stubDeployableInstance(List.of());
        NomidioFlow.deploymentOrder(InteractionConfiguration.STANDARD_VOICE_AND_CHAT).forEach(harness.connect::createFlow);

        handler.handle(withChat(harness.event(CREATE), "Standard Voice + Chat"),
                new LocalLambdaContext("deploymentHelper", 120_000));

        assertThat(harness.cloudFormation.onlyAnswer().json().get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(createdNames()).containsExactly("NOMIDIO-POST-FLOW", "NOMIDIO-CHALLENGE-FLOW",
                "NOMIDIO-AUTHENTICATION-FLOW", "NOMIDIO-LEX-AUTHENTICATION-FLOW", "NOMIDIO-PRE-FLOW",
                "NOMIDIO-AGENT-CHALLENGE-QUEUE");
        // [voice, chat]: the PRE flow's two transfers, in document order.
        assertThat(preFlowTargets(createdContent(NomidioFlow.PRE_FLOW))).containsExactly(
                ConnectStubs.flowArn(NomidioFlow.AUTHENTICATION_FLOW), ConnectStubs.flowArn(NomidioFlow.LEX_AUTHENTICATION_FLOW));
    }

    @Test
    void create_whenStandardVoiceOnly_createsNoLexFlowAndRoutesEveryChannelToAuthentication() {
        stubDeployableInstance(List.of());
        ALL.forEach(harness.connect::createFlow);

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        assertThat(createdNames()).doesNotContain(NomidioFlow.LEX_AUTHENTICATION_FLOW.flowName());
        assertThat(preFlowTargets(createdContent(NomidioFlow.PRE_FLOW))).containsOnly(
                ConnectStubs.flowArn(NomidioFlow.AUTHENTICATION_FLOW));
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo("/" + BUCKET + "/contact-flows/NOMIDIO-LEX-AUTHENTICATION-FLOW.json")));
    }

    @Test
    void create_whenChatOnWithoutABotAlias_answersFailedNamingThePropertyAndTouchesNothing() {
        CloudFormationCustomResourceEvent event = withChat(harness.event(CREATE), "Standard Voice + Chat");
        event.getResourceProperties().put("LexBotAliasArn", "");

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).contains("LexBotAliasArn").contains("nomidioLexBots.BotAliasArn");
        harness.aws.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void create_whenInteractionConfigurationUnknown_answersFailedListingTheValues() {
        CloudFormationCustomResourceEvent event = harness.event(CREATE);
        event.getResourceProperties().put("CustomerInteractionConfiguration", "Chat Only");

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).contains("'Chat Only'").contains("Lex Voice + Chat");
    }

    @Test
    void update_whenChatSwitchedOff_deletesTheLexFlowItCreatedAndItsFileAfterRepointingThePreFlow() {
        List<NomidioFlow> before = NomidioFlow.deploymentOrder(InteractionConfiguration.LEX_VOICE_AND_CHAT);
        stubDeployableInstance(before);
        before.forEach(harness.connect::updateContent);
        // Lex Voice + Chat had no keypad AUTHENTICATION flow: Standard Voice Only creates it.
        harness.connect.createFlow(NomidioFlow.AUTHENTICATION_FLOW);
        harness.connect.deleteFlow(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        harness.s3.acceptDeletes(BUCKET);
        CloudFormationCustomResourceEvent event = harness.event(UPDATE);
        withChat(event, "Standard Voice Only").getResourceProperties().put("LexBotAliasArn", "");
        event.getOldResourceProperties().put("CustomerInteractionConfiguration", "Lex Voice + Chat");
        event.getOldResourceProperties().put("LexBotAliasArn", SampleConnectInstance.LEX_BOT_ALIAS_ARN);

        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));

        assertThat(harness.cloudFormation.onlyAnswer().json().get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(deletedPaths()).containsExactly(ConnectStubs.flowPath(NomidioFlow.LEX_AUTHENTICATION_FLOW));
        assertThat(createdNames()).containsExactly("NOMIDIO-AUTHENTICATION-FLOW");
        assertThat(preFlowTargets(updatedContent(NomidioFlow.PRE_FLOW))).containsOnly(
                ConnectStubs.flowArn(NomidioFlow.AUTHENTICATION_FLOW));
        harness.aws.verify(1, deleteRequestedFor(urlPathEqualTo("/" + BUCKET + "/contact-flows/NOMIDIO-LEX-AUTHENTICATION-FLOW.json")));
        harness.aws.verify(0, postRequestedFor(urlPathEqualTo(ConnectStubs.contentPath(NomidioFlow.LEX_AUTHENTICATION_FLOW))));
    }

    @Test
    void create_whenStandardVoiceOnlyFindsALexFlowItDidNotCreate_leavesItAloneAndSucceeds() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.associateLambda();
        harness.connect.existingFlows(List.of(NomidioFlow.LEX_AUTHENTICATION_FLOW));
        harness.connect.describeFlow(NomidioFlow.LEX_AUTHENTICATION_FLOW, Map.of());
        harness.s3.acceptPuts(BUCKET);
        ALL.forEach(harness.connect::createFlow);

        handler.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 120_000));

        assertThat(harness.cloudFormation.onlyAnswer().json().get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(createdNames()).hasSize(ALL.size());
        assertThat(deletedPaths()).isEmpty();
        harness.aws.verify(0, postRequestedFor(urlPathEqualTo(ConnectStubs.contentPath(NomidioFlow.LEX_AUTHENTICATION_FLOW))));
    }

    // ---- helpers ----

    private static CloudFormationCustomResourceEvent withChat(CloudFormationCustomResourceEvent event, String configuration) {
        event.getResourceProperties().put("CustomerInteractionConfiguration", configuration);
        event.getResourceProperties().put("LexBotAliasArn", SampleConnectInstance.LEX_BOT_ALIAS_ARN);
        return event;
    }

    /** The ContactFlowId of the PRE flow's voice and chat transfers, in that order. */
    private static List<String> preFlowTargets(String content) {
        com.nomidio.connect.flows.model.FlowDocument pre = com.nomidio.connect.flows.model.FlowParser.parse(content);
        return List.of("Transfer to authentication", "Transfer to chat authentication").stream()
                .map(id -> pre.action(id).orElseThrow().textParameter("ContactFlowId").orElseThrow()).toList();
    }

    /** The instance with {@code existing} flows, all created by this stack's resource (earlier runs). */
    private void stubDeployableInstance(List<NomidioFlow> existing) {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.associateLambda();
        harness.connect.existingFlows(existing);
        existing.forEach(flow -> harness.connect.describeFlow(flow, Map.of(ContactFlowsResource.CREATED_BY_TAG, ours())));
        harness.s3.acceptPuts(BUCKET);
    }

    /** This stack resource's created-by value (the same for the Create, Update and Delete samples). */
    private String ours() {
        return ContactFlowsResource.createdByValue(CustomResourceRequest.from(harness.event(CREATE)));
    }

    private List<LoggedRequest> createRequests() {
        return harness.aws.findAll(putRequestedFor(urlPathEqualTo(ConnectStubs.flowsPath()))).stream()
                .filter(r -> r.getBodyAsString().contains("\"Content\"")).toList();
    }

    private List<String> createdNames() {
        // A throttled or failed attempt is not a creation: keep the last request per name, in order of first success.
        return harness.aws.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PUT")
                        && e.getRequest().getUrl().equals(ConnectStubs.flowsPath())
                        && e.getResponse().getStatus() == 200)
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .map(e -> json(e.getRequest().getBodyAsString()).get("Name").asText())
                .toList();
    }

    private JsonNode createRequest(NomidioFlow flow) {
        return createRequests().stream().map(r -> json(r.getBodyAsString()))
                .filter(b -> b.get("Name").asText().equals(flow.flowName())).findFirst().orElseThrow();
    }

    private String createdContent(NomidioFlow flow) {
        return createRequest(flow).get("Content").asText();
    }

    private String updatedContent(NomidioFlow flow) {
        return json(harness.aws.findAll(postRequestedFor(urlPathEqualTo(ConnectStubs.contentPath(flow))))
                .getFirst().getBodyAsString()).get("Content").asText();
    }

    private String bucketObject(NomidioFlow flow) {
        List<LoggedRequest> puts = harness.aws.findAll(putRequestedFor(
                urlPathEqualTo("/" + BUCKET + "/contact-flows/" + flow.flowName() + ".json")));
        assertThat(puts).hasSize(1);
        return S3Stubs.decodedBody(puts.getFirst());
    }

    private List<String> deletedPaths() {
        return harness.aws.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("DELETE")
                        && e.getRequest().getUrl().startsWith(ConnectStubs.flowsPath() + "/"))
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .map(e -> e.getRequest().getUrl()).toList();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
