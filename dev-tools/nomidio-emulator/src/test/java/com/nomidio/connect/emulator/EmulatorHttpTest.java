package com.nomidio.connect.emulator;

import static com.nomidio.connect.emulator.AudioFixtures.VOICE_A_PASSPHRASE;
import static com.nomidio.connect.emulator.AudioFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.emulator.state.Fault;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.testkit.time.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client never sends but the contract defines: refusals, error bodies, headers, and the admin API. */
class EmulatorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MutableClock clock;
    private GatewayEmulator emulator;
    private GatewayConfig config;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.now());
        emulator = GatewayEmulator.builder().clock(clock)
                .settings(s -> s.verificationDelay(Duration.ZERO).faceCheckDelay(Duration.ZERO))
                .build().start(0);
        config = emulator.clientConfig();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void issueToken_whenCredentialsAreRight_answersTheContractsTokenShape() throws Exception {
        HttpResponse<String> response = tokenRequest("client_credentials", config.accessKeyId(), config.accessKeySecret().get());

        JsonNode token = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(token.path("access_token").asText()).isNotBlank();
    }

    @Test
    void issueToken_whenSecretIsWrong_answers401BadCredentials() throws Exception {
        HttpResponse<String> response = tokenRequest("client_credentials", config.accessKeyId(), "wrong");

        assertError(response, 401, "BAD_CREDENTIALS");
    }

    @Test
    void issueToken_whenGrantTypeIsNotClientCredentials_answers400() throws Exception {
        assertError(tokenRequest("password", config.accessKeyId(), config.accessKeySecret().get()), 400, "INVALID_REQUEST");
    }

    @Test
    void calls_whenBearerIsUnknown_answer401BadCredentials() throws Exception {
        assertError(postJson("/v1/identities/search", "{\"phoneNumber\":\"+447700900001\"}", "emu-made-up"),
                401, "BAD_CREDENTIALS");
    }

    @Test
    void calls_whenTokenHasExpired_answer401BadCredentials() throws Exception {
        String token = token();
        clock.advance(Duration.ofSeconds(3600));

        assertError(postJson("/v1/identities/search", "{\"phoneNumber\":\"+447700900001\"}", token), 401, "BAD_CREDENTIALS");
    }

    @Test
    void calls_whenSupplierOrEnterpriseHeaderIsMissing_answer400() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/identities/search"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phoneNumber\":\"+447700900001\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertError(response, 400, "INVALID_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"phoneNumber\":\"07700900001\"}",
            "{\"phoneNumber\":\"+447700900001\",\"nomidioId\":\"NID-ENROLLED-A\"}",
            "{}",
            "[1,2]",
            "not json"})
    void identify_whenSubjectBreaksTheContract_answers400(String body) throws Exception {
        assertError(postJson("/v1/identities/search", body, token()), 400, "INVALID_REQUEST");
    }

    @Test
    void getChallengeResult_whenWaitSecondsIsOverTheBound_answers400() throws Exception {
        String id = createChallenge(token());

        assertError(get("/v1/challenges/" + id + "/result?waitSeconds=21", token()), 400, "INVALID_REQUEST");
    }

    /** An unknown challenge and an unknown path answer alike: 404 with the contract's error body. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/challenges/ch-nope/result", "/v2/nothing"})
    void get_whenNothingIsThere_answers404WithAnErrorBody(String path) throws Exception {
        assertError(get(path, token()), 404, "NOT_FOUND");
    }

    @Test
    void uploadSample_whenBodyIsNotAWav_answers400AndKeepsTheChallengeOpen() throws Exception {
        String token = token();
        String id = createChallenge(token);

        HttpResponse<String> response = put("/v1/challenges/" + id + "/sample", "audio/wav", "hello".repeat(20).getBytes(), token);

        assertError(response, 400, "INVALID_REQUEST");
        assertThat(upload(id, wav(VOICE_A_PASSPHRASE), token).statusCode()).isEqualTo(202);
    }

    @Test
    void uploadSample_whenContentTypeIsNotAudio_answers400() throws Exception {
        String token = token();
        String id = createChallenge(token);

        assertError(put("/v1/challenges/" + id + "/sample", "application/octet-stream", wav(VOICE_A_PASSPHRASE), token),
                400, "INVALID_REQUEST");
    }

    @Test
    void createChallenge_whenAnswered_carriesExpiresAt() throws Exception {
        HttpResponse<String> response = postJson("/v1/challenges",
                "{\"nomidioId\":\"NID-ENROLLED-A\",\"level\":\"HIGH\",\"channel\":\"VOICE\",\"contactId\":\"c-1\"}", token());

        JsonNode challenge = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(challenge.path("status").asText()).isEqualTo("PENDING");
        assertThat(challenge.path("level").asText()).isEqualTo("HIGH");
        assertThat(Instant.parse(challenge.path("expiresAt").asText())).isEqualTo(clock.instant().plusSeconds(120));
    }

    @Test
    void rateLimitFault_whenInjected_answers429WithRetryAfter() throws Exception {
        String token = token();
        emulator.inject(Fault.status("identify", 429).times(1));

        HttpResponse<String> response = postJson("/v1/identities/search", "{\"phoneNumber\":\"+447700900001\"}", token);

        assertError(response, 429, "RATE_LIMITED");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }


    @Test
    void adminInspect_whenSampleWasVerified_showsSizeVerdictAndScore() throws Exception {
        String token = token();
        String id = createChallenge(token);
        upload(id, wav(VOICE_A_PASSPHRASE), token);
        get("/v1/challenges/" + id + "/result?waitSeconds=10", token);

        JsonNode seen = JSON.readTree(get("/_emulator/challenges/" + id, null).body());

        assertThat(seen.path("status").asText()).isEqualTo("PASSED");
        assertThat(seen.at("/sample/bytes").asInt()).isEqualTo(wav(VOICE_A_PASSPHRASE).length);
        assertThat(seen.at("/sample/verdict").asText()).isEqualTo("MATCH");
        assertThat(seen.at("/sample/score").asDouble()).isGreaterThan(seen.at("/sample/threshold").asDouble());
        assertThat(seen.at("/sample/speechSeconds").asDouble()).isGreaterThan(1.5);
    }

    @Test
    void adminInspect_whenChallengeIsUnknown_answers404() throws Exception {
        assertThat(get("/_emulator/challenges/ch-nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void adminComplete_whenChatChallengeIsAnsweredInTheApp_isFinal() throws Exception {
        String token = token();
        JsonNode created = JSON.readTree(postJson("/v1/challenges",
                "{\"nomidioId\":\"NID-ENROLLED-B\",\"level\":\"STANDARD\",\"channel\":\"CHAT\",\"contactId\":\"chat-1\"}",
                token).body());
        String id = created.path("challengeId").asText();
        assertError(upload(id, wav(VOICE_A_PASSPHRASE), token), 409, "INVALID_STATE");

        HttpResponse<String> completed = postJson("/_emulator/challenges/" + id + "/complete", "{\"status\":\"PASSED\"}", null);

        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/v1/challenges/" + id + "/result", token).body()).path("status").asText())
                .isEqualTo("PASSED");
    }

    @Test
    void adminSettings_whenFreeTrialLimitIsSwitchedOn_makesIdentifyAnswer402() throws Exception {
        String token = token();

        HttpResponse<String> changed = put("/_emulator/settings", "application/json",
                "{\"freeTrialLimitReached\":true}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(JSON.readTree(changed.body()).path("freeTrialLimitReached").asBoolean()).isTrue();
        assertError(postJson("/v1/identities/search", "{\"phoneNumber\":\"+447700900001\"}", token), 402, "FREE_TRIAL_LIMIT");
    }

    @Test
    void adminFaults_whenKindIsUnknown_answers400() throws Exception {
        assertThat(postJson("/_emulator/faults", "{\"operation\":\"identify\",\"kind\":\"explode\"}", null).statusCode())
                .isEqualTo(400);
        assertThat(postJson("/_emulator/faults", "{\"operation\":\"identify\",\"kind\":\"status\",\"status\":404}", null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void adminIdentities_whenListed_showTheSeed() throws Exception {
        JsonNode identities = JSON.readTree(get("/_emulator/identities", null).body());

        assertThat(identities.size()).isEqualTo(emulator.identities().size()).isGreaterThanOrEqualTo(14);
        assertThat(identities.get(0).path("nomidioId").asText()).isEqualTo("NID-ENROLLED-A");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private String token() throws Exception {
        return JSON.readTree(tokenRequest("client_credentials", config.accessKeyId(), config.accessKeySecret().get()).body())
                .path("access_token").asText();
    }

    private String createChallenge(String token) throws Exception {
        HttpResponse<String> response = postJson("/v1/challenges",
                "{\"nomidioId\":\"NID-ENROLLED-A\",\"level\":\"STANDARD\",\"channel\":\"VOICE\",\"contactId\":\"c-1\"}", token);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).path("challengeId").asText();
    }

    private HttpResponse<String> upload(String challengeId, byte[] wav, String token) throws Exception {
        return put("/v1/challenges/" + challengeId + "/sample", "audio/wav", wav, token);
    }

    private HttpResponse<String> tokenRequest(String grant, String id, String secret) throws IOException, InterruptedException {
        String form = "grant_type=" + grant + "&client_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String body, String token) throws IOException, InterruptedException {
        return http.send(authorised(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String contentType, byte[] body, String token)
            throws IOException, InterruptedException {
        return http.send(authorised(path, token).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(authorised(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorised(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token)
                    .header("X-Supplier-Code", config.supplierCode())
                    .header("X-Enterprise-Code", config.enterpriseCode());
        }
        return builder;
    }

    private URI uri(String path) {
        return URI.create(emulator.baseUri() + path);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }
}
