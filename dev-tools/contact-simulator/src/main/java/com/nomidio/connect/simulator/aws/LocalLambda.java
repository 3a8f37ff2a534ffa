package com.nomidio.connect.simulator.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{FunctionName}/invocations}) on loopback, for the
 * functions' own LambdaClient: {@code X-Amz-Invocation-Type: Event} answers 202 at once and runs the function in
 * the background, as Lambda queues it; RequestResponse runs it and answers its output. An unknown function is
 * Lambda's 404 ResourceNotFoundException.
 */
public final class LocalLambda implements AutoCloseable {

    private static final Pattern INVOKE = Pattern.compile("^/2015-03-31/functions/(.+)/invocations$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final LambdaFunctions functions;

    private LocalLambda(HttpServer server, LambdaFunctions functions) {
        this.server = server;
        this.functions = functions;
    }

    public static LocalLambda start(LambdaFunctions functions) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LocalLambda lambda = new LocalLambda(server, functions);
            server.createContext("/", lambda::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return lambda;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Lambda endpoint", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher invoke = INVOKE.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !invoke.matches()) {
                error(exchange, 404, "UnknownOperationException", "not a Lambda Invoke request");
                return;
            }
            byte[] payload = exchange.getRequestBody().readAllBytes();
            Optional<LambdaFunctions.DeployedFunction> function = functions.find(invoke.group(1));
            if (function.isEmpty()) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: " + invoke.group(1));
                return;
            }
            String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))
                    .orElse("RequestResponse");
            switch (type) {
                case "Event" -> {
                    functions.invokeAsync(function.get(), payload);
                    exchange.sendResponseHeaders(202, -1);
                }
                case "DryRun" -> exchange.sendResponseHeaders(204, -1);
                case "RequestResponse" -> respond(exchange, function.get(), payload);
                default -> error(exchange, 400, "InvalidParameterValueException", "unknown invocation type " + type);
            }
        }
    }

    private void respond(HttpExchange exchange, LambdaFunctions.DeployedFunction function, byte[] payload)
            throws IOException {
        byte[] body;
        try {
            body = functions.invokeAndWait(function, payload);
        } catch (Exception e) {
            // Lambda answers 200 with the error in the body and X-Amz-Function-Error set.
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            body = JSON.createObjectNode().put("errorMessage", String.valueOf(e.getMessage()))
                    .put("errorType", e.getClass().getName()).toString().getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("X-Amz-Executed-Version", "1");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] body = JSON.createObjectNode().put("Type", "User").put("message", message).toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
