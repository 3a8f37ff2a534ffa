package com.nomidio.connect.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.time.MutableClock;
import com.nomidio.connect.time.Deadline;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpNomidioGatewayTest {

    private static final String NUMBER = "+447700900123";

    private WireMockServer server;
    private GatewayStubs stubs;
    private MutableClock clock;
    private HttpNomidioGateway gateway;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        stubs = new GatewayStubs(server).token();
        clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        GatewayConfig config = new GatewayConfig(URI.create(stubs.baseUrl()), GatewayStubs.SUPPLIER_CODE,
                GatewayStubs.ENTERPRISE_CODE, GatewayStubs.ACCESS_KEY_ID, () -> GatewayStubs.ACCESS_KEY_SECRET, null);
        gateway = new HttpNomidioGateway(config, new ObjectMapper(), HttpClient.newHttpClient(), clock);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /**
     * The deadline of a test that is not about deadlines: generous, so that a cold WireMock's first answer on a busy
     * machine (seconds, at a load average of 12) is never cut short into DEADLINE_EXCEEDED.
     */
    private static Deadline ample() {
        return Deadline.after(Duration.ofSeconds(30));
    }

    @Test
    void identify_whenNumberKnown_returnsIdentityWithFlag() {
        stubs.identity(NUMBER, "NID-1", NomidioStatus.ENROLLED, FraudFlag.FRAUD_WARNING);

        Identity identity = gateway.identify(Subject.phone(NUMBER), ample());

        assertThat(identity).isEqualTo(new Identity("NID-1", NomidioStatus.ENROLLED, FraudFlag.FRAUD_WARNING));
    }

    @Test
    void identify_whenNumberUnknown_returnsNotFoundWithoutId() {
        stubs.identity(NUMBER, null, NomidioStatus.NOT_FOUND, null);

        Identity identity = gateway.identify(Subject.phone(NUMBER), ample());

        assertThat(identity.status()).isEqualTo(NomidioStatus.NOT_FOUND);
        assertThat(identity.nomidioId()).isNull();
        assertThat(identity.fraudFlag()).isNull();
    }

    @Test
    void identify_whenCustomerReference_sendsOnlyTheReference() {
        stubs.identityByReference("CUST-77", "NID-7", NomidioStatus.TAC_WARN);

        assertThat(gateway.identify(Subject.customerReference("CUST-77"), ample()).status())
                .isEqualTo(NomidioStatus.TAC_WARN);
        server.verify(postRequestedFor(urlPathEqualTo("/v1/identities/search"))
                .withRequestBody(equalToJson("{\"customerReference\":\"CUST-77\"}")));
    }

    @Test
    void token_whenCallsRepeat_isFetchedOnceAndSentWithSecret() {
        stubs.identity(NUMBER, "NID-1", NomidioStatus.ENROLLED, null);

        for (int i = 0; i < 3; i++) {
            gateway.identify(Subject.phone(NUMBER), ample());
        }

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=" + GatewayStubs.ACCESS_KEY_ID
                        + "&client_secret=" + GatewayStubs.ACCESS_KEY_SECRET)));
    }

    @Test
    void token_whenCloseToExpiry_isRefreshedBeforeUse() {
        stubs.identity(NUMBER, "NID-1", NomidioStatus.ENROLLED, null);
        gateway.identify(Subject.phone(NUMBER), ample());

        clock.advance(Duration.ofSeconds(3600).minus(TokenCache.REFRESH_MARGIN).minusSeconds(1));
        gateway.identify(Subject.phone(NUMBER), ample());
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));

        clock.advance(Duration.ofSeconds(2));
        gateway.identify(Subject.phone(NUMBER), ample());
        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void token_whenExpiresInIsTiny_isKeptForAMinuteAtLeast() {
        server.resetAll();
        stubs.token(1);
        stubs.identity(NUMBER, "NID-1", NomidioStatus.ENROLLED, null);

        gateway.identify(Subject.phone(NUMBER), ample());
        clock.advance(Duration.ofSeconds(20));
        gateway.identify(Subject.phone(NUMBER), ample());

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void token_whenExpiresInIsDays_isRefreshedWithinTheHour() {
        server.resetAll();
        stubs.token(10 * 24 * 3600);
        stubs.identity(NUMBER, "NID-1", NomidioStatus.ENROLLED, null);

        gateway.identify(Subject.phone(NUMBER), ample());
        clock.advance(Duration.ofMinutes(61));
        gateway.identify(Subject.phone(NUMBER), ample());

        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void identify_whenAnswerBodyIsLargerThan64KiB_isMalformedWithTheReason() {
        String padding = "x".repeat(HttpNomidioGateway.MAX_BODY_BYTES);
        server.stubFor(post(urlPathEqualTo("/v1/identities/search"))
                .willReturn(okJson("{\"status\":\"ENROLLED\",\"nomidioId\":\"NID-1\",\"padding\":\"" + padding + "\"}")));

        assertThatThrownBy(() -> gateway.identify(Subject.phone(NUMBER), ample()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(GatewayError.MALFORMED_RESPONSE);
                    assertThat(e.getMessage()).contains("larger than " + HttpNomidioGateway.MAX_BODY_BYTES);
                });
    }

    @ParameterizedTest
    @CsvSource({"'../../v1/blocks'", "'NID 1'", "'NID-1\nforged: yes'", "'+447700900123'"})
    void identify_whenAnswerCarriesAnIdOutsideThePattern_isMalformed(String nomidioId) {
        server.stubFor(post(urlPathEqualTo("/v1/identities/search"))
                .willReturn(okJson(GatewayStubs.identityJson(nomidioId, NomidioStatus.ENROLLED, null))));

        assertThatThrownBy(() -> gateway.identify(Subject.phone(NUMBER), ample()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.MALFORMED_RESPONSE));
    }

    @ParameterizedTest
    @CsvSource({"'../identities/NID-1'", "'chl 1'", "'chl-1?waitSeconds=20'", "''"})
    void challengeResult_whenChallengeIdIsNotAGatewayId_failsWithoutCalling(String challengeId) {
        assertThatThrownBy(() -> gateway.challengeResult(challengeId, Duration.ZERO, ample()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_REQUEST));
        server.verify(0, getRequestedFor(urlPathMatching("/v1/challenges/.*")));
    }

    @Test
    void identify_whenRateLimitedWithARetryAfterThatFits_waitsAndTriesOnceMore() {
        server.stubFor(post(urlPathEqualTo("/v1/identities/search")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GatewayStubs.error(429, "RATE_LIMITED").withHeader("Retry-After", "1")).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo("/v1/identities/search")).inScenario("limited")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(GatewayStubs.identityJson("NID-1", NomidioStatus.EXISTS, null))));

        assertThat(gateway.identify(Subject.phone(NUMBER), ample()).status()).isEqualTo(NomidioStatus.EXISTS);
        server.verify(2, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
    }

    @Test
    void invite_whenRetryAfterDoesNotFitTheDeadline_givesUpAtOnce() {
        stubs.everyCall(GatewayStubs.error(429, "RATE_LIMITED").withHeader("Retry-After", "30"));

        assertThatThrownBy(() -> gateway.invite(NUMBER, "contact-1", Deadline.after(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.RATE_LIMITED));
        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/invitations")));
    }

    @Test
    void identify_whenStillRateLimitedAfterRetryAfter_givesUpAfterOneMoreTry() {
        stubs.everyCall(GatewayStubs.error(429, "RATE_LIMITED").withHeader("Retry-After", "0"));

        assertThatThrownBy(() -> gateway.identify(Subject.phone(NUMBER), ample()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.RATE_LIMITED));
        server.verify(2, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
    }

    @Test
    void call_whenTokenRejected_authenticatesAgainOnce() {
        server.stubFor(post(urlPathEqualTo("/v1/identities/search")).inScenario("rotated")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GatewayStubs.error(401, "BAD_CREDENTIALS")).willSetStateTo("fresh"));
        server.stubFor(post(urlPathEqualTo("/v1/identities/search")).inScenario("rotated")
                .whenScenarioStateIs("fresh")
                .willReturn(okJson(GatewayStubs.identityJson("NID-1", NomidioStatus.ENROLLED, null))));

        assertThat(gateway.identify(Subject.phone(NUMBER), ample()).status()).isEqualTo(NomidioStatus.ENROLLED);
        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void token_whenCredentialsRefused_failsWithBadCredentials() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(GatewayStubs.error(401, "BAD_CREDENTIALS")));

        assertThatThrownBy(() -> gateway.identify(Subject.phone(NUMBER), ample()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(GatewayError.BAD_CREDENTIALS);
                    assertThat(e.getMessage()).doesNotContain(GatewayStubs.ACCESS_KEY_SECRET);
                });
    }

    @ParameterizedTest
    @CsvSource({
            "400, INVALID_REQUEST, INVALID_REQUEST",
            "402, FREE_TRIAL_LIMIT, FREE_TRIAL_LIMIT",
            "404, NOT_FOUND, NOT_FOUND",
            "409, INVALID_STATE, INVALID_STATE",
            "429, RATE_LIMITED, RATE_LIMITED",
            "500, SERVER_ERROR, SERVER_ERROR",
            "503, , SERVER_ERROR",
            "403, FREE_TRIAL_LIMIT, FREE_TRIAL_LIMIT",
            "418, , MALFORMED_RESPONSE"})
    void invite_whenGatewayAnswersError_throwsTypedError(int status, String code, GatewayError expected) {
        stubs.everyCall(code == null ? aResponse().withStatus(status) : GatewayStubs.error(status, code));

        assertThatThrownBy(() -> gateway.invite(NUMBER, "contact-1", ample()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(expected));
        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/invitations")));
    }

    @Test
    void identify_whenServerErrorOnce_retriesAndSucceeds() {
        server.stubFor(post(urlPathEqualTo("/v1/identities/search")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GatewayStubs.error(503, "SERVER_ERROR")).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo("/v1/identities/search")).inScenario("flaky")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(GatewayStubs.identityJson("NID-1", NomidioStatus.EXISTS, null))));

        assertThat(gateway.identify(Subject.phone(NUMBER), ample()).status()).isEqualTo(NomidioStatus.EXISTS);
        server.verify(2, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
    }

    @Test
    void createChallenge_whenServerError_isNotRetried() {
        stubs.everyCall(GatewayStubs.error(500, "SERVER_ERROR"));

        assertThatThrownBy(() -> gateway.createChallenge("NID-1", AuthLevel.HIGH, Channel.VOICE, "c-1", ample()))
                .isInstanceOf(GatewayException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/challenges")));
    }

    @Test
    void identify_whenGatewaySlowerThanDeadline_givesUpByTheDeadline() {
        // The gateway would answer (ENROLLED) after 60 s: DEADLINE_EXCEEDED instead shows the client stopped waiting
        // at its 400 ms deadline rather than at the answer. No stopwatch: on a loaded machine any bound on how long
        // the giving up took is a guess (it failed beside another build).
        stubs.everyCall(okJson(GatewayStubs.identityJson("NID-1", NomidioStatus.ENROLLED, null)).withFixedDelay(60_000));

        assertThatThrownBy(() -> gateway.identify(Subject.phone(NUMBER), Deadline.after(Duration.ofMillis(400))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.DEADLINE_EXCEEDED));
    }

    @Test
    void identify_whenConnectionRefused_isUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GatewayConfig config = new GatewayConfig(URI.create("http://127.0.0.1:" + closedPort), "S", "E", "K",
                () -> "secret", Duration.ofMillis(500));
        HttpNomidioGateway unreachable = new HttpNomidioGateway(config, new ObjectMapper());

        assertThatThrownBy(() -> unreachable.identify(Subject.phone(NUMBER), ample()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(GatewayError.UNAVAILABLE);
                    assertThat(e.error().isServiceFault()).isTrue();
                });
    }

    @Test
    void identify_whenConnectionReset_isUnavailable() {
        stubs.everyCall(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatThrownBy(() -> gateway.identify(Subject.phone(NUMBER), ample()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.UNAVAILABLE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all",
            "{\"status\":\"SOMETHING_NEW\"}",
            "{\"nomidioId\":\"NID-1\"}",
            "null"})
    void identify_whenAnswerBreaksContract_isMalformed(String body) {
        stubs.everyCall(okJson(body));

        assertThatThrownBy(() -> gateway.identify(Subject.phone(NUMBER), ample()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.MALFORMED_RESPONSE));
    }

    @Test
    void challengeResult_whenDeadlineShort_cutsTheLongPollToFit() {
        stubs.challengeResult("ch-1", ChallengeStatus.PASSED, AuthLevel.STANDARD);

        assertThat(gateway.challengeResult("ch-1", Duration.ofSeconds(10), Deadline.after(Duration.ofMillis(3800))).status())
                .isEqualTo(ChallengeStatus.PASSED);
        // 10 s asked, 3.8 s left less the 0.5 s margin: at most 3 s. Exactly 3 only if the token fetch before it took
        // under 300 ms, which a cold WireMock on a busy machine does not promise; the cut is what is under test.
        String waitSeconds = server.findAll(getRequestedFor(urlPathEqualTo("/v1/challenges/ch-1/result"))).getFirst()
                .queryParameter("waitSeconds").firstValue();
        assertThat(Integer.parseInt(waitSeconds)).isBetween(0, 3);
    }

    @Test
    void challengeResult_whenPending_returnsPending() {
        server.stubFor(get(urlPathEqualTo("/v1/challenges/ch-2/result")).willReturn(okJson(
                GatewayStubs.challengeResultJson("ch-2", ChallengeStatus.PENDING, AuthLevel.HIGH, null))));

        assertThat(gateway.challengeResult("ch-2", Duration.ofSeconds(2), ample()).status())
                .isEqualTo(ChallengeStatus.PENDING);
        server.verify(getRequestedFor(urlPathEqualTo("/v1/challenges/ch-2/result"))
                .withQueryParam("waitSeconds", equalTo("2")));
    }

    @Test
    void uploadSample_sendsTheWavBytesAsAudioWav() {
        stubs.uploadSample("ch-3");
        byte[] wav = {'R', 'I', 'F', 'F', 1, 2, 3, 4};

        gateway.uploadSample("ch-3", wav, ample());

        server.verify(putRequestedFor(urlPathEqualTo("/v1/challenges/ch-3/sample"))
                .withHeader("Content-Type", equalTo("audio/wav"))
                .withRequestBody(binaryEqualTo(wav)));
    }

    @Test
    void cancelChallenge_sendsTheReasonAndReturnsTimeout() {
        stubs.cancelChallenge("ch-4", AuthLevel.STANDARD);

        assertThat(gateway.cancelChallenge("ch-4", CancelReason.INSUFFICIENT_AUDIO, ample()).status())
                .isEqualTo(ChallengeStatus.TIMEOUT);
        server.verify(postRequestedFor(urlPathEqualTo("/v1/challenges/ch-4/cancel"))
                .withRequestBody(equalToJson("{\"reason\":\"INSUFFICIENT_AUDIO\"}")));
    }

    @Test
    void createChallenge_sendsLevelChannelAndContact() {
        stubs.createChallenge("NID-9", AuthLevel.HIGH, "ch-5");

        assertThat(gateway.createChallenge("NID-9", AuthLevel.HIGH, Channel.VOICE, "contact-9", ample()).challengeId())
                .isEqualTo("ch-5");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/challenges")).withRequestBody(equalToJson(
                "{\"nomidioId\":\"NID-9\",\"level\":\"HIGH\",\"channel\":\"VOICE\",\"contactId\":\"contact-9\"}")));
    }

    @Test
    void setFraudFlag_whenCleared_sendsExplicitNull() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/v1/fraud-flags"))
                .willReturn(okJson(GatewayStubs.identityJson("NID-1", NomidioStatus.ENROLLED, null))));

        assertThat(gateway.setFraudFlag(Subject.nomidioId("NID-1"), false, ample()).fraudFlag()).isNull();
        server.verify(putRequestedFor(urlPathEqualTo("/v1/fraud-flags")).withRequestBody(
                equalToJson("{\"subject\":{\"nomidioId\":\"NID-1\"},\"fraudFlag\":null}")));
    }

    @Test
    void enrolAndBlock_followTheContractPaths() {
        server.stubFor(post(urlPathEqualTo("/v1/identities/NID-1/enrolment"))
                .willReturn(okJson(GatewayStubs.identityJson("NID-1", NomidioStatus.ENROLLED, null))));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/v1/blocks"))
                .willReturn(okJson(GatewayStubs.identityJson("NID-1", NomidioStatus.BLOCKED, null))));

        assertThat(gateway.enrol("NID-1", "ch-high", ample()).status()).isEqualTo(NomidioStatus.ENROLLED);
        assertThat(gateway.setBlocked(NUMBER, true, ample()).status()).isEqualTo(NomidioStatus.BLOCKED);
        server.verify(putRequestedFor(urlPathEqualTo("/v1/blocks"))
                .withRequestBody(equalToJson("{\"phoneNumber\":\"" + NUMBER + "\",\"blocked\":true}")));
    }

    /**
     * No function calls these yet: the softphone's agent API will. Each is called here over HTTP so that the
     * client keeps following the contract until then.
     */
    @Test
    void agentApiOperations_whenCalled_eachSendsTheContractRequest() {
        server.stubFor(post(urlPathEqualTo("/v1/identities/NID-2/enrolment"))
                .willReturn(okJson(GatewayStubs.identityJson("NID-2", NomidioStatus.ENROLLED, null))));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/v1/blocks"))
                .willReturn(okJson(GatewayStubs.identityJson("NID-2", NomidioStatus.ENROLLED, null))));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/v1/fraud-flags"))
                .willReturn(okJson(GatewayStubs.identityJson("NID-2", NomidioStatus.ENROLLED, FraudFlag.SUSPECTED_FRAUD))));

        assertThat(gateway.enrol("NID-2", "ch-7", ample()).nomidioId()).isEqualTo("NID-2");
        assertThat(gateway.setBlocked(NUMBER, false, ample()).status()).isEqualTo(NomidioStatus.ENROLLED);
        assertThat(gateway.setFraudFlag(Subject.phone(NUMBER), true, ample()).fraudFlag())
                .isEqualTo(FraudFlag.SUSPECTED_FRAUD);

        server.verify(postRequestedFor(urlPathEqualTo("/v1/identities/NID-2/enrolment"))
                .withRequestBody(equalToJson("{\"challengeId\":\"ch-7\"}")));
        server.verify(putRequestedFor(urlPathEqualTo("/v1/blocks"))
                .withRequestBody(equalToJson("{\"phoneNumber\":\"" + NUMBER + "\",\"blocked\":false}")));
        server.verify(putRequestedFor(urlPathEqualTo("/v1/fraud-flags")).withRequestBody(equalToJson(
                "{\"subject\":{\"phoneNumber\":\"" + NUMBER + "\"},\"fraudFlag\":\"SUSPECTED_FRAUD\"}")));
    }

    @Test
    void call_whenDeadlineAlreadyPassed_failsWithoutCalling() {
        Deadline past = Deadline.after(Duration.ZERO);

        assertThatThrownBy(() -> gateway.identify(Subject.phone(NUMBER), past))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.DEADLINE_EXCEEDED));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void afterRestore_whenTheRefillHasFetchedTheToken_identifySendsOnlyTheIdentifyRequest() throws Exception {
        stubs.identity(NUMBER, "NID-1", NomidioStatus.ENROLLED, null);
        HttpNomidioGateway restored = SnapStartPriming.initialise(this::gatewayWithCountedSecret);
        SnapStartPriming hook = SnapStartPriming.unregistered("test", Map.of(), env -> { });

        hook.afterRestore(null);

        assertThat(hook.lastRefill().get(30, TimeUnit.SECONDS).failures()).isEmpty();
        assertThat(secretReads).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        assertThat(restored.identify(Subject.phone(NUMBER), ample()).status()).isEqualTo(NomidioStatus.ENROLLED);
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
        assertThat(secretReads).isEqualTo(1);
    }

    @Test
    void identify_whenARefillStillWaitsForTheToken_givesUpByItsOwnDeadline() {
        // The token endpoint answers after a minute: the refill holds the token cache for its whole budget (6 s).
        // An identify on a 400 ms deadline must not wait for that: DEADLINE_EXCEEDED (answered NOMIDIO_UNAVAILABLE),
        // not a token, and no identify request. No stopwatch (see identify_whenGatewaySlowerThanDeadline_...).
        stubs.identity(NUMBER, "NID-1", NomidioStatus.ENROLLED, null);
        server.stubFor(post(urlPathEqualTo("/oauth2/token")).atPriority(1)
                .willReturn(okJson("{\"access_token\":\"late\",\"expires_in\":3600}").withFixedDelay(60_000)));
        HttpNomidioGateway restored = SnapStartPriming.initialise(this::gatewayWithCountedSecret);
        SnapStartPriming hook = SnapStartPriming.unregistered("test", Map.of(), env -> { });
        hook.afterRestore(null);
        // The refill has asked for the token (it holds the cache's lock from before that request until its answer).
        await(() -> !server.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))).isEmpty());

        assertThatThrownBy(() -> restored.identify(Subject.phone(NUMBER), Deadline.after(Duration.ofMillis(400))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.DEADLINE_EXCEEDED));
        server.verify(0, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
    }

    private volatile int secretReads;

    private HttpNomidioGateway gatewayWithCountedSecret() {
        GatewayConfig config = new GatewayConfig(URI.create(stubs.baseUrl()), GatewayStubs.SUPPLIER_CODE,
                GatewayStubs.ENTERPRISE_CODE, GatewayStubs.ACCESS_KEY_ID, () -> {
                    secretReads++;
                    return GatewayStubs.ACCESS_KEY_SECRET;
                }, null);
        return new HttpNomidioGateway(config, new ObjectMapper(), HttpClient.newHttpClient(), clock);
    }

    /** Polls {@code condition} until it holds (a background thread's progress), failing after 30 s. */
    private static void await(java.util.function.BooleanSupplier condition) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the condition never held");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
