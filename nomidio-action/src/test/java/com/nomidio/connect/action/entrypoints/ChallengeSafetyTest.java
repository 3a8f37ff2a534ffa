package com.nomidio.connect.action.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CALLER;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.CHALLENGE_ID;
import static com.nomidio.connect.action.entrypoints.NomidioActionHarness.NOMIDIO_ID;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.event;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.withAttribute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What nomidioAction answers so that a flow can never claim more than the caller proved: the authentication level
 * read one way and enforced on the result, the post flow limited to this instance, and a challenge the flow could
 * not run cancelled at the gateway (issue 9, items 4, 5 and 6).
 */
class ChallengeSafetyTest {

    /** The instance of the sample events ({@code $.InstanceARN}). */
    private static final String THIS_INSTANCE =
            "arn:aws:connect:eu-west-2:111122223333:instance/9c2d7e4f-1a3b-4c5d-8e6f-7a8b9c0d1e2f";
    private static final String FLOW_ID = "2b6e1f0a-7c3d-4e5f-9a8b-1c2d3e4f5a6b";
    private static final ObjectMapper JSON = Json.mapper();

    @RegisterExtension
    static final NomidioActionHarness harness = new NomidioActionHarness();

    @BeforeEach
    void stubEnrolledCaller() {
        harness.stubs.identity(CALLER, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID)
                .createChallenge(NOMIDIO_ID, AuthLevel.HIGH, CHALLENGE_ID)
                .cancelChallenge(CHALLENGE_ID, AuthLevel.STANDARD);
    }

    // --- item 4: where the call goes next ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lookup", "createChallenge"})
    void postFlow_whenAnotherInstancesFlowArn_answersTheDefault(String action) {
        String foreign = "arn:aws:connect:eu-west-2:444455556666:instance/0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a"
                + "/contact-flow/" + FLOW_ID;

        Map<String, String> answer = harness.invoke(withAttribute(event(action), "nomidio_post_flow_id", foreign));

        assertThat(answer).containsEntry("nomidio_post_flow_id", "");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not a flow", "arn:aws:connect:eu-west-2:111122223333:instance/9c2d7e4f-1a3b-4c5d-8e6f-7a8b9c0d1e2f/queue/q1",
            "arn:aws:connect:eu-west-2:111122223333:instance/9c2d7e4f-1a3b-4c5d-8e6f-7a8b9c0d1e2f/contact-flow/../x",
            "https://example.com/flow"})
    void postFlow_whenAnArbitraryString_answersTheDefault(String value) {
        Map<String, String> answer = harness.invoke(withAttribute(event("lookup"), "nomidio_post_flow_id", value));

        assertThat(answer).containsEntry("nomidio_post_flow_id", "");
    }

    @Test
    void postFlow_whenABareFlowId_isAccepted() {
        Map<String, String> answer = harness.invoke(withAttribute(event("createChallenge"), "nomidio_post_flow_id", FLOW_ID));

        assertThat(answer).containsEntry("nomidio_post_flow_id", FLOW_ID);
    }

    @Test
    void postFlow_whenAFlowArnOfThisInstance_isAccepted() {
        String ours = THIS_INSTANCE + "/contact-flow/" + FLOW_ID;

        Map<String, String> answer = harness.invoke(withAttribute(event("lookup"), "nomidio_post_flow_id", ours));

        assertThat(answer).containsEntry("nomidio_post_flow_id", ours);
    }

    @Test
    void postFlow_whenTheEventHasNoInstanceArn_acceptsOnlyABareId() {
        ObjectNode event = withAttribute(event("lookup"), "nomidio_post_flow_id", THIS_INSTANCE + "/contact-flow/" + FLOW_ID);
        ConnectEventFixtures.contactData(event).remove("InstanceARN");

        assertThat(harness.invoke(event)).containsEntry("nomidio_post_flow_id", "");
    }

    @Test
    void postFlow_isNotAnsweredByActionsThatStartNoFlow() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);

        Map<String, String> answer = harness.invoke(withAttribute(event("challengeResult"), "nomidio_post_flow_id", FLOW_ID));

        assertThat(answer).doesNotContainKey("nomidio_post_flow_id");
    }

    // --- item 5: auth level -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"HIGH, HIGH", "high, HIGH", "' High ', HIGH", "standard, STANDARD", "HIGHT, HIGH", "voice+face, HIGH",
            "'', STANDARD"})
    void createChallenge_readsTheLevelOneWay_unknownMeansHigh(String attribute, String expected) {
        Map<String, String> answer = harness.invoke(withAttribute(event("createChallenge"), "nomidio_auth_level", attribute));

        assertThat(answer).containsEntry("nomidio_challenge_auth", expected)
                .containsEntry("nomidio_challenge_result", "PENDING");
        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/challenges"))
                .withRequestBody(matchingJsonPath("$.level", equalTo(expected))));
    }

    @Test
    void createChallenge_whenTheGatewayConfirmsALowerLevel_cancelsItAndAnswersError() {
        harness.gateway.stubFor(post(urlPathEqualTo("/v1/challenges")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.level", equalTo("HIGH")))
                .willReturn(created(challenge(CHALLENGE_ID, "PENDING", "STANDARD"))));

        Map<String, String> answer = harness.invoke(withAttribute(event("createChallenge"), "nomidio_auth_level", "HIGH"));

        assertThat(answer).containsEntry("nomidio_status", "ERROR").containsEntry("nomidio_challenge_result", "")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/cancel")));
    }

    @Test
    void createChallenge_whenTheGatewayAnswersANewChallengeAsPassed_answersErrorNotPassed() {
        harness.gateway.stubFor(post(urlPathEqualTo("/v1/challenges")).atPriority(1)
                .willReturn(created(challenge(CHALLENGE_ID, "PASSED", "STANDARD"))));

        Map<String, String> answer = harness.invoke(event("createChallenge"));

        assertThat(answer).containsEntry("nomidio_status", "ERROR").containsEntry("nomidio_challenge_result", "")
                .containsEntry("nomidio_voice_auth", "Inconclusive");
    }

    @Test
    void challengeResult_whenPassedBelowTheConfirmedLevel_isFailed() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);
        ObjectNode event = withAttribute(event("challengeResult"), "nomidio_challenge_auth", "HIGH");

        Map<String, String> answer = harness.invoke(event);

        assertThat(answer).containsEntry("nomidio_challenge_result", "FAILED")
                .containsEntry("nomidio_voice_auth", "NotAuthenticated")
                .containsEntry("nomidio_authenticated_enrolled", "false");
    }

    @Test
    void challengeResult_whenPassedBelowTheRequestedLevel_isFailed() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);
        ObjectNode event = withAttribute(event("challengeResult"), "nomidio_auth_level", "high");

        assertThat(harness.invoke(event)).containsEntry("nomidio_challenge_result", "FAILED");
    }

    @Test
    void challengeResult_whenPassedAtTheLevelAskedFor_isPassed() {
        harness.stubs.challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH);
        ObjectNode event = withAttribute(withAttribute(event("challengeResult"), "nomidio_challenge_auth", "HIGH"),
                "nomidio_auth_level", "HIGH");

        assertThat(harness.invoke(event)).containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_challenge_auth", "HIGH")
                .containsEntry("nomidio_voice_auth", "Authenticated");
    }

    // --- item 6: cancelling a challenge whose capture did not start ---------------------------------------------

    @Test
    void cancelChallenge_tellsTheGatewayStreamErrorAndAnswersTimeout() {
        Map<String, String> answer = harness.invoke(event("cancelChallenge"));

        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/cancel"))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("STREAM_ERROR"))));
        assertThat(answer).containsEntry("nomidio_challenge_result", "TIMEOUT")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_authenticated_enrolled", "false")
                .containsEntry("nomidio_challenge_id", CHALLENGE_ID);
    }

    @Test
    void cancelChallenge_whenTheGatewayIsDown_answersUnavailableAndClaimsNothing() {
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));

        Map<String, String> answer = harness.invoke(event("cancelChallenge"));

        assertThat(answer).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE")
                .containsEntry("nomidio_challenge_result", "")
                .containsEntry("nomidio_voice_auth", "Inconclusive");
    }

    private static ResponseDefinitionBuilder created(String body) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String challenge(String id, String status, String level) {
        return JSON.createObjectNode().put("challengeId", id).put("status", status).put("level", level).toString();
    }
}
