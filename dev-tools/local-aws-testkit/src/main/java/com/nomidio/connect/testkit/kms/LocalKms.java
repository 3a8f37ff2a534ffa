package com.nomidio.connect.testkit.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.testkit.http.LocalHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * KMS Encrypt and Decrypt (AWS JSON 1.1, {@code X-Amz-Target: TrentService.*}) on loopback, for one key that
 * holds the secrets a test gives it ({@link #holds}). Encrypt answers the held ciphertext only for a held
 * plaintext under exactly its encryption context, Decrypt the plaintext only for a held ciphertext under exactly
 * its context; anything else is refused as KMS refuses it (AccessDeniedException, InvalidCiphertextException), so
 * a function that encrypts or decrypts with the wrong context fails here as it would in AWS. Every request is
 * recorded; no plaintext is ever logged.
 */
public final class LocalKms extends LocalHttpServer {

    public static final String KEY_ARN = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    /** The ciphertext {@link #holds(String, Map)} gives: KMS blobs are opaque, only KMS reads them. */
    public static final String CIPHERTEXT_BASE64 = Base64.getEncoder()
            .encodeToString("kms-ciphertext-of-the-access-key-secret".getBytes(StandardCharsets.UTF_8));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    /** One request as KMS received it: the operation, the signed headers and the JSON body. */
    public record Request(String operation, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private record Held(String plaintext, Map<String, String> context, String ciphertext) {
    }

    private record Refusal(int status, String type, String message) {
    }

    private final List<Held> held = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Refusal refusal;
    private volatile long delayMillis;

    /** Holds {@code plaintext} under {@code context} as {@link #CIPHERTEXT_BASE64}; returns that ciphertext. */
    public String holds(String plaintext, Map<String, String> context) {
        return holds(plaintext, context, CIPHERTEXT_BASE64);
    }

    public String holds(String plaintext, Map<String, String> context, String ciphertextBase64) {
        held.add(new Held(plaintext, Map.copyOf(context), ciphertextBase64));
        return ciphertextBase64;
    }

    /** Every request from now on fails with this KMS error (e.g. 400 AccessDeniedException). */
    public LocalKms refuseEverything(int status, String type, String message) {
        this.refusal = new Refusal(status, type, message);
        return this;
    }

    /** Every answer from now on comes only after {@code millis} (KMS throttled or far away). */
    public LocalKms delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests of one operation ({@code "Encrypt"}, {@code "Decrypt"}). */
    public List<Request> requests(String operation) {
        return requests.stream().filter(r -> operation.equals(r.operation())).toList();
    }

    /** How many Decrypt calls succeeded. */
    public long decrypts() {
        return requests("Decrypt").stream().filter(r -> isHeldCiphertext(r.body())).count();
    }

    /** Forgets held secrets, refusals and recorded requests. */
    public void reset() {
        held.clear();
        requests.clear();
        refusal = null;
        delayMillis = 0;
    }

    /** A real SDK client for this endpoint, signing with made-up credentials. */
    public KmsClient client() {
        return KmsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        String operation = target.startsWith("TrentService.") ? target.substring("TrentService.".length()) : target;
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        requests.add(new Request(operation, Map.copyOf(exchange.getRequestHeaders()), body));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Refusal refused = refusal;
        if (refused != null) {
            error(exchange, refused.status(), refused.type(), refused.message());
            return;
        }
        switch (operation) {
            case "Encrypt" -> encrypt(exchange, body);
            case "Decrypt" -> decrypt(exchange, body);
            default -> error(exchange, 400, "UnsupportedOperationException", "this local KMS only encrypts and decrypts");
        }
    }

    private void encrypt(HttpExchange exchange, JsonNode request) throws IOException {
        String plaintext = new String(Base64.getDecoder().decode(request.path("Plaintext").asText()), StandardCharsets.UTF_8);
        Map<String, String> context = context(request);
        for (Held secret : held) {
            if (secret.plaintext().equals(plaintext) && secret.context().equals(context)) {
                respond(exchange, 200, CONTENT_TYPE, JSON.createObjectNode().put("KeyId", KEY_ARN)
                        .put("CiphertextBlob", secret.ciphertext())
                        .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT").toString());
                return;
            }
        }
        error(exchange, 400, "AccessDeniedException",
                "this local key encrypts only the secrets the test said it would, under their encryption context");
    }

    private void decrypt(HttpExchange exchange, JsonNode request) throws IOException {
        Map<String, String> context = context(request);
        String ciphertext = request.path("CiphertextBlob").asText();
        for (Held secret : held) {
            if (secret.ciphertext().equals(ciphertext) && secret.context().equals(context)) {
                respond(exchange, 200, CONTENT_TYPE, JSON.createObjectNode().put("KeyId", KEY_ARN)
                        .put("Plaintext", Base64.getEncoder().encodeToString(
                                secret.plaintext().getBytes(StandardCharsets.UTF_8)))
                        .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT").toString());
                return;
            }
        }
        error(exchange, 400, "InvalidCiphertextException",
                "the ciphertext or its encryption context is not one this key made");
    }

    private boolean isHeldCiphertext(JsonNode request) {
        Map<String, String> context = context(request);
        String ciphertext = request.path("CiphertextBlob").asText();
        return held.stream().anyMatch(s -> s.ciphertext().equals(ciphertext) && s.context().equals(context));
    }

    private static Map<String, String> context(JsonNode request) {
        if (!request.path("EncryptionContext").isObject()) {
            return Map.of();
        }
        return JSON.convertValue(request.path("EncryptionContext"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        respond(exchange, status, CONTENT_TYPE,
                JSON.createObjectNode().put("__type", type).put("message", message).toString());
    }
}
