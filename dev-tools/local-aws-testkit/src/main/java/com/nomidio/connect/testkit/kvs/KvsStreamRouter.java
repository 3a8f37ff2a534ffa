package com.nomidio.connect.testkit.kvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.testkit.http.LocalHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kinesis Video Streams' control plane for many streams at once: GetDataEndpoint answers, for the StreamARN asked
 * about, the data endpoint serving that stream (one {@link FakeKinesisVideo} per stream), as KVS gives each stream
 * its own endpoint; a stream it was not told of is a ResourceNotFoundException. The contact simulator's load mode
 * gives every concurrent call its own stream this way, so that reading the wrong contact's stream needs the wrong
 * ARN.
 */
public final class KvsStreamRouter extends LocalHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, URI> streams = new ConcurrentHashMap<>();
    private final AtomicLong dataEndpointRequests = new AtomicLong();
    private final AtomicLong unknownStreams = new AtomicLong();

    /** From now on, GetDataEndpoint for {@code streamArn} answers {@code dataEndpoint}. */
    public KvsStreamRouter route(String streamArn, URI dataEndpoint) {
        streams.put(streamArn, dataEndpoint);
        return this;
    }

    public void forget(String streamArn) {
        streams.remove(streamArn);
    }

    public long dataEndpointRequests() {
        return dataEndpointRequests.get();
    }

    /** GetDataEndpoint requests for a stream nobody routed. */
    public long unknownStreams() {
        return unknownStreams.get();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (!"/getDataEndpoint".equals(exchange.getRequestURI().getPath())) {
            respond(exchange, 404, "application/json",
                    JSON.createObjectNode().put("message", "not a KVS operation this router serves").toString());
            return;
        }
        dataEndpointRequests.incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        URI endpoint = streams.get(request.path("StreamARN").asText(""));
        if (endpoint == null) {
            unknownStreams.incrementAndGet();
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException:");
            respond(exchange, 404, "application/json",
                    JSON.createObjectNode().put("message", "The requested stream is not found").toString());
            return;
        }
        respond(exchange, 200, "application/json", JSON.createObjectNode().put("DataEndpoint", endpoint.toString()).toString());
    }
}
