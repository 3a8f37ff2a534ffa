package com.nomidio.connect.deployment.quickconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandlerAccess;
import com.nomidio.connect.deployment.flows.ContactFlowsResource;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.testing.ConnectStubs;
import com.nomidio.connect.deployment.testing.DeploymentHelperHarness;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom::NomidioAgentChallengeQuickConnect through the real handler, Connect's REST-JSON API on WireMock with the
 * real SDK client: the guide's step 5 (the "Nomidio Agent Challenge Flow" Queue quick connect on the working queue).
 */
class AgentChallengeQuickConnectResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = "deployment-helper-create-agent-challenge-quick-connect.json";
    private static final String UPDATE = "deployment-helper-update-agent-challenge-quick-connect.json";
    private static final String DELETE = "deployment-helper-delete-agent-challenge-quick-connect.json";
    private static final String NAME = "Nomidio Agent Challenge Flow";

    @RegisterExtension
    final DeploymentHelperHarness harness = new DeploymentHelperHarness();
    private final DeploymentHelperHandlerAccess handler =
            new DeploymentHelperHandlerAccess(harness.dispatcher(Duration.ofSeconds(2)));

    @Test
    void create_whenTheInstanceHasNone_createsTheQueueQuickConnectAndShowsItOnTheWorkingQueue() throws IOException {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.existingQuickConnects(List.of());
        harness.connect.createQuickConnect();
        harness.connect.acceptQuickConnectChanges();

        JsonNode answer = run(CREATE);

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").asText())
                .isEqualTo("nomidio-agent-challenge-quick-connect:" + ConnectStubs.INSTANCE_ID);
        assertThat(answer.at("/Data/QuickConnectId").asText()).isEqualTo(ConnectStubs.QUICK_CONNECT_ID);
        assertThat(answer.at("/Data/ManagedByStack").asText()).isEqualTo("true");
        JsonNode created = onlyBody(putRequestedFor(urlPathEqualTo(ConnectStubs.quickConnectsPath())));
        assertThat(created.get("Name").asText()).isEqualTo(NAME);
        assertThat(created.at("/QuickConnectConfig/QuickConnectType").asText()).isEqualTo("QUEUE");
        assertThat(created.at("/QuickConnectConfig/QueueConfig/QueueId").asText()).isEqualTo(ConnectStubs.QUEUE_ID);
        assertThat(created.at("/QuickConnectConfig/QueueConfig/ContactFlowId").asText())
                .isEqualTo(ConnectStubs.flowId(NomidioFlow.AGENT_CHALLENGE_QUEUE));
        assertThat(created.at("/Tags/nomidio:created-by").asText()).isEqualTo(createdBy(CREATE));
        JsonNode associated = onlyBody(postRequestedFor(urlPathEqualTo(ConnectStubs.queueQuickConnectsPath("associate"))));
        assertThat(associated.get("QuickConnectIds")).containsExactly(JSON.getNodeFactory().textNode(ConnectStubs.QUICK_CONNECT_ID));
    }

    @Test
    void create_whenRetriedAfterItWasMadeAndAssociated_updatesItsConfigAndCreatesNoSecond() throws IOException {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.existingQuickConnects(List.of(NAME));
        harness.connect.describeQuickConnect(Map.of(ContactFlowsResource.CREATED_BY_TAG, createdBy(CREATE)));
        harness.connect.acceptQuickConnectChanges();
        harness.connect.quickConnectAlreadyAssociated();

        JsonNode answer = run(CREATE);

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo(ConnectStubs.quickConnectsPath())));
        JsonNode config = onlyBody(postRequestedFor(urlPathEqualTo(ConnectStubs.quickConnectPath() + "/config")));
        assertThat(config.at("/QuickConnectConfig/QueueConfig/ContactFlowId").asText())
                .isEqualTo(ConnectStubs.flowId(NomidioFlow.AGENT_CHALLENGE_QUEUE));
    }

    @Test
    void update_whenAQuickConnectOfThatNameWasMadeByHand_leavesItsConfigAndOnlyAssociatesIt() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.existingQuickConnects(List.of(NAME));
        harness.connect.describeQuickConnect(Map.of());
        harness.connect.acceptQuickConnectChanges();

        JsonNode answer = run(UPDATE);

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.at("/Data/ManagedByStack").asText()).isEqualTo("false");
        harness.aws.verify(0, postRequestedFor(urlPathEqualTo(ConnectStubs.quickConnectPath() + "/config")));
        harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.queueQuickConnectsPath("associate"))));
    }

    @Test
    void create_whenTheWorkingQueueIsMissing_answersFailedNamingTheParameter() {
        harness.connect.workingQueue("SomeOtherQueue");

        JsonNode answer = run(CREATE);

        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).contains("has no standard queue named 'BasicQueue'", "WorkingQueueName");
    }

    @Test
    void delete_whenThisStackCreatedIt_removesItFromTheQueueAndDeletesIt() {
        harness.connect.workingQueue("BasicQueue");
        harness.connect.existingQuickConnects(List.of(NAME));
        harness.connect.describeQuickConnect(Map.of(ContactFlowsResource.CREATED_BY_TAG, createdBy(DELETE)));
        harness.connect.acceptQuickConnectChanges();

        JsonNode answer = run(DELETE);

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.queueQuickConnectsPath("disassociate"))));
        harness.aws.verify(1, deleteRequestedFor(urlPathEqualTo(ConnectStubs.quickConnectPath())));
    }

    @Test
    void delete_whenSomebodyElseCreatedIt_leavesIt() {
        harness.connect.existingQuickConnects(List.of(NAME));
        harness.connect.describeQuickConnect(Map.of(ContactFlowsResource.CREATED_BY_TAG, "nomidio-anotherstack"));

        JsonNode answer = run(DELETE);

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        harness.aws.verify(0, deleteRequestedFor(urlPathEqualTo(ConnectStubs.quickConnectPath())));
    }

    @Test
    void delete_whenTheInstanceIsGone_answersSuccess() {
        harness.connect.instanceGone();

        JsonNode answer = run(DELETE);

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.path("Reason").asText("")).doesNotContain("left behind");
    }

    private JsonNode run(String event) {
        handler.handle(harness.event(event), new LocalLambdaContext("deploymentHelper", 120_000));
        return harness.cloudFormation.onlyAnswer().json();
    }

    private String createdBy(String event) {
        return AgentChallengeQuickConnectResource.createdByValue(CustomResourceRequest.from(harness.event(event)));
    }

    private JsonNode onlyBody(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) throws IOException {
        List<LoggedRequest> requests = harness.aws.findAll(pattern);
        assertThat(requests).hasSize(1);
        return JSON.readTree(requests.get(0).getBodyAsString());
    }
}
