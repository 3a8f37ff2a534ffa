package com.nomidio.connect.emulator.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** OAuth2 client credentials: access keys in, opaque bearer tokens out, each valid for the token lifetime. */
public final class TokenIssuer {

    /** A token as the token endpoint returns it; not printable, it is a credential. */
    public record IssuedToken(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "IssuedToken[lifetime=" + lifetime + "]";
        }
    }

    private final Map<String, String> secretsByKeyId;
    private final Clock clock;
    private final Supplier<Duration> lifetime;
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    public TokenIssuer(List<Seed.AccessKey> keys, Clock clock, Supplier<Duration> lifetime) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no access keys configured: the token endpoint would refuse everyone");
        }
        this.secretsByKeyId = keys.stream().collect(Collectors.toUnmodifiableMap(Seed.AccessKey::id, Seed.AccessKey::secret));
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public IssuedToken issue(String keyId, String secret) {
        String expected = keyId == null ? null : secretsByKeyId.get(keyId);
        if (expected == null || secret == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.badCredentials("unknown access key or wrong secret");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "emu-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Duration valid = lifetime.get();
        expiryByToken.put(token, clock.instant().plus(valid));
        issued.incrementAndGet();
        return new IssuedToken(token, valid);
    }

    /** Refuses a missing, unknown or expired bearer token with 401 BAD_CREDENTIALS. */
    public void authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.badCredentials("a bearer token is required");
        }
        String token = authorizationHeader.substring(7).trim();
        Instant expiry = expiryByToken.get(token);
        if (expiry == null) {
            throw ApiException.badCredentials("unknown bearer token");
        }
        if (!clock.instant().isBefore(expiry)) {
            expiryByToken.remove(token);
            throw ApiException.badCredentials("bearer token expired");
        }
    }

    public int issuedCount() {
        return issued.get();
    }
}
