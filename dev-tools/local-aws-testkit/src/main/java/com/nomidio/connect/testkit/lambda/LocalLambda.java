package com.nomidio.connect.testkit.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.testkit.http.LocalHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{FunctionName}/invocations}) on loopback, for the
 * functions' own LambdaClient: {@code X-Amz-Invocation-Type: Event} answers 202 at once and hands the payload to
 * {@link Functions#invokeEvent} (Lambda queues it); RequestResponse runs it and answers its output, a function's
 * exception as Lambda's {@code X-Amz-Function-Error}. An unknown function is Lambda's 404
 * ResourceNotFoundException. Every accepted invocation is recorded.
 */
public final class LocalLambda extends LocalHttpServer {

    /** The functions behind the endpoint: the simulator's real handlers, or a test's recorder. */
    public interface Functions {
        /** Whether a function answers to this name, ARN (qualified or not) or {@code name:qualifier}. */
        boolean exists(String reference);

        /** An Event invocation: accepted at once, run (or merely noted) in the background. */
        void invokeEvent(String reference, byte[] payload);

        /** A RequestResponse invocation: the function's answer, or the exception it threw. */
        byte[] invokeRequestResponse(String reference, byte[] payload) throws Exception;
    }

    /** One invocation as Lambda received it. */
    public record Invocation(String function, String invocationType, byte[] payload) {
    }

    private static final Pattern INVOKE = Pattern.compile("^/2015-03-31/functions/(.+)/invocations$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Functions functions;
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    public LocalLambda(Functions functions) {
        this.functions = functions;
    }

    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        Matcher invoke = INVOKE.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !invoke.matches()) {
            error(exchange, 404, "UnknownOperationException", "not a Lambda Invoke request");
            return;
        }
        String function = invoke.group(1);
        byte[] payload = exchange.getRequestBody().readAllBytes();
        if (!functions.exists(function)) {
            error(exchange, 404, "ResourceNotFoundException", "Function not found: " + function);
            return;
        }
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))
                .orElse("RequestResponse");
        switch (type) {
            case "Event" -> {
                invocations.add(new Invocation(function, type, payload));
                functions.invokeEvent(function, payload);
                respond(exchange, 202, null, new byte[0]);
            }
            case "DryRun" -> respond(exchange, 204, null, new byte[0]);
            case "RequestResponse" -> {
                invocations.add(new Invocation(function, type, payload));
                respondWithAnswer(exchange, function, payload);
            }
            default -> error(exchange, 400, "InvalidParameterValueException", "unknown invocation type " + type);
        }
    }

    private void respondWithAnswer(HttpExchange exchange, String function, byte[] payload) throws IOException {
        byte[] body;
        try {
            body = functions.invokeRequestResponse(function, payload);
        } catch (Exception e) {
            // Lambda answers 200 with the error in the body and X-Amz-Function-Error set.
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            body = JSON.createObjectNode().put("errorMessage", String.valueOf(e.getMessage()))
                    .put("errorType", e.getClass().getName()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("X-Amz-Executed-Version", "1");
        respond(exchange, 200, "application/json", body);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        respond(exchange, status, "application/json",
                JSON.createObjectNode().put("Type", "User").put("message", message).toString());
    }
}
