package com.nomidio.connect.agentapi.adapters;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.agentapi.domain.AgentAction;
import com.nomidio.connect.agentapi.domain.AgentArn;
import com.nomidio.connect.agentapi.domain.AgentRequest;
import com.nomidio.connect.agentapi.domain.ApiAnswer;
import com.nomidio.connect.domain.AuthLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API's payload format 2.0 in and out: routes, the agent header, the body (at most {@link #MAX_BODY_BYTES}),
 * and CORS for the softphone's origin only. Nothing read here is trusted beyond its shape; nothing from the
 * request is echoed into an answer.
 */
public final class HttpApiEvents {

    /** The header the softphone sets from Streams' {@code agent.getAgentARN()}. */
    public static final String AGENT_HEADER = "x-nomidio-agent-arn";
    /** An action body is a few dozen bytes: anything above a few KiB is refused before it is parsed. */
    public static final int MAX_BODY_BYTES = 4096;
    /** What a preflight may ask for: the methods and headers the softphone uses, nothing else. */
    public static final String ALLOWED_METHODS = "GET,POST,OPTIONS";
    public static final String ALLOWED_HEADERS = "authorization,content-type,x-nomidio-agent-arn";

    private static final Pattern ROUTE = Pattern.compile("/contacts/([^/]+)/(nomidio|actions)");
    /** Connect's contact ids are UUIDs. */
    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9-]{36}");

    /**
     * One request as read: either a well-formed {@code request}, or the {@code refusal} to answer instead; with what
     * the audit line may say about it (the agent and contact ids only once they have their expected shape).
     */
    public record Read(AgentRequest request, ApiAnswer refusal, String agentId, String contactId, String action) {
    }

    private final ObjectMapper json;
    private final String softphoneOrigin;

    /** {@code softphoneOrigin}: the one origin CORS answers for (e.g. {@code https://d1234.cloudfront.net}). */
    public HttpApiEvents(ObjectMapper json, String softphoneOrigin) {
        this.json = json;
        this.softphoneOrigin = softphoneOrigin == null || softphoneOrigin.isBlank() ? null : softphoneOrigin.trim();
    }

    public boolean isPreflight(APIGatewayV2HTTPEvent event) {
        return "OPTIONS".equalsIgnoreCase(method(event));
    }

    public Read read(APIGatewayV2HTTPEvent event) {
        // Measured before anything is decoded or parsed; base64 is 4/3 of the bytes it carries.
        if (event.getBody() != null && event.getBody().length() > 2 * MAX_BODY_BYTES) {
            return refused(ApiAnswer.tooLarge(), null, null, null);
        }
        byte[] body = body(event);
        if (body.length > MAX_BODY_BYTES) {
            return refused(ApiAnswer.tooLarge(), null, null, null);
        }
        String method = method(event);
        Matcher route = ROUTE.matcher(event.getRawPath() == null ? "" : event.getRawPath());
        boolean read = route.matches() && "nomidio".equals(route.group(2)) && "GET".equalsIgnoreCase(method);
        boolean act = route.matches() && "actions".equals(route.group(2)) && "POST".equalsIgnoreCase(method);
        if (!read && !act) {
            return refused(ApiAnswer.notFound(), null, null, null);
        }
        String contactId = CONTACT_ID.matcher(route.group(1)).matches() ? route.group(1) : null;
        String header = header(event, AGENT_HEADER);
        if (header == null || header.isBlank()) {
            return refused(ApiAnswer.badRequest("the X-Nomidio-Agent-Arn header is required"), null, contactId, null);
        }
        Optional<AgentArn> agent = AgentArn.parse(header);
        if (agent.isEmpty()) {
            return refused(ApiAnswer.forbidden("malformed agent ARN"), null, contactId, null);
        }
        String agentId = agent.get().agentId();
        if (contactId == null) {
            return refused(ApiAnswer.forbidden("malformed contact id"), agentId, null, null);
        }
        if (read) {
            return new Read(new AgentRequest(contactId, agent.get(), null, null), null, agentId, contactId, "READ");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            // Not Jackson's message: it can quote the body.
            return refused(ApiAnswer.badRequest("the body is not JSON"), agentId, contactId, null);
        } catch (IOException e) {
            return refused(ApiAnswer.badRequest("the body could not be read"), agentId, contactId, null);
        }
        if (node == null || !node.isObject()) {
            return refused(ApiAnswer.badRequest("the body must be a JSON object"), agentId, contactId, null);
        }
        Optional<AgentAction> action = AgentAction.parse(node.path("action").isTextual() ? node.path("action").asText() : null);
        if (action.isEmpty()) {
            return refused(ApiAnswer.badRequest("unknown action"), agentId, contactId, "UNKNOWN");
        }
        AuthLevel level = null;
        if (action.get() == AgentAction.CHALLENGE) {
            String text = node.path("level").isTextual() ? node.path("level").asText() : "";
            level = "STANDARD".equals(text) ? AuthLevel.STANDARD : "HIGH".equals(text) ? AuthLevel.HIGH : null;
            if (level == null) {
                return refused(ApiAnswer.badRequest("CHALLENGE needs a level, STANDARD or HIGH"), agentId, contactId,
                        action.get().name());
            }
        } else if (node.has("level")) {
            return refused(ApiAnswer.badRequest("only CHALLENGE takes a level"), agentId, contactId, action.get().name());
        }
        return new Read(new AgentRequest(contactId, agent.get(), action.get(), level), null, agentId, contactId,
                action.get().name());
    }

    /** The answer as the HTTP API sends it, with CORS headers only for the softphone's origin. */
    public APIGatewayV2HTTPResponse write(ApiAnswer answer, APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = corsHeaders(event);
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        String body;
        try {
            body = json.writeValueAsString(answer.body());
        } catch (JsonProcessingException e) {
            body = "{\"error\":\"ERROR\"}";
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status()).withHeaders(headers)
                .withBody(body).withIsBase64Encoded(false).build();
    }

    /**
     * A CORS preflight, if the HTTP API passes one on (with CORS configured on the API, API Gateway answers it
     * itself): 204 with the allowed methods and headers for the softphone's origin, 403 for any other.
     */
    public APIGatewayV2HTTPResponse preflight(APIGatewayV2HTTPEvent event) {
        if (!isSoftphone(header(event, "origin"))) {
            return write(ApiAnswer.forbidden("preflight from another origin"), event);
        }
        Map<String, String> headers = corsHeaders(event);
        headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.put("Access-Control-Max-Age", "600");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(headers).build();
    }

    private Map<String, String> corsHeaders(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        // Vary on every answer: a cache must not serve one origin's answer to another.
        headers.put("Vary", "Origin");
        if (isSoftphone(header(event, "origin"))) {
            headers.put("Access-Control-Allow-Origin", softphoneOrigin);
        }
        return headers;
    }

    private boolean isSoftphone(String origin) {
        return softphoneOrigin != null && softphoneOrigin.equals(origin);
    }

    private static Read refused(ApiAnswer answer, String agentId, String contactId, String action) {
        return new Read(null, answer, agentId, contactId, action);
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
            return event.getRequestContext().getHttp().getMethod();
        }
        return null;
    }

    /** HTTP APIs lower-case header names; a direct invocation may not. */
    static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return body.getBytes(StandardCharsets.UTF_8);
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
