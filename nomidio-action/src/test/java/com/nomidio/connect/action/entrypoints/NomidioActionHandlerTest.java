package com.nomidio.connect.action.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.event;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withAction;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withAttribute;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withCaller;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withChannel;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withoutAttribute;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withoutAudio;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withoutCustomerEndpoint;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CALLER;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CHALLENGE_ID;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CONTACT_ID;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.NOMIDIO_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** nomidioAction end to end over real HTTP: WireMock as the gateway, KMS and the Lambda Invoke API. */
class NomidioActionHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A contact other than the sample events' one. */
    private static final String OTHER_CONTACT_ID = "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";

    @RegisterExtension
    static final NomidioActionHarness harness = new NomidioActionHarness();

    // --- lookup ------------------------------------------------------------------------------------------------

    @Test
    void lookup_whenCallerEnrolled_answersEnrolledWithIdAndFraudFlag() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, FraudFlag.FRAUD_WARNING);

        Map<String, String> answer = harness.invoke(event("lookup"));

        assertThat(answer).containsExactly(
                entry("nomidio_status", "ENROLLED"),
                entry("nomidio_fraud_flag", "FRAUD_WARNING"),
                entry("nomidio_challenge_auth", ""),
                entry("nomidio_challenge_result", ""),
                entry("nomidio_authenticated_enrolled", "false"),
                entry("nomidio_id", NOMIDIO_ID),
                entry("nomidio_challenge_id", ""),
                entry("nomidio_voice_auth", "Inconclusive"),
                entry("nomidio_post_flow_id", ""));
    }

    @Test
    void lookup_whenCallerUnknown_answersNotFoundAndNotEnrolled() {
        harness.stubs.identity(CALLER, null, NomidioStatus.NOT_FOUND, null);

        Map<String, String> answer = harness.invoke(event("lookup"));

        assertThat(answer).contains(entry("nomidio_status", "NOT_FOUND"), entry("nomidio_id", ""),
                entry("nomidio_fraud_flag", ""), entry("nomidio_voice_auth", "NotEnrolled"));
    }

    @Test
    void lookup_whenCallerOptedOut_answersOptedOutVoiceAuth() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.OPTED_OUT, null);

        assertThat(harness.invoke(event("lookup")))
                .contains(entry("nomidio_status", "OPTED_OUT"), entry("nomidio_voice_auth", "OptedOut"));
    }

    @Test
    void lookup_whenNumberIsNational_sendsE164WithDefaultCountry() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.EXISTS, null);

        Map<String, String> answer = harness.invoke(withCaller(event("lookup"), "07700 900123"));

        assertThat(answer).containsEntry("nomidio_status", "EXISTS");
        harness.gateway.verify(1, postRequestedFor(urlPathEqualTo("/v1/identities/search"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(CALLER))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "anonymous", "Restricted", "Unavailable", "+266696687"})
    void lookup_whenCallerIdWithheld_answersWithheldWithoutCallingGateway(String address) {
        Map<String, String> answer = harness.invoke(withCaller(event("lookup"), address));

        assertThat(answer).contains(entry("nomidio_status", "WITHHELD_NUMBER"), entry("nomidio_id", ""),
                entry("nomidio_voice_auth", "Inconclusive"));
        assertThat(answer).hasSize(9); // the eight outputs and the checked post flow
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
        assertThat(harness.kms.requests()).isEmpty();
    }

    @Test
    void lookup_whenChatContactHasNoNumber_answersIdentificationFailed() {
        ObjectNode chat = withoutCustomerEndpoint(withChannel(event("lookup"), "CHAT"));

        assertThat(harness.invoke(chat)).containsEntry("nomidio_status", "IDENTIFICATION_FAILED");
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void lookup_whenCallerIdIsNotANumber_answersError() {
        Map<String, String> answer = harness.invoke(withCaller(event("lookup"), "sip:alice@example.com"));

        assertThat(answer).contains(entry("nomidio_status", "ERROR"), entry("nomidio_voice_auth", "Inconclusive"));
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void lookup_whenChannelUnsupported_answersError() {
        assertThat(harness.invoke(withChannel(event("lookup"), "TASK"))).containsEntry("nomidio_status", "ERROR");
    }

    @Test
    void lookup_whenGatewayAnswersSlowlyWithinBudget_answersNormally() {
        harness.gateway.stubFor(post(urlPathEqualTo("/v1/identities/search")).atPriority(1)
                .willReturn(okJson(GatewayStubs.identityJson(NOMIDIO_ID, NomidioStatus.ENROLLED, null)).withFixedDelay(700)));

        assertThat(harness.invoke(event("lookup"))).containsEntry("nomidio_status", "ENROLLED");
    }

    @Test
    void lookup_whenGatewayAnswersJustAfterTheHandlersSixAndAHalfSeconds_answersUnavailableWithEveryKey() {
        // 7 s fit in what Lambda says is left (8 s, less the 500 ms margin) but not in Connect's 8 s once the
        // Invoke and a restore are counted: the handler must give up at 6.5 s instead of answering too late.
        // A first call warms the handler (secret decrypted, token cached), so the slow answer has the whole budget.
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        assertThat(harness.invoke(event("lookup"))).containsEntry("nomidio_status", "ENROLLED");
        harness.gateway.stubFor(post(urlPathEqualTo("/v1/identities/search")).atPriority(1)
                .willReturn(okJson(GatewayStubs.identityJson(NOMIDIO_ID, NomidioStatus.ENROLLED, null)).withFixedDelay(7000)));

        Map<String, String> answer = harness.invoke(event("lookup"));

        assertThat(answer).hasSize(9).contains(entry("nomidio_status", "NOMIDIO_UNAVAILABLE"),
                entry("nomidio_voice_auth", "Inconclusive"), entry("nomidio_id", ""));
    }

    @Test
    void lookup_whenInvokedTwice_decryptsSecretAndFetchesTokenOnce() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null);

        harness.invoke(event("lookup"));
        harness.invoke(event("lookup"));

        assertThat(harness.kms.requests()).hasSize(1);
        harness.gateway.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        harness.gateway.verify(2, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
    }

    @Test
    void lookup_whenCredentialsRefused_answersError() {
        harness.gateway.stubFor(post(urlPathEqualTo("/oauth2/token")).atPriority(1)
                .willReturn(GatewayStubs.error(401, "BAD_CREDENTIALS")));

        assertThat(harness.invoke(event("lookup"))).containsEntry("nomidio_status", "ERROR");
    }

    @Test
    void lookup_whenKmsRefusesToDecrypt_answersError() {
        harness.kms.refuseEverything(400, "AccessDeniedException", "not allowed to use the key");

        assertThat(harness.invoke(event("lookup"))).containsEntry("nomidio_status", "ERROR");
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
        // An operator alarms on this: no caller can cause it and every caller suffers it.
        assertThat(harness.metricLines().get(0).path("ConfigurationFailure").asInt()).isEqualTo(1);
    }

    @Test
    void lookup_whenKmsFailsInternally_answersErrorAndCountsAConfigurationFailure() {
        harness.kms.refuseEverything(500, "KMSInternalException", "internal failure");

        assertThat(harness.invoke(event("lookup"))).containsEntry("nomidio_status", "ERROR").hasSize(9);
        assertThat(harness.metricLines().get(0).path("ConfigurationFailure").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lookup", "invite", "optOut", "createChallenge", "challengeResult"})
    void anyGatewayAction_whenFreeTrialLimitReached_answersFreeTrialLimit(String action) {
        harness.stubs.everyCall(GatewayStubs.error(402, "FREE_TRIAL_LIMIT"));

        Map<String, String> answer = harness.invoke(event(action));

        // lookup and createChallenge also answer the checked post flow
        assertThat(answer).containsEntry("nomidio_status", "FREE_TRIAL_LIMIT")
                .hasSize(action.equals("lookup") || action.equals("createChallenge") ? 9 : 8);
    }

    // --- invite and optOut -------------------------------------------------------------------------------------

    @Test
    void invite_whenCallerNotFound_answersInvitationSent() {
        harness.stubs.invite(CALLER);

        Map<String, String> answer = harness.invoke(event("invite"));

        assertThat(answer).contains(entry("nomidio_status", "INVITATION_SENT"), entry("nomidio_voice_auth", "NotEnrolled"));
        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/invitations"))
                .withRequestBody(matchingJsonPath("$.contactId", equalTo(CONTACT_ID))));
    }

    @Test
    void invite_whenInvitationSent_answersInviteSentForTheFlowToKeep() {
        harness.stubs.invite(CALLER);

        assertThat(harness.invoke(event("invite"))).containsEntry("nomidio_invite_sent", "true").hasSize(9);
    }

    @Test
    void invite_whenContactAlreadyInvited_answersInvitationSentWithoutCallingGateway() {
        harness.stubs.invite(CALLER);

        Map<String, String> answer = harness.invoke(withAttribute(event("invite"), "nomidio_invite_sent", "true"));

        // A second SMS on the same contact (re-entering the flow) is what SMS pumping on a spoofed caller id needs.
        assertThat(answer).contains(entry("nomidio_status", "INVITATION_SENT"), entry("nomidio_invite_sent", "true"),
                entry("nomidio_fraud_flag", ""), entry("nomidio_voice_auth", "NotEnrolled"));
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/invitations")));
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invite", "optOut"})
    void inviteOrOptOut_whenGatewayRateLimits_answersRateLimitedBesideUnavailable(String action) {
        harness.stubs.everyCall(GatewayStubs.error(429, "RATE_LIMITED"));

        Map<String, String> answer = harness.invoke(event(action));

        assertThat(answer).contains(entry("nomidio_action_result", "RATE_LIMITED"),
                entry("nomidio_status", "NOMIDIO_UNAVAILABLE"), entry("nomidio_voice_auth", "Inconclusive"))
                .doesNotContainKey("nomidio_invite_sent").hasSize(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invite", "optOut"})
    void inviteOrOptOut_whenGatewayIsDown_answersNoActionResult(String action) {
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));

        assertThat(harness.invoke(event(action))).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE")
                .doesNotContainKey("nomidio_action_result").hasSize(8);
    }

    @Test
    void invite_whenCallerIdWithheld_answersWithheldWithoutCallingGateway() {
        assertThat(harness.invoke(withCaller(event("invite"), "anonymous"))).containsEntry("nomidio_status", "WITHHELD_NUMBER");
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void invite_whenAlreadyInvited_answersError() {
        harness.stubs.everyCall(GatewayStubs.error(409, "INVALID_STATE"));

        assertThat(harness.invoke(event("invite"))).containsEntry("nomidio_status", "ERROR");
    }

    @Test
    void optOut_whenNomidioIdKnown_optsOutByIdAndKeepsIt() {
        harness.stubs.optOut();

        Map<String, String> answer = harness.invoke(event("optOut"));

        assertThat(answer).contains(entry("nomidio_status", "OPTED_OUT"), entry("nomidio_id", NOMIDIO_ID),
                entry("nomidio_voice_auth", "OptedOut"));
        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/opt-outs"))
                .withRequestBody(matchingJsonPath("$.subject.nomidioId", equalTo(NOMIDIO_ID)))
                .withRequestBody(matchingJsonPath("$.contactId", equalTo(CONTACT_ID))));
    }

    @Test
    void optOut_whenNoNomidioId_optsOutByPhoneNumber() {
        harness.stubs.optOut();

        Map<String, String> answer = harness.invoke(withoutAttribute(event("optOut"), "nomidio_id"));

        assertThat(answer).containsEntry("nomidio_status", "OPTED_OUT");
        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/opt-outs"))
                .withRequestBody(matchingJsonPath("$.subject.phoneNumber", equalTo(CALLER))));
    }

    // --- createChallenge ---------------------------------------------------------------------------------------

    @Test
    void createChallenge_whenNoLevelRequested_createsStandardChallenge() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null).createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID);

        Map<String, String> answer = harness.invoke(event("createChallenge"));

        assertThat(answer).containsExactly(
                entry("nomidio_status", "ENROLLED"),
                entry("nomidio_fraud_flag", ""),
                entry("nomidio_challenge_auth", "STANDARD"),
                entry("nomidio_challenge_result", "PENDING"),
                entry("nomidio_authenticated_enrolled", "false"),
                entry("nomidio_id", NOMIDIO_ID),
                entry("nomidio_challenge_id", CHALLENGE_ID),
                entry("nomidio_voice_auth", "Inconclusive"),
                entry("nomidio_post_flow_id", ""));
        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/challenges"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("VOICE")))
                .withRequestBody(matchingJsonPath("$.contactId", equalTo(CONTACT_ID))));
    }

    @Test
    void createChallenge_whenHighLevelRequested_createsHighChallenge() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null).createChallenge(NOMIDIO_ID, AuthLevel.HIGH, CHALLENGE_ID);

        Map<String, String> answer = harness.invoke(withAttribute(event("createChallenge"), "nomidio_auth_level", "HIGH"));

        assertThat(answer).contains(entry("nomidio_challenge_auth", "HIGH"), entry("nomidio_challenge_id", CHALLENGE_ID));
    }

    @Test
    void createChallenge_whenLevelUnknown_createsHighChallenge() {
        // An unknown level errs on the safe side (issue 9): a misspelt HIGH must not become a voice-only check.
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null).createChallenge(NOMIDIO_ID, AuthLevel.HIGH, CHALLENGE_ID);

        Map<String, String> answer = harness.invoke(withAttribute(event("createChallenge"), "nomidio_auth_level", "ULTRA"));

        assertThat(answer).contains(entry("nomidio_challenge_auth", "HIGH"), entry("nomidio_challenge_result", "PENDING"));
    }

    @Test
    void createChallenge_whenChatContactHasNoNomidioId_answersErrorWithoutCallingGateway() {
        Map<String, String> answer = harness.invoke(withChannel(withoutAttribute(event("createChallenge"), "nomidio_id"), "CHAT"));

        assertThat(answer).contains(entry("nomidio_status", "ERROR"), entry("nomidio_challenge_id", ""));
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/challenges")));
    }

    @Test
    void createChallenge_whenAttributesCarrySomebodyElsesNomidioId_challengesTheCallersOwnIdentity() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID);

        Map<String, String> answer = harness.invoke(withAttribute(event("createChallenge"), "nomidio_id", "NMD-VICTIM01"));

        assertThat(answer).contains(entry("nomidio_id", NOMIDIO_ID), entry("nomidio_challenge_id", CHALLENGE_ID));
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/challenges"))
                .withRequestBody(matchingJsonPath("$.nomidioId", equalTo("NMD-VICTIM01"))));
        harness.gateway.verify(1, postRequestedFor(urlPathEqualTo("/v1/challenges"))
                .withRequestBody(matchingJsonPath("$.nomidioId", equalTo(NOMIDIO_ID))));
    }

    @Test
    void createChallenge_whenAttributesForgeEnrolledAndNoFraudFlag_answersWhatTheGatewaySays() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, FraudFlag.SUSPECTED_FRAUD)
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID);
        ObjectNode forged = withAttribute(withAttribute(event("createChallenge"), "nomidio_status", "ENROLLED"),
                "nomidio_fraud_flag", "");

        Map<String, String> answer = harness.invoke(forged);

        assertThat(answer).contains(entry("nomidio_status", "AWAITING_APPROVAL"),
                entry("nomidio_fraud_flag", "SUSPECTED_FRAUD"), entry("nomidio_challenge_result", "PENDING"));
    }

    @Test
    void createChallenge_whenTheCallerIsNotChallengeable_answersItsStatusWithoutAChallenge() {
        // The attributes say ENROLLED with an id; the caller's own number is unknown to Nomidio.
        harness.stubs.identity(CALLER, null, NomidioStatus.NOT_FOUND, null);

        Map<String, String> answer = harness.invoke(event("createChallenge"));

        assertThat(answer).contains(entry("nomidio_status", "NOT_FOUND"), entry("nomidio_id", ""),
                entry("nomidio_challenge_id", ""), entry("nomidio_challenge_result", ""));
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/challenges")));
    }

    @Test
    void createChallenge_whenCallerIdWithheld_answersWithheldWithoutAChallenge() {
        Map<String, String> answer = harness.invoke(withCaller(event("createChallenge"), "anonymous"));

        assertThat(answer).contains(entry("nomidio_status", "WITHHELD_NUMBER"), entry("nomidio_challenge_id", ""));
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    // --- startSampleUpload -------------------------------------------------------------------------------------

    @Test
    void startSampleUpload_invokesSampleUploadAsynchronouslyWithTheRequestRecord() throws Exception {
        long before = System.currentTimeMillis();

        Map<String, String> answer = harness.invoke(event("startSampleUpload"));

        long after = System.currentTimeMillis();
        // No gateway call, so no claim about the caller: the status and flag are not repeated from the attributes.
        assertThat(answer).contains(entry("nomidio_status", ""), entry("nomidio_fraud_flag", ""),
                entry("nomidio_challenge_id", CHALLENGE_ID),
                entry("nomidio_challenge_auth", "STANDARD"), entry("nomidio_challenge_result", "PENDING"));
        List<LoggedRequest> invocations = harness.lambda.findAll(postRequestedFor(urlPathMatching(NomidioActionHarness.INVOKE_PATH))
                .withHeader("X-Amz-Invocation-Type", equalTo("Event")));
        assertThat(invocations).hasSize(1);
        LoggedRequest invocation = invocations.get(0);
        assertThat(URLDecoder.decode(invocation.getUrl(), StandardCharsets.UTF_8))
                .isEqualTo("/2015-03-31/functions/" + NomidioActionHarness.SAMPLE_UPLOAD_FUNCTION + "/invocations");
        JsonNode payload = JSON.readTree(invocation.getBodyAsString());
        long requestedAt = payload.path("requestedAtMillis").asLong();
        assertThat(requestedAt).isBetween(before, after);
        ObjectNode expected = JSON.createObjectNode()
                .put("contactId", CONTACT_ID)
                .put("streamArn", "arn:aws:kinesisvideo:eu-west-2:111122223333:stream/nomidio-connect-nomidio-sample-contact-"
                        + CONTACT_ID + "/1700000000000")
                .put("startFragmentNumber", "91343852333181432392682062607743920146264440130")
                .put("startTimestampMillis", 1700000123456L)
                .put("challengeId", CHALLENGE_ID)
                .put("level", "STANDARD")
                .put("requestedAtMillis", requestedAt);
        assertThat(payload).isEqualTo(expected);
        assertThat(JSON.treeToValue(payload, SampleUploadRequest.class).problem()).isNull();
        // One gateway call: the non-waiting read that checks the challenge is this contact's and identity's.
        harness.gateway.verify(1, getRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/result"))
                .withQueryParam("waitSeconds", equalTo("0")));
        harness.gateway.verify(0, postRequestedFor(urlPathMatching("/v1/.*")));
    }

    @Test
    void startSampleUpload_whenTheChallengeIsAnotherContacts_answersErrorWithoutInvoking() {
        // A challenge id copied from another contact: this caller's audio must not be sent to it.
        harness.stubs.bindChallengesTo(OTHER_CONTACT_ID, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PENDING, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(event("startSampleUpload"));

        assertClaimsNothingAboutSomebodyElsesChallenge(answer);
        harness.lambda.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void startSampleUpload_whenTheChallengeIsAnotherIdentitys_answersErrorWithoutInvoking() {
        Map<String, String> answer = harness.invoke(withAttribute(event("startSampleUpload"), "nomidio_id", "NMD-VICTIM01"));

        assertThat(answer).contains(entry("nomidio_status", "ERROR"), entry("nomidio_challenge_id", ""),
                entry("nomidio_challenge_result", ""));
        harness.lambda.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void startSampleUpload_whenTheGatewayIsDown_answersUnavailableWithoutInvoking() {
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));

        assertThat(harness.invoke(event("startSampleUpload"))).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE")
                .containsEntry("nomidio_challenge_result", "");
        harness.lambda.verify(0, anyRequestedFor(anyUrl()));
    }

    // --- cancelChallenge (see also ChallengeSafetyTest) ----------------------------------------------------------

    @Test
    void cancelChallenge_whenTheChallengeIsAnotherContacts_answersErrorWithoutCancelling() {
        harness.stubs.bindChallengesTo(OTHER_CONTACT_ID, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PENDING, AuthLevel.STANDARD)
                .cancelChallenge(CHALLENGE_ID, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(event("cancelChallenge"));

        assertThat(answer).contains(entry("nomidio_status", "ERROR"), entry("nomidio_challenge_id", ""),
                entry("nomidio_challenge_result", ""), entry("nomidio_voice_auth", "Inconclusive"));
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/cancel")));
    }

    @Test
    void cancelChallenge_whenTheChallengeIsAnotherIdentitys_answersErrorWithoutCancelling() {
        harness.stubs.cancelChallenge(CHALLENGE_ID, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(withAttribute(event("cancelChallenge"), "nomidio_id", "NMD-VICTIM01"));

        assertThat(answer).contains(entry("nomidio_status", "ERROR"), entry("nomidio_challenge_id", ""));
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/cancel")));
    }

    @Test
    void startSampleUpload_whenMediaStreamingNotStarted_answersErrorWithoutInvoking() {
        Map<String, String> answer = harness.invoke(withoutAudio(event("startSampleUpload")));

        assertThat(answer).contains(entry("nomidio_status", "ERROR"), entry("nomidio_challenge_id", CHALLENGE_ID));
        harness.lambda.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void startSampleUpload_whenOnlyTimestampGiven_sendsTimestamp() throws Exception {
        ObjectNode event = event("startSampleUpload");
        ConnectEventFixtures.audio(event).remove("StartFragmentNumber");

        assertThat(harness.invoke(event)).containsEntry("nomidio_challenge_result", "PENDING");
        JsonNode payload = JSON.readTree(harness.lambda.findAll(postRequestedFor(urlPathMatching(NomidioActionHarness.INVOKE_PATH)))
                .get(0).getBodyAsString());
        assertThat(payload.path("startFragmentNumber").isNull()).isTrue();
        assertThat(payload.path("startTimestampMillis").asLong()).isEqualTo(1700000123456L);
    }

    @Test
    void startSampleUpload_whenChallengeIdMissing_answersError() {
        Map<String, String> answer = harness.invoke(withoutAttribute(event("startSampleUpload"), "nomidio_challenge_id"));

        assertThat(answer).containsEntry("nomidio_status", "ERROR");
        harness.lambda.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void startSampleUpload_whenLambdaRefusesTheInvocation_answersError() {
        harness.lambda.stubFor(NomidioActionHarness.invoke().atPriority(1).willReturn(aResponse().withStatus(404)
                .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .withBody("{\"Type\":\"User\",\"message\":\"Function not found\"}")));

        assertThat(harness.invoke(event("startSampleUpload"))).containsEntry("nomidio_status", "ERROR");
    }

    // --- challengeResult ---------------------------------------------------------------------------------------

    @Test
    void challengeResult_whenPassedAndEnrolled_answersAuthenticatedEnrolled() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(event("challengeResult"));

        assertThat(answer).containsExactly(
                entry("nomidio_status", "ENROLLED"),
                entry("nomidio_fraud_flag", ""),
                entry("nomidio_challenge_auth", "STANDARD"),
                entry("nomidio_challenge_result", "PASSED"),
                entry("nomidio_authenticated_enrolled", "true"),
                entry("nomidio_id", NOMIDIO_ID),
                entry("nomidio_challenge_id", CHALLENGE_ID),
                entry("nomidio_voice_auth", "Authenticated"));
    }

    @Test
    void challengeResult_whenHighVoicePassedAndFaceCheckAwaited_answersPendingAndAsksForTheFaceCheck() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PENDING, AuthLevel.HIGH);
        String pending = harness.stubs.bound(GatewayStubs.challengeResultJson(CHALLENGE_ID, ChallengeStatus.PENDING,
                AuthLevel.HIGH, null));
        harness.gateway.stubFor(get(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/result")).atPriority(1)
                .willReturn(okJson(pending.replaceFirst("\\}$", ",\"faceCheckPending\":true}"))));

        Map<String, String> answer = harness.invoke(event("challengeResult"));

        // Issue 12: the flow asks for the face check now; nothing more is claimed than PENDING.
        assertThat(answer).containsEntry("nomidio_challenge_result", "PENDING")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_face_check", "PENDING");
    }

    @Test
    void challengeResult_whenPendingWithoutFaceCheck_answersNoFaceCheckKey() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PENDING, AuthLevel.HIGH);

        Map<String, String> answer = harness.invoke(event("challengeResult"));

        assertThat(answer).containsEntry("nomidio_challenge_result", "PENDING").doesNotContainKey("nomidio_face_check");
    }

    @Test
    void challengeResult_whenPassedButAwaitingApproval_isNotAuthenticatedEnrolled() {
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH);

        Map<String, String> answer = harness.invoke(event("challengeResult"));

        assertThat(answer).contains(entry("nomidio_status", "AWAITING_APPROVAL"),
                entry("nomidio_challenge_result", "PASSED"), entry("nomidio_challenge_auth", "HIGH"),
                entry("nomidio_authenticated_enrolled", "false"), entry("nomidio_voice_auth", "Authenticated"));
    }

    @Test
    void challengeResult_whenAttributesForgeEnrolled_isNotAuthenticatedEnrolled() {
        // The attribute claims ENROLLED; the gateway says the identity awaits approval: authenticated, not enrolled.
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(withAttribute(event("challengeResult"), "nomidio_status", "ENROLLED"));

        assertThat(answer).contains(entry("nomidio_status", "AWAITING_APPROVAL"),
                entry("nomidio_authenticated_enrolled", "false"));
    }

    @Test
    void challengeResult_whenAttributesForgeAClearFraudFlag_answersTheGatewaysFlag() {
        harness.stubs.bindChallengesTo(CONTACT_ID, NOMIDIO_ID, NomidioStatus.ENROLLED, FraudFlag.FRAUD_WARNING)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(withAttribute(event("challengeResult"), "nomidio_fraud_flag", ""));

        assertThat(answer).contains(entry("nomidio_fraud_flag", "FRAUD_WARNING"), entry("nomidio_challenge_result", "PASSED"));
    }

    @Test
    void challengeResult_whenTheChallengeIsAnotherContacts_answersErrorClaimingNothing() {
        // A passed challenge of the same identity, but created in another contact: its id was copied into this one.
        harness.stubs.bindChallengesTo(OTHER_CONTACT_ID, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(event("challengeResult"));

        assertClaimsNothingAboutSomebodyElsesChallenge(answer);
    }

    @Test
    void challengeResult_whenTheChallengeIsAnotherIdentitys_answersErrorClaimingNothing() {
        // This contact's challenge, but the attributes now name somebody else's Nomidio ID.
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(withAttribute(event("challengeResult"), "nomidio_id", "NMD-VICTIM01"));

        assertThat(answer).contains(entry("nomidio_status", "ERROR"), entry("nomidio_challenge_result", ""),
                entry("nomidio_authenticated_enrolled", "false"), entry("nomidio_id", ""));
    }

    @Test
    void challengeResult_whenTheGatewayDoesNotSayWhoseChallengeItIs_answersError() {
        harness.gateway.stubFor(get(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/result")).atPriority(1).willReturn(okJson(
                GatewayStubs.challengeResultJson(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD, null))));

        assertThat(harness.invoke(event("challengeResult")))
                .contains(entry("nomidio_status", "ERROR"), entry("nomidio_challenge_result", ""));
    }

    @Test
    void challengeResult_whenFailed_answersNotAuthenticated() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.FAILED, AuthLevel.STANDARD);

        assertThat(harness.invoke(event("challengeResult"))).contains(entry("nomidio_challenge_result", "FAILED"),
                entry("nomidio_authenticated_enrolled", "false"), entry("nomidio_voice_auth", "NotAuthenticated"));
    }

    @Test
    void challengeResult_whenTimedOut_answersInconclusive() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.TIMEOUT, AuthLevel.STANDARD);

        assertThat(harness.invoke(event("challengeResult"))).contains(entry("nomidio_challenge_result", "TIMEOUT"),
                entry("nomidio_voice_auth", "Inconclusive"));
    }

    @Test
    void challengeResult_whenStillPending_answersPendingAfterLongPollWithinBudget() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PENDING, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(event("challengeResult"), 3000);

        assertThat(answer).contains(entry("nomidio_challenge_result", "PENDING"), entry("nomidio_voice_auth", "Inconclusive"),
                entry("nomidio_challenge_id", CHALLENGE_ID));
        // 3 s left, less the 0.5 s margin and the client's own margin for the answer: a 2 s wait at most.
        harness.gateway.verify(getRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/result"))
                .withQueryParam("waitSeconds", equalTo("1")));
    }

    @Test
    void challengeResult_withConnectsFullBudget_longPollsForFiveSecondsAtMost() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);

        harness.invoke(event("challengeResult"), 900_000);

        // 6.5 s of handler time would allow 6 s; the cap keeps the answer inside Connect's 8 s from the Invoke.
        harness.gateway.verify(getRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/result"))
                .withQueryParam("waitSeconds", equalTo("5")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../v1/blocks", "chl-3f9a1c7e?waitSeconds=20", "chl 3f9a1c7e", "chl-3f9a1c7e/../x"})
    void challengeResult_whenChallengeIdAttributeIsNotAGatewayId_answersErrorWithoutCallingOrEchoingIt(String id) {
        harness.gateway.stubFor(get(urlPathMatching("/v1/.*")).willReturn(okJson(
                GatewayStubs.challengeResultJson(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD, null))));

        Map<String, String> answer = harness.invoke(withAttribute(event("challengeResult"), "nomidio_challenge_id", id));

        assertThat(answer).contains(entry("nomidio_status", "ERROR"), entry("nomidio_challenge_id", ""),
                entry("nomidio_challenge_result", ""));
        harness.gateway.verify(0, getRequestedFor(urlPathMatching("/v1/.*")));
    }

    @Test
    void challengeResult_whenChallengeUnknown_answersError() {
        harness.gateway.stubFor(get(urlPathMatching("/v1/challenges/.*/result")).willReturn(GatewayStubs.error(404, "NOT_FOUND")));

        assertThat(harness.invoke(event("challengeResult"))).containsEntry("nomidio_status", "ERROR");
    }

    // --- bad input and configuration ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "LOOKUP", "delete", "lookup;drop"})
    void anyEvent_whenActionUnknown_answersErrorWithEveryKey(String action) {
        Map<String, String> answer = harness.invoke(withAction(event("lookup"), action));

        assertThat(answer).hasSize(8).contains(entry("nomidio_status", "ERROR"), entry("nomidio_authenticated_enrolled", "false"));
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"Details\": {}}", "[]", "", "{\"Name\":\"ContactFlowEvent\",\"Details\":{\"ContactData\":"})
    void anyPayload_whenNotAConnectEvent_answersErrorWithEveryKey(String payload) {
        Map<String, String> answer = harness.invoke(payload.getBytes(StandardCharsets.UTF_8), NomidioActionHarness.CONNECT_REMAINING_MS);

        assertThat(answer).containsOnlyKeys("nomidio_status", "nomidio_fraud_flag", "nomidio_challenge_auth",
                "nomidio_challenge_result", "nomidio_authenticated_enrolled", "nomidio_id", "nomidio_challenge_id",
                "nomidio_voice_auth");
        assertThat(answer).containsEntry("nomidio_status", "ERROR");
    }

    @Test
    void anyEvent_whenContactIdMissing_answersError() {
        ObjectNode event = event("lookup");
        ConnectEventFixtures.contactData(event).remove("ContactId");

        assertThat(harness.invoke(event)).containsEntry("nomidio_status", "ERROR");
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anyEvent_whenGatewayUrlNotConfigured_answersError() {
        Map<String, String> env = harness.environment();
        env.remove(GatewayConfig.GATEWAY_URL);
        harness.rewire(env);

        assertThat(harness.invoke(event("lookup"))).containsEntry("nomidio_status", "ERROR").hasSize(8);
        assertThat(harness.metricLines().get(0).path("ConfigurationFailure").asInt()).isEqualTo(1);
    }

    /** A setting the action needs is missing: the answer is ERROR, and nothing is called with half a configuration. */
    static Stream<Arguments> missingSettings() {
        Function<NomidioActionHarness, WireMockServer> lambda = h -> h.lambda;
        Function<NomidioActionHarness, WireMockServer> gateway = h -> h.gateway;
        return Stream.of(
                Arguments.of(NomidioActionWiring.SAMPLE_UPLOAD_FUNCTION, "startSampleUpload", lambda),
                Arguments.of(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, "lookup", gateway));
    }

    @ParameterizedTest(name = "{1} without {0}")
    @MethodSource("missingSettings")
    void event_whenASettingItNeedsIsNotConfigured_answersErrorWithoutCallingOut(String setting, String action,
            Function<NomidioActionHarness, WireMockServer> calledOut) {
        Map<String, String> env = harness.environment();
        env.remove(setting);
        harness.rewire(env);

        assertThat(harness.invoke(event(action))).containsEntry("nomidio_status", "ERROR");
        calledOut.apply(harness).verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void lookup_whenPlainSecretUnderSamLocal_usesItWithoutKms() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null);
        Map<String, String> env = harness.environment();
        env.remove(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT);
        env.put(AccessKeySecrets.ACCESS_KEY_SECRET, GatewayStubs.ACCESS_KEY_SECRET);
        env.put(AccessKeySecrets.SAM_LOCAL, "true");
        harness.rewire(env);

        assertThat(harness.invoke(event("lookup"))).containsEntry("nomidio_status", "ENROLLED");
        assertThat(harness.kms.requests()).isEmpty();
    }

    @Test
    void anyEvent_whenPlainSecretOutsideSamLocal_refusesItAndAnswersError() {
        Map<String, String> env = harness.environment();
        env.put(AccessKeySecrets.ACCESS_KEY_SECRET, GatewayStubs.ACCESS_KEY_SECRET);
        env.remove(AccessKeySecrets.SAM_LOCAL);
        harness.rewire(env);

        assertThat(harness.invoke(event("lookup"))).containsEntry("nomidio_status", "ERROR");
        harness.gateway.verify(0, anyRequestedFor(anyUrl()));
        assertThat(harness.kms.requests()).isEmpty();
    }

    // --- metrics -----------------------------------------------------------------------------------------------

    @Test
    void lookup_writesOneEmfLinePerInvocationWithActionAndOutcome() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null);

        harness.invoke(event("lookup"));

        List<ObjectNode> lines = harness.metricLines();
        assertThat(lines).hasSize(1);
        ObjectNode line = lines.get(0);
        assertThat(line.path("action").asText()).isEqualTo("lookup");
        assertThat(line.path("outcome").asText()).isEqualTo("ENROLLED");
        assertThat(line.path("NomidioUnavailable").asInt()).isZero();
        assertThat(line.path("ConfigurationFailure").asInt()).isZero();
        assertThat(line.path("GatewayLatency").isNumber()).isTrue();
        assertThat(line.path("contactId").asText()).isEqualTo(CONTACT_ID);
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("NomidioConnect");
    }

    @Test
    void lookup_whenWithheld_reportsNoGatewayLatency() {
        harness.invoke(withCaller(event("lookup"), "anonymous"));

        ObjectNode line = harness.metricLines().get(0);
        assertThat(line.path("outcome").asText()).isEqualTo("WITHHELD_NUMBER");
        assertThat(line.has("GatewayLatency")).isFalse();
    }

    /** ERROR, every claim empty, and neither id kept: the challenge in the attributes is somebody else's. */
    private static void assertClaimsNothingAboutSomebodyElsesChallenge(Map<String, String> answer) {
        assertThat(answer).containsExactly(
                entry("nomidio_status", "ERROR"),
                entry("nomidio_fraud_flag", ""),
                entry("nomidio_challenge_auth", ""),
                entry("nomidio_challenge_result", ""),
                entry("nomidio_authenticated_enrolled", "false"),
                entry("nomidio_id", ""),
                entry("nomidio_challenge_id", ""),
                entry("nomidio_voice_auth", "Inconclusive"));
    }
}
