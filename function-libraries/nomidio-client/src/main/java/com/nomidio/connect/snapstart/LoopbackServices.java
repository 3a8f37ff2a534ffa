package com.nomidio.connect.snapstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway server on the loopback interface that answers what the functions ask of AWS and of the gateway, with
 * made-up values, so that priming drives the real clients' request pipelines end to end without calling anything
 * real: KMS Decrypt (AWS JSON 1.1), Lambda Invoke, KVS GetDataEndpoint and GetMedia (an empty stream), Connect's
 * DescribeContact, GetContactAttributes and UpdateContactAttributes, and the gateway's token, identify, challenge,
 * result, cancel and sample calls. It lives only inside {@code
 * beforeCheckpoint}: started there and stopped before the snapshot. Every AWS answer says {@code Connection: close};
 * the gateway's answers keep the connection open for the next priming call, and beforeCheckpoint closes the priming
 * copy's gateway client ({@link SnapStartPriming#closedAfterPriming}) before stopping this server, so no client
 * keeps a pooled connection to it in the snapshot.
 *
 * <p>Shipped in the functions, so it uses the JDK's own HTTP server rather than the test kit.
 */
public final class LoopbackServices implements AutoCloseable {

    /** The plaintext the loopback KMS answers: not the secret, and recognisably so. */
    public static final String PRIMING_PLAINTEXT = "priming-not-the-secret";
    /** The ciphertext handed to the priming copy of a function: any base64 does, the loopback KMS ignores it. */
    public static final String PRIMING_CIPHERTEXT = Base64.getEncoder()
            .encodeToString("priming-ciphertext".getBytes(StandardCharsets.US_ASCII));
    public static final String PRIMING_TOKEN = "priming-token";
    public static final String NOMIDIO_ID = "NMD-PRIMING";
    public static final String CHALLENGE_ID = "CHL-PRIMING";
    /** The contact of the bundled priming events: the loopback's challenge results belong to it. */
    public static final String CONTACT_ID = "00000000-0000-0000-0000-000000000000";
    /** The agent the loopback's Connect says the priming contact is connected to (the agent API's priming). */
    public static final String AGENT_ID = "00000000-0000-4000-8000-00000000a9e7";

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private LoopbackServices(HttpServer server) {
        this.server = server;
    }

    /** Binds an ephemeral port on the loopback address and starts answering. */
    public static LoopbackServices start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackServices services = new LoopbackServices(server);
        server.createContext("/", services::handle);
        server.start();
        return services;
    }

    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** How many requests each service answered, by name ({@code kms.Decrypt}, {@code gateway.token}, ...). */
    public Map<String, Integer> requests() {
        Map<String, Integer> counts = new TreeMap<>();
        requests.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Answer answer = answer(exchange.getRequestMethod(), path, target);
            requests.computeIfAbsent(answer.service(), k -> new AtomicInteger()).incrementAndGet();
            // The gateway's client (the JDK's) is closed by beforeCheckpoint before this server stops, so its
            // connections may stay open between priming calls, priming the pooled-connection path a restored
            // environment's identify takes (the refill's token request opens the connection it reuses). The AWS SDK
            // clients are not closed: their connections close after each answer.
            if (!answer.service().startsWith("gateway.")) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private record Answer(String service, int status, String contentType, String body) {
    }

    private Answer answer(String method, String path, String target) {
        if ("TrentService.Decrypt".equals(target)) {
            return new Answer("kms.Decrypt", 200, "application/x-amz-json-1.1", "{\"KeyId\":\"arn:aws:kms:eu-west-2:000000000000:key/"
                    + "00000000-0000-0000-0000-000000000000\",\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\",\"Plaintext\":\""
                    + Base64.getEncoder().encodeToString(PRIMING_PLAINTEXT.getBytes(StandardCharsets.UTF_8)) + "\"}");
        }
        if (path.startsWith("/2015-03-31/functions/") && path.endsWith("/invocations")) {
            return new Answer("lambda.Invoke", 202, null, "");
        }
        if (path.equals("/getDataEndpoint")) {
            return new Answer("kinesisvideo.GetDataEndpoint", 200, "application/json",
                    "{\"DataEndpoint\":\"" + endpoint() + "\"}");
        }
        if (path.equals("/getMedia")) {
            // An empty stream: the reader ends at once and the function cancels the challenge, priming that path.
            return new Answer("kinesisvideo.GetMedia", 200, "video/webm", "");
        }
        // Connect's contact operations (REST-JSON), for the agent API: the priming contact, connected to AGENT_ID.
        if ("GET".equals(method) && path.startsWith("/contacts/")) {
            long now = System.currentTimeMillis() / 1000;
            return new Answer("connect.DescribeContact", 200, "application/json", "{\"Contact\":{\"Id\":\"" + CONTACT_ID
                    + "\",\"InitialContactId\":\"" + CONTACT_ID + "\",\"Channel\":\"VOICE\",\"InitiationMethod\":\"INBOUND\","
                    + "\"InitiationTimestamp\":" + (now - 60) + ",\"CustomerEndpoint\":{\"Type\":\"TELEPHONE_NUMBER\","
                    + "\"Address\":\"+447700900000\"},\"AgentInfo\":{\"Id\":\"" + AGENT_ID + "\",\"ConnectedToAgentTimestamp\":"
                    + (now - 30) + "}}}");
        }
        if ("GET".equals(method) && path.startsWith("/contact/attributes/")) {
            return new Answer("connect.GetContactAttributes", 200, "application/json", "{\"Attributes\":{\"nomidio_status\":"
                    + "\"ENROLLED\",\"nomidio_id\":\"" + NOMIDIO_ID + "\"}}");
        }
        if ("POST".equals(method) && path.equals("/contact/attributes")) {
            return new Answer("connect.UpdateContactAttributes", 200, "application/json", "{}");
        }
        String challenge = "{\"challengeId\":\"" + CHALLENGE_ID + "\",\"status\":\"%s\",\"level\":\"STANDARD\","
                + "\"nomidioId\":\"" + NOMIDIO_ID + "\",\"contactId\":\"" + CONTACT_ID + "\",\"nomidioStatus\":\"ENROLLED\"}";
        return switch (path) {
            case "/oauth2/token" -> new Answer("gateway.token", 200, "application/json",
                    "{\"access_token\":\"" + PRIMING_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            case "/v1/identities/search" -> new Answer("gateway.identify", 200, "application/json",
                    "{\"nomidioId\":\"" + NOMIDIO_ID + "\",\"status\":\"ENROLLED\",\"fraudFlag\":null}");
            case "/v1/challenges" -> new Answer("gateway.createChallenge", 201, "application/json",
                    challenge.formatted("PENDING"));
            case "/v1/challenges/" + CHALLENGE_ID + "/result" -> new Answer("gateway.challengeResult", 200,
                    "application/json", challenge.formatted("PASSED"));
            case "/v1/challenges/" + CHALLENGE_ID + "/cancel" -> new Answer("gateway.cancelChallenge", 200,
                    "application/json", challenge.formatted("TIMEOUT").replace("\"level\"", "\"reason\":\"NO_AUDIO\",\"level\""));
            case "/v1/challenges/" + CHALLENGE_ID + "/sample" -> new Answer("gateway.uploadSample", 204, null, "");
            default -> new Answer("unknown " + method + " " + path, 404, "application/json", "{\"code\":\"NOT_FOUND\"}");
        };
    }
}
