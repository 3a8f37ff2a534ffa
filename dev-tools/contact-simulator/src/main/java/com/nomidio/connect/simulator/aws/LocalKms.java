package com.nomidio.connect.simulator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * KMS Decrypt (AWS JSON 1.1, {@code X-Amz-Target: TrentService.Decrypt}) on loopback for one ciphertext: the
 * access key secret as the deployment helper would have encrypted it, bound to the same encryption context. Any
 * other ciphertext or context is KMS's InvalidCiphertextException; the secret itself is never logged.
 */
public final class LocalKms implements AutoCloseable {

    public static final String KEY_ARN = "arn:aws:kms:eu-west-2:111122223333:key/00000000-0000-4000-8000-0000005eed01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String ciphertextBase64;
    private final String plaintext;
    private final Map<String, String> encryptionContext;
    private final AtomicInteger decrypts = new AtomicInteger();

    private LocalKms(HttpServer server, String ciphertextBase64, String plaintext, String accessKeyId) {
        this.server = server;
        this.ciphertextBase64 = ciphertextBase64;
        this.plaintext = plaintext;
        this.encryptionContext = SecretEncryptionContext.forAccessKey(accessKeyId);
    }

    /** A KMS that decrypts a fresh, opaque ciphertext (see {@link #ciphertext()}) of {@code secret} and nothing else. */
    public static LocalKms start(String secret, String accessKeyId) {
        byte[] blob = new byte[48];
        new SecureRandom().nextBytes(blob);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LocalKms kms = new LocalKms(server, Base64.getEncoder().encodeToString(blob), secret, accessKeyId);
            server.createContext("/", kms::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return kms;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local KMS endpoint", e);
        }
    }

    /** The base64 ciphertext to give the functions as NOMIDIO_ACCESS_KEY_SECRET_CIPHERTEXT. */
    public String ciphertext() {
        return ciphertextBase64;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many Decrypt calls succeeded (once per function: the secret is memoised). */
    public int decrypts() {
        return decrypts.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"TrentService.Decrypt".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                answer(exchange, 400, JSON.createObjectNode().put("__type", "UnsupportedOperationException")
                        .put("message", "this local KMS only decrypts").toString());
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            Map<String, String> context = JSON.convertValue(request.path("EncryptionContext"),
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            if (!ciphertextBase64.equals(request.path("CiphertextBlob").asText()) || !encryptionContext.equals(context)) {
                answer(exchange, 400, JSON.createObjectNode().put("__type", "InvalidCiphertextException")
                        .put("message", "the ciphertext or its encryption context is not one this key made").toString());
                return;
            }
            decrypts.incrementAndGet();
            answer(exchange, 200, JSON.createObjectNode()
                    .put("KeyId", KEY_ARN)
                    .put("Plaintext", Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)))
                    .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT").toString());
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
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
