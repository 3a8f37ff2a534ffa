package com.nomidio.connect.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.Challenge;
import com.nomidio.connect.domain.ChallengeResult;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.GatewayIds;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.time.Deadline;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NomidioGateway} over HTTP with the JDK's client. Rules: a call never outlives its deadline; only
 * idempotent reads are retried, once, when a service fault leaves time for it; a 401 re-authenticates once.
 */
public final class HttpNomidioGateway implements NomidioGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpNomidioGateway.class);
    private static final String JSON = "application/json";
    /** A retry that cannot get at least this long is not worth starting. */
    private static final Duration MIN_RETRY_BUDGET = Duration.ofMillis(250);
    /** Time kept back from a long-poll's wait for the answer to travel back. */
    private static final Duration LONG_POLL_MARGIN = Duration.ofMillis(500);
    private static final int MAX_WAIT_SECONDS = 20;
    /** No answer of the contract comes near this; a bigger body is a fault, not something to buffer and parse. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** The token lifetime we accept, whatever expires_in says: a minute at least (no token per call), an hour at most. */
    static final Duration MIN_TOKEN_LIFETIME = Duration.ofSeconds(60);
    static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);
    /**
     * The deadline of the token fetch a SnapStart restore starts in the background ({@link TokenCache#refill()}):
     * as long as a contact flow's whole handler budget, no longer. No caller is held by it: an invocation that finds
     * it in flight waits only until its own deadline.
     */
    static final Duration REFILL_BUDGET = Duration.ofSeconds(6);

    private final GatewayConfig config;
    private final HttpClient http;
    private final ObjectMapper json;
    private final TokenCache tokens;

    public HttpNomidioGateway(GatewayConfig config, ObjectMapper json) {
        // A SnapStart priming copy's client is closed before the snapshot (its selector thread must not be in it).
        this(config, json, SnapStartPriming.closedAfterPriming(HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()), Clock.systemUTC());
    }

    HttpNomidioGateway(GatewayConfig config, ObjectMapper json, HttpClient http, Clock clock) {
        this.config = config;
        this.json = json;
        this.http = http;
        this.tokens = new TokenCache(clock, () -> fetchToken(Deadline.after(REFILL_BUDGET)));
    }

    @Override
    public Identity identify(Subject subject, Deadline deadline) {
        return readWithRetry("identify", deadline,
                d -> parse("identify", postJson("identify", "/v1/identities/search", subject, d), Identity.class));
    }

    @Override
    public Identity invite(String e164PhoneNumber, String contactId, Deadline deadline) {
        ObjectNode body = json.createObjectNode().put("phoneNumber", e164PhoneNumber).put("contactId", contactId);
        return parse("invite", postJson("invite", "/v1/invitations", body, deadline), Identity.class);
    }

    @Override
    public Identity optOut(Subject subject, String contactId, Deadline deadline) {
        ObjectNode body = json.createObjectNode().put("contactId", contactId);
        body.set("subject", json.valueToTree(subject));
        return parse("optOut", postJson("optOut", "/v1/opt-outs", body, deadline), Identity.class);
    }

    @Override
    public Challenge createChallenge(String nomidioId, AuthLevel level, Channel channel, String contactId,
                                     Deadline deadline) {
        ObjectNode body = json.createObjectNode()
                .put("nomidioId", nomidioId)
                .put("level", level.name())
                .put("channel", channel.name())
                .put("contactId", contactId);
        return parse("createChallenge", postJson("createChallenge", "/v1/challenges", body, deadline), Challenge.class);
    }

    @Override
    public void uploadSample(String challengeId, byte[] wav, Deadline deadline) {
        send("uploadSample", deadline, token -> authorised(token, "/v1/challenges/" + pathSegment("uploadSample", challengeId) + "/sample")
                .header("Content-Type", "audio/wav")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(wav)));
    }

    @Override
    public ChallengeResult cancelChallenge(String challengeId, CancelReason reason, Deadline deadline) {
        ObjectNode body = json.createObjectNode().put("reason", reason.name());
        String path = "/v1/challenges/" + pathSegment("cancelChallenge", challengeId) + "/cancel";
        return parse("cancelChallenge", postJson("cancelChallenge", path, body, deadline), ChallengeResult.class);
    }

    @Override
    public ChallengeResult challengeResult(String challengeId, Duration wait, Deadline deadline) {
        return readWithRetry("challengeResult", deadline, d -> {
            long waitSeconds = Math.max(0, Math.min(Math.min(wait.toSeconds(), MAX_WAIT_SECONDS),
                    d.remaining().minus(LONG_POLL_MARGIN).toSeconds()));
            String path = "/v1/challenges/" + pathSegment("challengeResult", challengeId) + "/result?waitSeconds=" + waitSeconds;
            byte[] answer = send("challengeResult", d, token -> authorised(token, path).GET());
            return parse("challengeResult", answer, ChallengeResult.class);
        });
    }

    @Override
    public Identity enrol(String nomidioId, String challengeId, Deadline deadline) {
        ObjectNode body = json.createObjectNode().put("challengeId", challengeId);
        String path = "/v1/identities/" + pathSegment("enrol", nomidioId) + "/enrolment";
        return parse("enrol", postJson("enrol", path, body, deadline), Identity.class);
    }

    @Override
    public Identity setBlocked(String e164PhoneNumber, boolean blocked, Deadline deadline) {
        ObjectNode body = json.createObjectNode().put("phoneNumber", e164PhoneNumber).put("blocked", blocked);
        return parse("setBlocked", putJson("setBlocked", "/v1/blocks", body, deadline), Identity.class);
    }

    @Override
    public Identity setFraudFlag(Subject subject, boolean suspected, Deadline deadline) {
        ObjectNode body = json.createObjectNode();
        body.set("subject", json.valueToTree(subject));
        if (suspected) {
            body.put("fraudFlag", FraudFlag.SUSPECTED_FRAUD.name());
        } else {
            body.putNull("fraudFlag");
        }
        return parse("setFraudFlag", putJson("setFraudFlag", "/v1/fraud-flags", body, deadline), Identity.class);
    }

    // --- plumbing -------------------------------------------------------------------------------------------

    private interface Call<T> {
        T run(Deadline deadline);
    }

    private interface RequestFactory {
        HttpRequest.Builder build(String token);
    }

    private <T> T readWithRetry(String operation, Deadline deadline, Call<T> call) {
        try {
            return call.run(deadline);
        } catch (GatewayException first) {
            // A rate limit was already waited out (or found too long) in send, by the gateway's Retry-After.
            boolean retryable = first.error().isServiceFault() && first.error() != GatewayError.DEADLINE_EXCEEDED
                    && first.error() != GatewayError.RATE_LIMITED;
            if (!retryable || deadline.remaining().compareTo(MIN_RETRY_BUDGET) < 0) {
                throw first;
            }
            LOG.atWarn().addKeyValue("operation", operation).addKeyValue("error", first.error())
                    .addKeyValue("remainingMs", deadline.remaining().toMillis()).log("Retrying idempotent gateway read");
            return call.run(deadline);
        }
    }

    private byte[] postJson(String operation, String path, Object body, Deadline deadline) {
        byte[] bytes = toJson(operation, body);
        return send(operation, deadline, token -> authorised(token, path)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private byte[] putJson(String operation, String path, Object body, Deadline deadline) {
        byte[] bytes = toJson(operation, body);
        return send(operation, deadline, token -> authorised(token, path)
                .header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private HttpRequest.Builder authorised(String token, String path) {
        return HttpRequest.newBuilder(URI.create(config.baseUri() + path))
                .header("Authorization", "Bearer " + token)
                .header("X-Supplier-Code", config.supplierCode())
                .header("X-Enterprise-Code", config.enterpriseCode())
                .header("Accept", JSON);
    }

    /** Sends an authorised request; on 401 drops the cached token and tries once more with a new one. */
    private byte[] send(String operation, Deadline deadline, RequestFactory request) {
        String token = token(deadline);
        HttpResponse<byte[]> response = exchange(operation, request.build(token), deadline);
        if (response.statusCode() == 401) {
            tokens.invalidate(token);
            LOG.atInfo().addKeyValue("operation", operation).log("Gateway refused the cached token, authenticating again");
            response = exchange(operation, request.build(token(deadline)), deadline);
        }
        if (response.statusCode() == 429) {
            response = afterRetryAfter(operation, response, deadline, () -> request.build(token(deadline)));
        }
        return bodyOrThrow(operation, response);
    }

    /**
     * A 429 names in Retry-After (delta-seconds) when the gateway takes requests again: wait that long and try once
     * more if the wait and a call still fit in the deadline, else give up at once (answering the rate limit) rather
     * than hammer the gateway or sleep past the caller's time. A 429 means the request was not processed, so this
     * holds for writes too.
     */
    private HttpResponse<byte[]> afterRetryAfter(String operation, HttpResponse<byte[]> limited, Deadline deadline,
                                                 Supplier<HttpRequest.Builder> again) {
        Optional<Duration> wait = limited.headers().firstValue("Retry-After").flatMap(HttpNomidioGateway::deltaSeconds);
        if (wait.isEmpty() || deadline.remaining().compareTo(wait.get().plus(MIN_RETRY_BUDGET)) < 0) {
            LOG.atWarn().addKeyValue("operation", operation).addKeyValue("retryAfter", wait.map(Duration::toMillis).orElse(null))
                    .addKeyValue("remainingMs", deadline.remaining().toMillis())
                    .log("Gateway rate limit does not clear within the deadline, giving up");
            return limited;
        }
        LOG.atInfo().addKeyValue("operation", operation).addKeyValue("retryAfterMs", wait.get().toMillis())
                .log("Gateway rate limit, trying again after its Retry-After");
        try {
            Thread.sleep(wait.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayError.UNAVAILABLE, operation, "interrupted", e);
        }
        return exchange(operation, again.get(), deadline);
    }

    private static Optional<Duration> deltaSeconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP-date: not worth a clock comparison for a few seconds' budget
        }
    }

    private String token(Deadline deadline) {
        return tokens.get(deadline, () -> fetchToken(deadline));
    }

    private TokenCache.Token fetchToken(Deadline deadline) {
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(config.accessKeyId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(config.accessKeySecret().get(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUri() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        byte[] body = bodyOrThrow("issueToken", exchange("issueToken", request, deadline));
        JsonNode node = parse("issueToken", body, JsonNode.class);
        String accessToken = node.path("access_token").asText("");
        long expiresIn = node.path("expires_in").asLong(-1);
        if (accessToken.isEmpty() || expiresIn <= 0) {
            throw new GatewayException(GatewayError.MALFORMED_RESPONSE, "issueToken", "token answer lacks access_token or expires_in");
        }
        // Clamped: a tiny expires_in would fetch a token per call, a huge one keep a revoked token for days.
        Duration lifetime = Duration.ofSeconds(expiresIn);
        if (lifetime.compareTo(MIN_TOKEN_LIFETIME) < 0) {
            lifetime = MIN_TOKEN_LIFETIME;
        } else if (lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
            lifetime = MAX_TOKEN_LIFETIME;
        }
        return new TokenCache.Token(accessToken, lifetime);
    }

    private HttpResponse<byte[]> exchange(String operation, HttpRequest.Builder builder, Deadline deadline) {
        return exchange(operation, builder.build(), deadline);
    }

    private HttpResponse<byte[]> exchange(String operation, HttpRequest request, Deadline deadline) {
        Duration remaining = deadline.remaining();
        if (remaining.isZero()) {
            throw new GatewayException(GatewayError.DEADLINE_EXCEEDED, operation, "no time left to call the gateway");
        }
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(remaining).build();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(timed, info -> new CappedBody(MAX_BODY_BYTES));
        try {
            // The request timeout covers the headers only; this bounds the body too.
            return future.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new GatewayException(GatewayError.DEADLINE_EXCEEDED, operation,
                    "no answer within " + remaining.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayError.UNAVAILABLE, operation, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (CappedBody.exceeded(cause)) {
                throw new GatewayException(GatewayError.MALFORMED_RESPONSE, operation,
                        "answer body larger than " + MAX_BODY_BYTES + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new GatewayException(GatewayError.DEADLINE_EXCEEDED, operation, "timed out: " + cause.getMessage());
            }
            if (cause instanceof ConnectException || cause instanceof IOException) {
                throw new GatewayException(GatewayError.UNAVAILABLE, operation,
                        "cannot reach the gateway: " + cause.getClass().getSimpleName());
            }
            throw new GatewayException(GatewayError.UNAVAILABLE, operation, "call failed", cause);
        }
    }

    private byte[] bodyOrThrow(String operation, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        GatewayError error = errorFromBody(response.body()).orElse(GatewayError.forHttpStatus(status));
        throw new GatewayException(error, operation, "gateway answered HTTP " + status);
    }

    private Optional<GatewayError> errorFromBody(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            String code = json.readTree(body).path("code").asText("");
            return Optional.of(GatewayError.valueOf(code))
                    .filter(GatewayError::isContractCode);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private <T> T parse(String operation, byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new GatewayException(GatewayError.MALFORMED_RESPONSE, operation, "empty answer");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new GatewayException(GatewayError.MALFORMED_RESPONSE, operation,
                    "answer does not follow the contract: " + e.getClass().getSimpleName());
        }
    }

    private byte[] toJson(String operation, Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new GatewayException(GatewayError.INVALID_REQUEST, operation, "cannot serialise request");
        }
    }

    /** An id for a URL path: only one that fits {@link GatewayIds#PATTERN}, so nothing in it needs escaping. */
    private static String pathSegment(String operation, String id) {
        if (!GatewayIds.isValid(id)) {
            throw new GatewayException(GatewayError.INVALID_REQUEST, operation, "the id for the URL path is not a gateway id");
        }
        return id;
    }
}
