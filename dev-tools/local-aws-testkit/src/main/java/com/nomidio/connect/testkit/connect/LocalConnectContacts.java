package com.nomidio.connect.testkit.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.testkit.http.LocalHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Connect's contact operations on loopback, stateful, in the REST-JSON form the SDK v2 {@code connect}
 * client sends (paths from its marshallers): DescribeContact ({@code GET /contacts/{InstanceId}/{ContactId}}),
 * GetContactAttributes ({@code GET /contact/attributes/{InstanceId}/{InitialContactId}}) and
 * UpdateContactAttributes ({@code POST /contact/attributes}, body {@code InstanceId}, {@code InitialContactId},
 * {@code Attributes}). A contact is found only on the instance it was added to; anything else is Connect's
 * ResourceNotFoundException. Timestamps travel as epoch seconds, as REST-JSON carries them. Every request is
 * recorded.
 */
public final class LocalConnectContacts extends LocalHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json";
    private static final Pattern DESCRIBE = Pattern.compile("/contacts/([^/]+)/([^/]+)");
    private static final Pattern GET_ATTRIBUTES = Pattern.compile("/contact/attributes/([^/]+)/([^/]+)");
    private static final String UPDATE_ATTRIBUTES = "/contact/attributes";

    /** One request as Connect received it: operation, path and JSON body (null for a GET). */
    public record Request(String operation, String path, JsonNode body) {
    }

    /**
     * A contact as DescribeContact shows it. {@code agentId} null: not (yet) routed to an agent; {@code connectedAt}
     * null: the agent has not (yet) been connected; {@code disconnectedAt} set: the contact has ended.
     */
    public record Contact(String instanceId, String contactId, String channel, String customerAddress,
                          String agentId, Instant connectedAt, Instant disconnectedAt) {

        /** A voice contact from {@code customerAddress}, connected to {@code agentId} a minute ago. */
        public static Contact connectedVoice(String instanceId, String contactId, String customerAddress, String agentId) {
            return new Contact(instanceId, contactId, "VOICE", customerAddress, agentId,
                    Instant.now().minusSeconds(60), null);
        }

        public Contact withAgent(String agent, Instant connected) {
            return new Contact(instanceId, contactId, channel, customerAddress, agent, connected, disconnectedAt);
        }

        public Contact disconnected(Instant at) {
            return new Contact(instanceId, contactId, channel, customerAddress, agentId, connectedAt, at);
        }
    }

    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> attributes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int failingStatus;
    private volatile String failingType;

    /** Adds (or replaces) a contact, with its attributes so far. */
    public LocalConnectContacts add(Contact contact, Map<String, String> contactAttributes) {
        contacts.put(key(contact.instanceId(), contact.contactId()), contact);
        attributes.put(key(contact.instanceId(), contact.contactId()), new LinkedHashMap<>(contactAttributes));
        return this;
    }

    /** Replaces a contact's state (e.g. disconnected, another agent), keeping its attributes. */
    public LocalConnectContacts update(Contact contact) {
        contacts.put(key(contact.instanceId(), contact.contactId()), contact);
        return this;
    }

    /** The contact's attributes now (a copy). */
    public Map<String, String> attributes(String instanceId, String contactId) {
        Map<String, String> current = attributes.get(key(instanceId, contactId));
        return current == null ? Map.of() : Map.copyOf(current);
    }

    /** Every request from now on fails with this Connect error (e.g. 500 InternalServiceException). */
    public LocalConnectContacts failEverything(int status, String type) {
        this.failingType = type;
        this.failingStatus = status;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests of one operation ({@code "DescribeContact"}, {@code "GetContactAttributes"}, ...). */
    public List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    /** Forgets contacts, attributes, failures and recorded requests. */
    public void reset() {
        contacts.clear();
        attributes.clear();
        requests.clear();
        failingStatus = 0;
        failingType = null;
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        Matcher describe = DESCRIBE.matcher(path);
        Matcher get = GET_ATTRIBUTES.matcher(path);
        if ("GET".equals(method) && describe.matches()) {
            record("DescribeContact", path, null);
            if (!failed(exchange)) {
                describe(exchange, decode(describe.group(1)), decode(describe.group(2)));
            }
        } else if ("GET".equals(method) && get.matches()) {
            record("GetContactAttributes", path, null);
            if (!failed(exchange)) {
                getAttributes(exchange, decode(get.group(1)), decode(get.group(2)));
            }
        } else if ("POST".equals(method) && UPDATE_ATTRIBUTES.equals(path)) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            record("UpdateContactAttributes", path, body);
            if (!failed(exchange)) {
                updateAttributes(exchange, body);
            }
        } else {
            record("Unknown", path, null);
            error(exchange, 400, "InvalidRequestException", "this local Connect serves only contact operations");
        }
    }

    private void record(String operation, String path, JsonNode body) {
        requests.add(new Request(operation, path, body));
    }

    private boolean failed(HttpExchange exchange) throws IOException {
        if (failingStatus == 0) {
            return false;
        }
        error(exchange, failingStatus, failingType, "stubbed failure");
        return true;
    }

    private void describe(HttpExchange exchange, String instanceId, String contactId) throws IOException {
        Contact contact = contacts.get(key(instanceId, contactId));
        if (contact == null) {
            notFound(exchange);
            return;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("Arn", "arn:aws:connect:" + SampleConnectInstance.REGION + ":" + SampleConnectInstance.ACCOUNT
                + ":instance/" + instanceId + "/contact/" + contactId);
        node.put("Id", contactId);
        node.put("InitialContactId", contactId);
        node.put("Channel", contact.channel());
        node.put("InitiationMethod", "INBOUND");
        node.put("InitiationTimestamp", Instant.now().minusSeconds(300).getEpochSecond());
        if (contact.customerAddress() != null) {
            node.putObject("CustomerEndpoint").put("Type", "TELEPHONE_NUMBER").put("Address", contact.customerAddress());
        }
        if (contact.agentId() != null) {
            ObjectNode agent = node.putObject("AgentInfo").put("Id", contact.agentId());
            if (contact.connectedAt() != null) {
                agent.put("ConnectedToAgentTimestamp", contact.connectedAt().toEpochMilli() / 1000.0);
            }
        }
        if (contact.disconnectedAt() != null) {
            node.put("DisconnectTimestamp", contact.disconnectedAt().toEpochMilli() / 1000.0);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("Contact", node);
        respond(exchange, 200, CONTENT_TYPE, body.toString());
    }

    private void getAttributes(HttpExchange exchange, String instanceId, String contactId) throws IOException {
        Map<String, String> current = attributes.get(key(instanceId, contactId));
        if (current == null) {
            notFound(exchange);
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode map = body.putObject("Attributes");
        synchronized (current) {
            current.forEach(map::put);
        }
        respond(exchange, 200, CONTENT_TYPE, body.toString());
    }

    private void updateAttributes(HttpExchange exchange, JsonNode body) throws IOException {
        Map<String, String> current = attributes.get(key(body.path("InstanceId").asText(),
                body.path("InitialContactId").asText()));
        if (current == null) {
            notFound(exchange);
            return;
        }
        if (!body.path("Attributes").isObject()) {
            error(exchange, 400, "InvalidParameterException", "Attributes is required");
            return;
        }
        synchronized (current) {
            body.path("Attributes").properties().forEach(e -> current.put(e.getKey(), e.getValue().asText()));
        }
        respond(exchange, 200, CONTENT_TYPE, "{}");
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        // DescribeContact's API reference: ResourceNotFoundException, HTTP 404.
        error(exchange, 404, "ResourceNotFoundException", "Contact not found");
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        // REST-JSON errors: the SDK reads the type from x-amzn-ErrorType (or the body's __type).
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        respond(exchange, status, CONTENT_TYPE,
                JSON.createObjectNode().put("__type", type).put("Message", message).toString());
    }

    private static String key(String instanceId, String contactId) {
        return instanceId + "/" + contactId;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
