package com.nomidio.connect.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one way the kit serves HTTP: the JDK's own server on loopback, on a port the system picks (so tests run in
 * parallel and never collide), one virtual thread per request (a streaming GetMedia or a slow function does not
 * hold up the next request), started by the constructor and stopped by {@link #close}. A subclass answers every
 * request in {@link #handle}; the exchange is closed after it returns.
 */
public abstract class LocalHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    protected LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for " + getClass().getSimpleName(), e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Answers one request; the exchange is closed afterwards. */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** The base URL to point an SDK client (endpointOverride) or a function's environment at. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Sends {@code body} with {@code status}; an empty body is sent with no content at all. */
    protected static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    protected static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
