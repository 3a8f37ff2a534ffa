package com.nomidio.connect.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.emulator.state.ApiException;
import com.nomidio.connect.emulator.state.ErrorCode;
import com.nomidio.connect.emulator.state.Fault;
import com.nomidio.connect.emulator.state.FaultPlan;
import com.nomidio.connect.emulator.state.TokenIssuer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Dispatches requests to routes. For contract routes it injects armed faults first, then checks the bearer
 * token and the supplier and enterprise codes, and makes sure a handler only answers with the error codes its
 * operation declares: anything else is an emulator bug and goes out as 500 SERVER_ERROR, loudly logged.
 */
public final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    public static final String SUPPLIER_HEADER = "X-Supplier-Code";
    public static final String ENTERPRISE_HEADER = "X-Enterprise-Code";

    private final List<Route> routes;
    private final FaultPlan faults;
    private final TokenIssuer tokens;
    private final String supplierCode;
    private final String enterpriseCode;
    private final ObjectMapper json;

    public Router(List<Route> routes, FaultPlan faults, TokenIssuer tokens, String supplierCode, String enterpriseCode,
                  ObjectMapper json) {
        this.routes = List.copyOf(routes);
        this.faults = faults;
        this.tokens = tokens;
        this.supplierCode = supplierCode;
        this.enterpriseCode = enterpriseCode;
        this.json = json;
    }

    public List<Route> routes() {
        return routes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Route route = null;
        Response response;
        try {
            Map<String, String> parameters = null;
            boolean pathKnown = false;
            for (Route candidate : routes) {
                Optional<Map<String, String>> match = candidate.match(rawPath);
                if (match.isPresent()) {
                    pathKnown = true;
                    if (candidate.method().equals(method)) {
                        route = candidate;
                        parameters = match.get();
                        break;
                    }
                }
            }
            if (route == null) {
                response = pathKnown
                        ? error(405, ErrorCode.INVALID_REQUEST, method + " is not allowed on this path")
                        : error(404, ErrorCode.NOT_FOUND, "no such path");
            } else {
                if (route.operationId() != null) {
                    MDC.put("operation", route.operationId());
                }
                response = dispatch(route, exchange, parameters);
                if (response == null) {
                    LOG.atInfo().addKeyValue("operation", route.operationId()).log("Dropped the connection as a fault asked");
                    MDC.clear();
                    exchange.close();
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("method", method).addKeyValue("path", rawPath).setCause(e)
                    .log("Emulator failed on a request");
            response = error(500, ErrorCode.SERVER_ERROR, "emulator error");
        }
        try {
            send(exchange, response);
        } catch (IOException e) {
            // The client gave up (e.g. its deadline passed during a slow fault): nothing to answer to.
            LOG.atInfo().addKeyValue("status", response.status()).addKeyValue("reason", e.getMessage())
                    .log("Client went away before the answer");
        } finally {
            LOG.atInfo()
                    .addKeyValue("operation", route == null ? "-" : route.operationId() == null ? route.template() : route.operationId())
                    .addKeyValue("method", method).addKeyValue("status", response.status())
                    .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000).log("Request answered");
            MDC.clear();
            exchange.close();
        }
    }

    /** The answer, or null when a fault says to drop the connection. */
    private Response dispatch(Route route, HttpExchange exchange, Map<String, String> rawParameters) throws IOException {
        try {
            if (route.isContract()) {
                Optional<Fault> fault = faults.take(route.operationId());
                if (fault.isPresent()) {
                    Response faulted = inject(fault.get());
                    if (fault.get().kind() != Fault.Kind.SLOW) {
                        return faulted;
                    }
                }
            }
            Request request = read(exchange, rawParameters);
            if (route.authenticated()) {
                authenticate(request);
            }
            return route.handler().handle(request);
        } catch (ApiException e) {
            if (route.isContract() && e.code() != ErrorCode.SERVER_ERROR && !route.errors().contains(e.code())) {
                LOG.atError().addKeyValue("operation", route.operationId()).addKeyValue("error", e.code())
                        .log("Handler answered an error its operation does not declare");
                return error(500, ErrorCode.SERVER_ERROR, "emulator error");
            }
            if (e.code() == ErrorCode.SERVER_ERROR) {
                LOG.atWarn().addKeyValue("operation", route.operationId()).addKeyValue("detail", e.getMessage())
                        .log("Answering a server error");
            }
            Response response = error(e.httpStatus(), e.code(), e.getMessage());
            return e.code() == ErrorCode.RATE_LIMITED ? response.withHeader("Retry-After", "1") : response;
        }
    }

    /** For DROP null, for STATUS the error answer, for SLOW null after sleeping (the call then proceeds). */
    private Response inject(Fault fault) {
        return switch (fault.kind()) {
            case DROP -> null;
            case STATUS -> {
                ErrorCode code = ErrorCode.forFaultStatus(fault.status());
                Response response = error(fault.status(), code, "injected fault");
                yield code == ErrorCode.RATE_LIMITED ? response.withHeader("Retry-After", "1") : response;
            }
            case SLOW -> {
                try {
                    Thread.sleep(fault.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(ErrorCode.SERVER_ERROR, "emulator is shutting down");
                }
                yield null;
            }
        };
    }

    private void authenticate(Request request) {
        tokens.authenticate(request.header("Authorization"));
        String supplier = request.header(SUPPLIER_HEADER);
        String enterprise = request.header(ENTERPRISE_HEADER);
        if (supplier == null || supplier.isBlank() || enterprise == null || enterprise.isBlank()) {
            throw ApiException.invalid(SUPPLIER_HEADER + " and " + ENTERPRISE_HEADER + " are required");
        }
        if (!supplierCode.equals(supplier.trim()) || !enterpriseCode.equals(enterprise.trim())) {
            throw ApiException.badCredentials("unknown supplier or enterprise code");
        }
    }

    private Request read(HttpExchange exchange, Map<String, String> rawParameters) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw ApiException.invalid("request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        Map<String, String> parameters = new HashMap<>();
        try {
            rawParameters.forEach((name, value) -> parameters.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("malformed path");
        }
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.copyOf(parameters),
                Request.parseForm(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
    }

    private Response error(int status, ErrorCode code, String message) {
        ObjectNode body = json.createObjectNode().put("code", code.name()).put("message", message);
        return Response.json(status, body, json);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
