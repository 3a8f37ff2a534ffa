package com.nomidio.connect.deployment.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for CloudFormation's pre-signed ResponseURL: a local HTTP server that records every PUT body.
 */
public final class ResponseUrlServer implements AutoCloseable {

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

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public ResponseUrlServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** A ResponseURL shaped like CloudFormation's (a path with the stack and request). */
    public String url(String requestId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cloudformation-custom-resource-response/" + requestId;
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

    @Override
    public void close() {
        server.stop(0);
    }
}
