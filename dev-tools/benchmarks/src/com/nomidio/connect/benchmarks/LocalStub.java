package com.nomidio.connect.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A tiny local stand-in for the Nomidio gateway (token, identify) and KMS (Decrypt), on the JDK's HTTP server,
 * so that the benchmark measures our code and not a stub framework. Run in its own JVM; prints its port.
 */
public final class LocalStub {

    static final String ACCESS_KEY_ID = "BENCH0KEY0ID";
    static final String SECRET = "bench-secret";
    static final String CIPHERTEXT = Base64.getEncoder().encodeToString("ciphertext".getBytes(StandardCharsets.UTF_8));

    private LocalStub() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        byte[] token = "{\"access_token\":\"bench-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] identity = "{\"nomidioId\":\"NMD-BENCH\",\"status\":\"ENROLLED\",\"fraudFlag\":null}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] decrypt = ("{\"KeyId\":\"arn:aws:kms:eu-west-2:111122223333:key/bench\",\"Plaintext\":\""
                + Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))
                + "\",\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/token", ex -> answer(ex, 200, "application/json", token));
        server.createContext("/v1/identities/search", ex -> answer(ex, 200, "application/json", identity));
        server.createContext("/", ex -> {
            if ("TrentService.Decrypt".equals(ex.getRequestHeaders().getFirst("X-Amz-Target"))) {
                answer(ex, 200, "application/x-amz-json-1.1", decrypt);
            } else {
                answer(ex, 404, "application/json", "{\"code\":\"NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
