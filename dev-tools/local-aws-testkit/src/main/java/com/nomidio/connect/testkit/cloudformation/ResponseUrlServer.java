package com.nomidio.connect.testkit.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.testkit.http.LocalHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for CloudFormation's pre-signed ResponseURL: a local HTTP server that records every PUT body.
 */
public final class ResponseUrlServer extends LocalHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request CloudFormation would have received. */
    public record Received(String method, String path, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
        respond(exchange, 200, null, new byte[0]);
    }

    /** A ResponseURL shaped like CloudFormation's (a path with the stack and request). */
    public String url(String requestId) {
        return endpoint() + "/cloudformation-custom-resource-response/" + requestId;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The single answer sent so far; fails when there is none or more than one. */
    public Received onlyAnswer() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one answer to CloudFormation, got " + received.size());
        }
        return received.getFirst();
    }

    public void clear() {
        received.clear();
    }
}
