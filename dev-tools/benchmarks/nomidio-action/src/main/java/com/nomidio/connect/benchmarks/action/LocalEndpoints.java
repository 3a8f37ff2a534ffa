package com.nomidio.connect.benchmarks.action;

import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.http.LocalHttpServer;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * The endpoints nomidioAction talks to, in their own JVM so that neither measurement pays for them: the kit's
 * local KMS holding the access key secret, and a minimal Nomidio gateway (token, identify) on the kit's HTTP
 * server base, answering canned bytes so that the benchmark measures our code and not a stub framework. Prints the
 * environment that points the function at them, one {@code NAME=value} a line, then serves until killed.
 */
public final class LocalEndpoints {

    static final String ACCESS_KEY_ID = "BENCH0KEY0ID";
    static final String SECRET = "bench-secret";

    private LocalEndpoints() {
    }

    /** Token and identify only: the calls a warm lookup makes. */
    static final class Gateway extends LocalHttpServer {
        private static final String TOKEN = "{\"access_token\":\"bench-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
        private static final String IDENTITY = "{\"nomidioId\":\"NMD-BENCH\",\"status\":\"ENROLLED\",\"fraudFlag\":null}";

        @Override
        protected void handle(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            switch (exchange.getRequestURI().getPath()) {
                case "/oauth2/token" -> respond(exchange, 200, "application/json", TOKEN);
                case "/v1/identities/search" -> respond(exchange, 200, "application/json", IDENTITY);
                default -> respond(exchange, 404, "application/json", "{\"code\":\"NOT_FOUND\"}");
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LocalKms kms = new LocalKms();
        String ciphertext = kms.holds(SECRET, SecretEncryptionContext.forAccessKey(ACCESS_KEY_ID));
        Gateway gateway = new Gateway();
        System.out.println("NOMIDIO_GATEWAY_URL=" + gateway.endpoint());
        System.out.println("AWS_ENDPOINT_URL_KMS=" + kms.endpoint());
        System.out.println("NOMIDIO_ACCESS_KEY_ID=" + ACCESS_KEY_ID);
        System.out.println("NOMIDIO_ACCESS_KEY_SECRET_CIPHERTEXT=" + ciphertext);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
