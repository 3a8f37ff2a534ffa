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
    private final List<Received> refused = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int failureStatus = 503;

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8));
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // As S3 does when it is briefly unavailable: the answer is not stored, the sender must try again.
            refused.add(request);
            respond(exchange, failureStatus, null, new byte[0]);
            return;
        }
        received.add(request);
        respond(exchange, 200, null, new byte[0]);
    }

    /** The next {@code count} PUTs are refused with {@code status} (and not recorded as answers). */
    public void refuseNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** The PUTs refused by {@link #refuseNext}. */
    public List<Received> refused() {
        return List.copyOf(refused);
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
