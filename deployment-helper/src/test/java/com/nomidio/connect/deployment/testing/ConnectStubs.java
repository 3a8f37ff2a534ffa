package com.nomidio.connect.deployment.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.testkit.connect.SampleConnectInstance;
import java.util.List;
import java.util.Map;

/** Amazon Connect's REST-JSON API on WireMock: the calls the flows resource makes, as the service answers them. */
public final class ConnectStubs {

    public static final String INSTANCE_ID = SampleConnectInstance.INSTANCE_ID;
    public static final String QUEUE_ID = "11111111-1111-4111-8111-111111111111";
    public static final String QUEUE_ARN = SampleConnectInstance.queueArn(QUEUE_ID);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    public ConnectStubs(WireMockServer server) {
        this.server = server;
    }

    /** The id our stubs give a flow: stable per name so ARNs can be asserted. */
    public static String flowId(NomidioFlow flow) {
        return switch (flow) {
            case POST_FLOW -> "22222222-2222-4222-8222-222222222222";
            case CHALLENGE_FLOW -> "33333333-3333-4333-8333-333333333333";
            case AUTHENTICATION_FLOW -> "44444444-4444-4444-8444-444444444444";
            case PRE_FLOW -> "55555555-5555-4555-8555-555555555555";
            case AGENT_CHALLENGE_QUEUE -> "66666666-6666-4666-8666-666666666666";
            case LEX_AUTHENTICATION_FLOW -> "77777777-7777-4777-8777-777777777777";
        };
    }

    public static String flowArn(NomidioFlow flow) {
        return SampleConnectInstance.flowArn(flowId(flow));
    }

    public static String flowsPath() {
        return "/contact-flows/" + INSTANCE_ID;
    }

    public static String flowPath(NomidioFlow flow) {
        return flowsPath() + "/" + flowId(flow);
    }

    public static String contentPath(NomidioFlow flow) {
        return flowPath(flow) + "/content";
    }

    public static String listFlowsPath() {
        return "/contact-flows-summary/" + INSTANCE_ID;
    }

    public static String lambdaFunctionPath() {
        return "/instance/" + INSTANCE_ID + "/lambda-function";
    }

    public static String botPath() {
        return "/instance/" + INSTANCE_ID + "/bot";
    }

    public static String botsPath() {
        return "/instance/" + INSTANCE_ID + "/bots";
    }

    /** ListBots (lexVersion V2) answers with these Lex V2 bot alias ARNs associated. */
    public void associatedBots(List<String> aliasArns) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode bots = body.putArray("LexBots");
        aliasArns.forEach(arn -> bots.addObject().putObject("LexV2Bot").put("AliasArn", arn));
        server.stubFor(get(urlPathEqualTo(botsPath())).withQueryParam("lexVersion", equalTo("V2"))
                .willReturn(json(200, body)));
    }

    /** AssociateBot (PUT) and DisassociateBot (POST) on the instance succeed. */
    public void acceptBotAssociations() {
        server.stubFor(put(urlPathEqualTo(botPath())).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo(botPath())).willReturn(aResponse().withStatus(200)));
    }

    public void workingQueue(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("QueueSummaryList").addObject()
                .put("Id", QUEUE_ID).put("Arn", QUEUE_ARN).put("Name", name).put("QueueType", "STANDARD");
        server.stubFor(get(urlPathEqualTo("/queues-summary/" + INSTANCE_ID)).willReturn(json(200, body)));
    }

    public void associateLambda() {
        server.stubFor(put(urlPathEqualTo(lambdaFunctionPath()))
                .withRequestBody(matchingJsonPath("$.FunctionArn", equalTo(SampleConnectInstance.NOMIDIO_ACTION_ALIAS_ARN)))
                .willReturn(aResponse().withStatus(200)));
    }

    public void disassociateLambda() {
        server.stubFor(delete(urlPathEqualTo(lambdaFunctionPath())).willReturn(aResponse().withStatus(200)));
    }

    /** ListContactFlows answers with these flows (one page). */
    public void existingFlows(List<NomidioFlow> flows) {
        server.stubFor(listFlows().willReturn(json(200, listBody(flows))));
    }

    /** ListContactFlows answers {@code first} once, then {@code then} (e.g. a flow appears between two calls). */
    public void existingFlowsChanging(List<NomidioFlow> first, List<NomidioFlow> then) {
        server.stubFor(listFlows().inScenario("list").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, listBody(first))).willSetStateTo("listed"));
        server.stubFor(listFlows().inScenario("list").whenScenarioStateIs("listed")
                .willReturn(json(200, listBody(then))));
    }

    /** ListContactFlows is throttled once (HTTP 429), then answers. */
    public void existingFlowsAfterThrottling(List<NomidioFlow> flows, String errorType) {
        server.stubFor(listFlows().inScenario("throttle-list").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(429, errorType, "Rate exceeded")).willSetStateTo("retried"));
        server.stubFor(listFlows().inScenario("throttle-list").whenScenarioStateIs("retried")
                .willReturn(json(200, listBody(flows))));
    }

    public void createFlow(NomidioFlow flow) {
        server.stubFor(createFlowRequest(flow).willReturn(created(flow)));
    }

    /** CreateContactFlow for this flow is throttled once, then succeeds. */
    public void createFlowAfterThrottling(NomidioFlow flow, String errorType) {
        String scenario = "throttle-create-" + flow;
        server.stubFor(createFlowRequest(flow).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(429, errorType, "Rate exceeded")).willSetStateTo("retried"));
        server.stubFor(createFlowRequest(flow).inScenario(scenario).whenScenarioStateIs("retried")
                .willReturn(created(flow)));
    }

    public void createFlowFails(NomidioFlow flow, int status, String errorType, String message) {
        server.stubFor(createFlowRequest(flow).willReturn(error(status, errorType, message)));
    }

    public void updateContent(NomidioFlow flow) {
        server.stubFor(post(urlPathEqualTo(contentPath(flow))).willReturn(aResponse().withStatus(200)));
    }

    /** DescribeContactFlow answers with these tags. */
    public void describeFlow(NomidioFlow flow, Map<String, String> tags) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode contactFlow = body.putObject("ContactFlow");
        contactFlow.put("Arn", flowArn(flow)).put("Id", flowId(flow)).put("Name", flow.flowName())
                .put("Type", flow.contactFlowType()).put("State", "ACTIVE").put("Status", "PUBLISHED");
        ObjectNode tagNode = contactFlow.putObject("Tags");
        tags.forEach(tagNode::put);
        server.stubFor(get(urlPathEqualTo(flowPath(flow))).willReturn(json(200, body)));
    }

    /** TagResource (POST /tags/{resourceArn}) accepts any tags. */
    public void acceptTags() {
        server.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/tags/.*"))
                .willReturn(aResponse().withStatus(200)));
    }

    public void deleteFlow(NomidioFlow flow) {
        server.stubFor(delete(urlPathEqualTo(flowPath(flow))).willReturn(aResponse().withStatus(200)));
    }

    public static final String QUICK_CONNECT_ID = "77777777-7777-4777-8777-777777777777";
    public static final String QUICK_CONNECT_ARN = SampleConnectInstance.INSTANCE_ARN + "/transfer-destination/" + QUICK_CONNECT_ID;

    public static String quickConnectsPath() {
        return "/quick-connects/" + INSTANCE_ID;
    }

    public static String quickConnectPath() {
        return quickConnectsPath() + "/" + QUICK_CONNECT_ID;
    }

    public static String queueQuickConnectsPath(String action) {
        return "/queues/" + INSTANCE_ID + "/" + QUEUE_ID + "/" + action + "-quick-connects";
    }

    /** ListQuickConnects answers with these names (Queue quick connects; one page), ours under QUICK_CONNECT_ID. */
    public void existingQuickConnects(List<String> names) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("QuickConnectSummaryList");
        for (String name : names) {
            list.addObject().put("Id", QUICK_CONNECT_ID).put("Arn", QUICK_CONNECT_ARN).put("Name", name)
                    .put("QuickConnectType", "QUEUE");
        }
        server.stubFor(get(urlPathEqualTo(quickConnectsPath())).willReturn(json(200, body)));
    }

    /** CreateQuickConnect (PUT) answers the new quick connect's id and ARN. */
    public void createQuickConnect() {
        server.stubFor(put(urlPathEqualTo(quickConnectsPath())).willReturn(json(200, JSON.createObjectNode()
                .put("QuickConnectId", QUICK_CONNECT_ID).put("QuickConnectARN", QUICK_CONNECT_ARN))));
    }

    /** DescribeQuickConnect answers with these tags. */
    public void describeQuickConnect(Map<String, String> tags) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode quickConnect = body.putObject("QuickConnect");
        quickConnect.put("QuickConnectARN", QUICK_CONNECT_ARN).put("QuickConnectId", QUICK_CONNECT_ID)
                .put("Name", "Nomidio Agent Challenge Flow");
        ObjectNode tagNode = quickConnect.putObject("Tags");
        tags.forEach(tagNode::put);
        server.stubFor(get(urlPathEqualTo(quickConnectPath())).willReturn(json(200, body)));
    }

    /** UpdateQuickConnectConfig, Associate/DisassociateQueueQuickConnects and DeleteQuickConnect succeed. */
    public void acceptQuickConnectChanges() {
        server.stubFor(post(urlPathEqualTo(quickConnectPath() + "/config")).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo(queueQuickConnectsPath("associate"))).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo(queueQuickConnectsPath("disassociate"))).willReturn(aResponse().withStatus(200)));
        server.stubFor(delete(urlPathEqualTo(quickConnectPath())).willReturn(aResponse().withStatus(200)));
    }

    /** AssociateQueueQuickConnects answers that the quick connect is already on the queue. */
    public void quickConnectAlreadyAssociated() {
        server.stubFor(post(urlPathEqualTo(queueQuickConnectsPath("associate")))
                .willReturn(error(409, "DuplicateResourceException", "Quick connect already associated")));
    }

    /** Every Connect call for the instance answers ResourceNotFoundException (the instance is gone). */
    public void instanceGone() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                        com.github.tomakehurst.wiremock.client.WireMock.urlMatching(".*" + INSTANCE_ID + ".*"))
                .atPriority(10)
                .willReturn(error(404, "ResourceNotFoundException", "Instance not found")));
    }

    private static MappingBuilder listFlows() {
        return get(urlPathEqualTo(listFlowsPath()));
    }

    private static MappingBuilder createFlowRequest(NomidioFlow flow) {
        return put(urlPathEqualTo(flowsPath())).withRequestBody(matchingJsonPath("$.Name", equalTo(flow.flowName())));
    }

    private static ResponseDefinitionBuilder created(NomidioFlow flow) {
        return json(200, JSON.createObjectNode().put("ContactFlowId", flowId(flow)).put("ContactFlowArn", flowArn(flow)));
    }

    private static ObjectNode listBody(List<NomidioFlow> flows) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("ContactFlowSummaryList");
        // A flow of the customer's with another name is always there too: it must be ignored.
        list.addObject().put("Id", "99999999-9999-4999-8999-999999999999")
                .put("Arn", SampleConnectInstance.flowArn("99999999-9999-4999-8999-999999999999"))
                .put("Name", "Default customer queue").put("ContactFlowType", "CUSTOMER_QUEUE")
                .put("ContactFlowState", "ACTIVE").put("ContactFlowStatus", "PUBLISHED");
        for (NomidioFlow flow : flows) {
            list.addObject().put("Id", flowId(flow)).put("Arn", flowArn(flow)).put("Name", flow.flowName())
                    .put("ContactFlowType", flow.contactFlowType()).put("ContactFlowState", "ACTIVE")
                    .put("ContactFlowStatus", "PUBLISHED");
        }
        return body;
    }

    private static ResponseDefinitionBuilder json(int status, ObjectNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    private static ResponseDefinitionBuilder error(int status, String errorType, String message) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", errorType)
                .withBody(JSON.createObjectNode().put("Message", message).toString());
    }
}
