package com.nomidio.connect.agentapi.entrypoints;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.connect.LocalConnectContacts;
import com.nomidio.connect.testkit.connect.SampleConnectInstance;
import com.nomidio.connect.testkit.events.SampleEvents;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * agentApi built as Lambda builds it ({@link AgentApiHandler#fromEnvironment}: real SDK clients for Connect and KMS,
 * the JDK HTTP client for the gateway) against the kit's local Connect contacts, local KMS and WireMock as the
 * gateway. Requests are the sample events of {@code events/agent-api-*.json}, varied per test. One per test class
 * ({@code @RegisterExtension static final AgentApiHarness harness = ...}); every test starts from a fresh state:
 * the sample contact connected to the sample agent, its caller identified and AWAITING_APPROVAL.
 */
final class AgentApiHarness implements BeforeEachCallback, AfterAllCallback {

    static final String INSTANCE_ID = SampleConnectInstance.INSTANCE_ID;
    static final String OTHER_INSTANCE_ID = "ffffffff-1111-4222-8333-444444444444";
    static final String CONTACT_ID = "5f1d7c3a-8b2e-4c6f-9a0d-2e7b4c9f1a36";
    static final String OTHER_CONTACT_ID = "9c8b7a69-5d4e-4f3a-8b2c-1d0e9f8a7b6c";
    static final String AGENT_ID = "4a1f7b2c-9d3e-4f5a-8b6c-7d8e9f0a1b2c";
    static final String OTHER_AGENT_ID = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    static final String AGENT_ARN = agentArn(INSTANCE_ID, AGENT_ID);
    static final String CALLER = "+447700900123";
    static final String NOMIDIO_ID = "NMD-7Q4K2X9P";
    static final String CHALLENGE_ID = "chl-3f9a1c7e";
    static final String SOFTPHONE_ORIGIN = "https://d111111abcdef8.cloudfront.net";
    static final SampleEvents EVENTS = new SampleEvents(Path.of("..", "events"), "agent-api-");

    private static final ObjectMapper JSON = Json.mapper();

    final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    final GatewayStubs stubs = new GatewayStubs(gateway);
    final LocalKms kms = new LocalKms();
    final LocalConnectContacts connect = new LocalConnectContacts();
    private String secretCiphertext;
    private AgentApiHandler handler;

    AgentApiHarness() {
        gateway.start();
    }

    static String agentArn(String instanceId, String agentId) {
        return "arn:aws:connect:" + SampleConnectInstance.REGION + ":" + SampleConnectInstance.ACCOUNT + ":instance/"
                + instanceId + "/agent/" + agentId;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        gateway.stop();
        kms.close();
        connect.close();
    }

    /** The sample contact connected to the sample agent, identified AWAITING_APPROVAL; a token; a fresh handler. */
    void reset() {
        gateway.resetAll();
        kms.reset();
        connect.reset();
        secretCiphertext = kms.holds(GatewayStubs.ACCESS_KEY_SECRET,
                SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));
        stubs.token();
        connect.add(LocalConnectContacts.Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, CALLER, AGENT_ID),
                identifiedAttributes("AWAITING_APPROVAL"));
        handler = AgentApiHandler.fromEnvironment(environment());
    }

    /** What the authentication flow leaves on a contact it identified (and challenged: PASSED at HIGH). */
    static Map<String, String> identifiedAttributes(String status) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ContactAttribute.STATUS.key(), status);
        attributes.put(ContactAttribute.FRAUD_FLAG.key(), "");
        attributes.put(ContactAttribute.CHALLENGE_AUTH.key(), "HIGH");
        attributes.put(ContactAttribute.CHALLENGE_RESULT.key(), "PASSED");
        attributes.put(ContactAttribute.AUTHENTICATED_ENROLLED.key(), "false");
        attributes.put(ContactAttribute.NOMIDIO_ID.key(), NOMIDIO_ID);
        attributes.put(ContactAttribute.CHALLENGE_ID.key(), CHALLENGE_ID);
        attributes.put(ContactAttribute.VOICE_AUTH.key(), "Authenticated");
        attributes.put("customer_own_attribute", "kept");
        return attributes;
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put(GatewayConfig.GATEWAY_URL, gateway.baseUrl());
        env.put(GatewayConfig.SUPPLIER_CODE, GatewayStubs.SUPPLIER_CODE);
        env.put(GatewayConfig.ENTERPRISE_CODE, GatewayStubs.ENTERPRISE_CODE);
        env.put(GatewayConfig.ACCESS_KEY_ID, GatewayStubs.ACCESS_KEY_ID);
        env.put(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, secretCiphertext);
        env.put(AgentApiWiring.CONNECT_INSTANCE_ID, SampleConnectInstance.INSTANCE_ARN);
        env.put(AgentApiWiring.SOFTPHONE_ORIGIN, SOFTPHONE_ORIGIN);
        env.put(AgentApiWiring.DEFAULT_COUNTRY_CODE, "GB");
        env.put(AwsEnvironment.REGION, SampleConnectInstance.REGION);
        env.put(AwsEnvironment.ACCESS_KEY_ID, "AKIDTEST");
        env.put(AwsEnvironment.SECRET_ACCESS_KEY, "test-secret");
        env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KMS, kms.endpoint().toString());
        env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.CONNECT, connect.endpoint().toString());
        return env;
    }

    /** Replaces the handler with one built from {@code env} (e.g. the gateway on a closed port). */
    void rewire(Map<String, String> env) {
        handler = AgentApiHandler.fromEnvironment(env);
    }

    /** The sample event {@code events/agent-api-<name>.json}, a fresh tree. */
    static ObjectNode event(String name) {
        return EVENTS.event(name);
    }

    /** The sample action event with {@code body} instead of its own. */
    static ObjectNode action(String body) {
        ObjectNode event = event("challenge");
        event.put("body", body);
        return event;
    }

    static ObjectNode withHeader(ObjectNode event, String name, String value) {
        ObjectNode headers = (ObjectNode) event.path("headers");
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return event;
    }

    static ObjectNode forContact(ObjectNode event, String contactId) {
        String path = event.path("rawPath").asText().replace(CONTACT_ID, contactId);
        event.put("rawPath", path);
        ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
        ((ObjectNode) event.path("pathParameters")).put("contactId", contactId);
        return event;
    }

    /** Sends {@code event} through the handler as the Lambda runtime would (the payload read into the event class). */
    Answer send(ObjectNode event) {
        APIGatewayV2HTTPEvent request = JSON.convertValue(event, APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = handler.handleRequest(request, new LocalLambdaContext("agentApi", 10_000));
        return new Answer(response);
    }

    /** An answer, its body parsed. */
    record Answer(APIGatewayV2HTTPResponse response) {
        int status() {
            return response.getStatusCode();
        }

        JsonNode body() {
            try {
                return response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String attribute(ContactAttribute attribute) {
            return body().path("attributes").path(attribute.key()).asText(null);
        }

        Map<String, String> headers() {
            return response.getHeaders() == null ? Map.of() : response.getHeaders();
        }
    }

    Map<String, String> contactAttributes() {
        return connect.attributes(INSTANCE_ID, CONTACT_ID);
    }

    static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
