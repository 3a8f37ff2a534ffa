package com.nomidio.connect.lex.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.contentType;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.assertAwaitingApproval;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.assertClosed;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.dialogAction;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.intentName;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.intentState;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.message;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.session;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.slotToElicit;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.chat;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.event;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.nextTurn;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.with;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.withIntent;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.withPlatform;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.withSession;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.withoutSession;
import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.CHALLENGE_ID;
import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.CUSTOMER;
import static com.nomidio.connect.lex.entrypoints.NomidioLexHarness.NOMIDIO_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.FlowAttributes;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every dialogue path of nomidioLex, through the handler with Lex V2 events (both invocation sources; Text for
 * chat, Speech and DTMF for voice) over the real gateway client against WireMock.
 */
class NomidioLexHandlerTest {

    private static final String[] OUTPUT_KEYS = FlowAttributes.OUTPUTS.stream().map(ContactAttribute::key)
            .toArray(String[]::new);

    @RegisterExtension
    static final NomidioLexHarness harness = new NomidioLexHarness();

    // --- chat: identification ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"DialogCodeHook", "FulfillmentCodeHook"})
    void chat_whenAMobileNumberIsTyped_identifiesByTheNormalisedNumber(String invocationSource) {
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null);

        ObjectNode answer = harness.invoke(with(chat("07700 900123"), "invocationSource", invocationSource));

        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/identities/search"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(CUSTOMER))));
        assertThat(dialogAction(answer)).isEqualTo("ElicitIntent");
        assertThat(message(answer)).contains("reply 1 or \"register\"");
        assertThat(contentType(answer)).isEqualTo("PlainText");
        assertThat(session(answer)).containsKeys(OUTPUT_KEYS)
                .containsEntry("nomidio_status", "NOT_FOUND")
                .containsEntry("nomidio_voice_auth", "NotEnrolled")
                .containsEntry("nomidio_lex_stage", "OFFER")
                .containsEntry("nomidio_lex_phone", CUSTOMER);
    }

    @Test
    void chat_whenTheNumberIsInTheIdentifierSlot_usesTheSlotRatherThanTheWholeInput() {
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null);

        ObjectNode answer = harness.invoke(with(event("chat-identify"), "inputTranscript", "my number is 07700 900123"));

        assertThat(session(answer)).containsEntry("nomidio_status", "NOT_FOUND");
    }

    @Test
    void chat_whenACustomerReferenceIsTyped_identifiesByTheReference() {
        harness.stubs.identityByReference("CUST-1004", null, NomidioStatus.INVITED);

        ObjectNode answer = harness.invoke(chat(" CUST-1004 "));

        // Nothing to offer by reference: no number to invite, and no opt-out for a typed identity.
        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(message(answer)).isEqualTo("Your Nomidio registration is not complete yet: please finish it in the"
                + " Nomidio app. We will pass you to an agent.");
        assertThat(session(answer)).containsEntry("nomidio_status", "INVITED")
                .containsEntry("nomidio_lex_stage", "DONE")
                .doesNotContainKeys("nomidio_lex_phone", "nomidio_lex_reference");
    }

    @Test
    void chat_whenNothingIsTypedYet_asksForTheIdentifierWithoutUsingAnAttempt() {
        ObjectNode answer = harness.invoke(chat(""));

        assertThat(dialogAction(answer)).isEqualTo("ElicitSlot");
        assertThat(slotToElicit(answer)).isEqualTo("customerIdentifier");
        assertThat(intentName(answer)).isEqualTo("NomidioIdentify");
        assertThat(message(answer)).contains("mobile number or the customer reference");
        assertThat(session(answer)).containsEntry("nomidio_status", "IDENTIFICATION_FAILED")
                .doesNotContainKey("nomidio_lex_attempts");
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
    }

    @Test
    void chat_whenThreeAttemptsFail_closesWithIdentificationFailed() {
        harness.stubs.identityByReference("CUST-0000", null, NomidioStatus.NOT_FOUND);
        ChatConversation conversation = ChatConversation.start(harness, chat("hello there!"));
        ObjectNode firstAnswer = conversation.answer();
        ObjectNode secondAnswer = conversation.reply("NomidioIdentify", "CUST-0000");
        ObjectNode thirdAnswer = conversation.reply("FallbackIntent", "I don't know");

        assertThat(dialogAction(firstAnswer)).isEqualTo("ElicitSlot");
        assertThat(message(firstAnswer)).startsWith("Sorry, that does not look like");
        assertThat(session(firstAnswer)).containsEntry("nomidio_lex_attempts", "1");
        assertThat(dialogAction(secondAnswer)).isEqualTo("ElicitSlot");
        assertThat(message(secondAnswer)).startsWith("Sorry, we could not find that customer reference");
        assertThat(session(secondAnswer)).containsEntry("nomidio_lex_attempts", "2");
        assertThat(intentState(thirdAnswer)).isEqualTo("Fulfilled");
        assertClosed(thirdAnswer, "FallbackIntent", "Sorry, we could not identify you. We will pass you to an agent.")
                .containsEntry("nomidio_status", "IDENTIFICATION_FAILED")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_lex_stage", "DONE")
                .doesNotContainKeys("nomidio_lex_attempts", "nomidio_lex_phone", "nomidio_lex_reference");
    }

    // --- chat: the status journey --------------------------------------------------------------------------

    @Test
    void chatOffer_whenTheCustomerRegisters_sendsTheInvitationToTheirNumber() {
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null).invite(CUSTOMER);
        ObjectNode first = chat("+44 7700 900123");
        ObjectNode offer = harness.invoke(first);

        ObjectNode answer = harness.invoke(nextTurn(first, offer, "NomidioRegister", "yes please"));

        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/invitations"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(CUSTOMER)))
                .withRequestBody(matchingJsonPath("$.contactId", equalTo(LexEventFixtures.CONTACT_ID))));
        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(intentState(answer)).isEqualTo("Fulfilled");
        assertThat(message(answer)).startsWith("We have sent you a text message");
        assertThat(session(answer)).containsEntry("nomidio_status", "INVITATION_SENT")
                .containsEntry("nomidio_lex_stage", "DONE")
                .doesNotContainKey("nomidio_lex_phone");
    }

    @ParameterizedTest
    @CsvSource({"NomidioOptOut, whatever", "FallbackIntent, 2", "FallbackIntent, Opt out."})
    void chatOffer_whenTheCustomerAsksToOptOut_optsNobodyOutAndSaysWhereTheOwnerCan(String intent, String typed) {
        // Anyone can type someone else's number: a typed identity is never opted out.
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null).optOut();
        ObjectNode first = chat("07700900123");
        ObjectNode offer = harness.invoke(first);

        ObjectNode answer = harness.invoke(nextTurn(first, offer, intent, typed));

        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/opt-outs")));
        assertThat(message(offer)).doesNotContainIgnoringCase("opt out");
        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(message(answer)).isEqualTo("Opting out of Nomidio is done from your own phone, when you call us,"
                + " or in the Nomidio app. We will pass you to an agent.");
        assertThat(session(answer)).containsEntry("nomidio_status", "NOT_FOUND")
                .containsEntry("nomidio_voice_auth", "NotEnrolled")
                .containsEntry("nomidio_authenticated_enrolled", "false");
    }

    @Test
    void chat_whenAnExistingIdIsIdentifiedByReference_pointsToTheAppAndCloses() {
        harness.stubs.identityByReference("CUST-1006", "NID-EXISTS", NomidioStatus.EXISTS).optOut();

        ObjectNode answer = harness.invoke(chat("CUST-1006"));

        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(message(answer)).contains("using the Nomidio app").doesNotContain("reply 1")
                .doesNotContainIgnoringCase("opt out");
        assertThat(session(answer)).containsEntry("nomidio_status", "EXISTS").containsEntry("nomidio_id", "NID-EXISTS");
        harness.gateway.verify(0, postRequestedFor(urlPathMatching("/v1/(invitations|opt-outs)")));
    }

    @Test
    void chatOffer_whenTheSessionHasNoNumberAndTheCustomerRegisters_explainsThatAnInvitationNeedsAMobileNumber() {
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null);
        ObjectNode first = chat("07700900123");
        ObjectNode offer = harness.invoke(first);
        ObjectNode next = nextTurn(first, offer, "NomidioRegister", "register");
        ((ObjectNode) next.path("sessionState").path("sessionAttributes")).remove("nomidio_lex_phone");

        ObjectNode answer = harness.invoke(next);

        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/invitations")));
        assertThat(message(answer)).startsWith("We can only send an invitation to a mobile number");
        assertThat(session(answer)).containsEntry("nomidio_status", "NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "not now", "what is this?"})
    void chatOffer_whenTheCustomerDeclinesOrSaysAnythingElse_carriesOnWithTheirStatus(String typed) {
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null);
        ObjectNode first = chat("07700900123");
        ObjectNode offer = harness.invoke(first);

        ObjectNode answer = harness.invoke(nextTurn(first, offer, "FallbackIntent", typed));

        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(message(answer)).isEqualTo("Thank you. We will pass you to an agent.");
        assertThat(session(answer)).containsEntry("nomidio_status", "NOT_FOUND");
        harness.gateway.verify(0, postRequestedFor(urlPathMatching("/v1/(invitations|opt-outs)")));
    }

    @ParameterizedTest
    @EnumSource(value = NomidioStatus.class, names = {"INVITED", "PENDING", "INVITATION_SENT"})
    void chatReminder_whenRegistrationIsIncomplete_offersTheInvitationAgain(NomidioStatus status) {
        harness.stubs.identity(CUSTOMER, null, status, null).invite(CUSTOMER);
        ObjectNode first = chat("07700900123");
        ObjectNode reminder = harness.invoke(first);

        ObjectNode answer = harness.invoke(nextTurn(first, reminder, "FallbackIntent", "1"));

        assertThat(message(reminder)).startsWith("Your Nomidio registration is not complete yet.");
        assertThat(session(reminder)).containsEntry("nomidio_status", status.name())
                .containsEntry("nomidio_lex_stage", "REMINDER");
        assertThat(session(answer)).containsEntry("nomidio_status", "INVITATION_SENT");
    }

    @ParameterizedTest
    @CsvSource({"TAC_EXPIRED, NotEnrolled", "OPTED_OUT, OptedOut", "BLOCKED, Inconclusive",
            "FREE_TRIAL_LIMIT, Inconclusive"})
    void chat_whenTheStatusWouldTellSomethingAboutTheTypedNumber_closesWithOneNeutralMessageKeepingTheStatusForTheAgent(
            NomidioStatus status, String voiceAuth) {
        harness.stubs.identity(CUSTOMER, "NID-1", status, FraudFlag.FRAUD_WARNING);

        ObjectNode answer = harness.invoke(chat("07700900123"));

        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(intentState(answer)).isEqualTo("Fulfilled");
        assertThat(message(answer)).isEqualTo("We cannot confirm your identity by chat right now. We will pass you to"
                + " an agent.");
        assertThat(session(answer)).containsEntry("nomidio_status", status.name())
                .containsEntry("nomidio_voice_auth", voiceAuth)
                .containsEntry("nomidio_fraud_flag", "FRAUD_WARNING")
                .containsEntry("nomidio_id", "NID-1")
                .containsEntry("nomidio_challenge_result", "")
                .containsEntry("nomidio_authenticated_enrolled", "false");
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/challenges")));
    }

    // --- chat: the challenge in the app --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"DialogCodeHook", "FulfillmentCodeHook"})
    void chatChallenge_whenApprovedInTheApp_closesPassedAndAuthenticatedEnrolled(String invocationSource) {
        harness.stubs.identity(CUSTOMER, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.STANDARD);
        ObjectNode first = chat("07700900123");
        ObjectNode created = harness.invoke(first);

        ObjectNode answer = harness.invoke(with(nextTurn(first, created, "NomidioChallengeDone", "done"),
                "invocationSource", invocationSource));

        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/challenges"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("CHAT")))
                .withRequestBody(matchingJsonPath("$.contactId", equalTo(LexEventFixtures.CONTACT_ID))));
        assertThat(dialogAction(created)).isEqualTo("ElicitIntent");
        assertThat(message(created)).contains("approve it there, then reply \"done\"");
        assertThat(session(created)).containsEntry("nomidio_challenge_id", CHALLENGE_ID)
                .containsEntry("nomidio_challenge_result", "PENDING")
                .containsEntry("nomidio_challenge_auth", "STANDARD")
                .containsEntry("nomidio_lex_stage", "CHALLENGE");
        harness.gateway.verify(getRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/result"))
                .withQueryParam("waitSeconds", equalTo("2")));
        assertClosed(answer, "NomidioChallengeDone",
                "Thank you. Your identity has been confirmed. We will pass you to an agent.")
                .containsEntry("nomidio_status", "ENROLLED")
                .containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_authenticated_enrolled", "true")
                .containsEntry("nomidio_voice_auth", "Authenticated")
                .containsEntry("nomidio_id", NOMIDIO_ID)
                .doesNotContainKeys("nomidio_lex_phone", "nomidio_lex_checks");
    }

    @Test
    void chatChallenge_whenTacWarn_challengesWithoutTellingWhoeverTypedTheNumberAboutTheTerms() {
        harness.stubs.identity(CUSTOMER, NOMIDIO_ID, NomidioStatus.TAC_WARN, null)
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID);

        ObjectNode answer = harness.invoke(chat("07700900123"));

        assertThat(message(answer)).startsWith("To confirm your identity, we have sent a request to your Nomidio app")
                .doesNotContain("terms");
        assertThat(session(answer)).containsEntry("nomidio_status", "TAC_WARN")
                .containsEntry("nomidio_challenge_result", "PENDING")
                .containsEntry("nomidio_authenticated_enrolled", "false");
    }

    @Test
    void chatChallenge_whenAwaitingApprovalPasses_isNotAuthenticatedEnrolled() {
        harness.stubs.identity(CUSTOMER, NOMIDIO_ID, NomidioStatus.AWAITING_APPROVAL, null)
                .createChallenge(NOMIDIO_ID, AuthLevel.HIGH, CHALLENGE_ID)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PASSED, AuthLevel.HIGH);
        ObjectNode first = withSession(chat("07700900123"), Map.of("nomidio_auth_level", "high"));
        ObjectNode created = harness.invoke(first);

        ObjectNode answer = harness.invoke(nextTurn(first, created, "NomidioChallengeDone", "done"));

        assertThat(session(answer)).containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_challenge_auth", "HIGH")
                .containsEntry("nomidio_authenticated_enrolled", "false");
    }

    @Test
    void chatChallenge_whenStillPendingAfterThreeChecks_closesTimeout() {
        harness.stubs.identity(CUSTOMER, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .createChallenge(NOMIDIO_ID, AuthLevel.STANDARD, CHALLENGE_ID)
                .challengeResult(CHALLENGE_ID, ChallengeStatus.PENDING, AuthLevel.STANDARD);
        ChatConversation conversation = ChatConversation.start(harness, chat("07700900123"));

        ObjectNode firstCheck = conversation.reply("NomidioChallengeDone", "done");
        ObjectNode secondCheck = conversation.reply("FallbackIntent", "ok I did it");
        ObjectNode thirdCheck = conversation.reply("NomidioChallengeDone", "done");

        assertAwaitingApproval(firstCheck).containsEntry("nomidio_lex_checks", "1")
                .containsEntry("nomidio_challenge_result", "PENDING");
        assertThat(session(secondCheck)).containsEntry("nomidio_lex_checks", "2");
        assertThat(dialogAction(thirdCheck)).isEqualTo("Close");
        assertThat(message(thirdCheck)).startsWith("Sorry, we could not complete the identity check");
        assertThat(session(thirdCheck)).containsEntry("nomidio_challenge_result", "TIMEOUT")
                .containsEntry("nomidio_voice_auth", "Inconclusive")
                .containsEntry("nomidio_authenticated_enrolled", "false");
    }

    @Test
    void chatChallenge_whenRefusedInTheApp_closesFailed() {
        ObjectNode answer = harness.invoke(challengeCheck(ChallengeStatus.FAILED, AuthLevel.STANDARD, Map.of()));

        assertThat(message(answer)).isEqualTo("Sorry, we could not confirm your identity. We will pass you to an agent.");
        assertThat(session(answer)).containsEntry("nomidio_challenge_result", "FAILED")
                .containsEntry("nomidio_voice_auth", "NotAuthenticated");
    }

    @Test
    void chatChallenge_whenPassedBelowTheLevelAskedFor_closesFailed() {
        ObjectNode answer = harness.invoke(challengeCheck(ChallengeStatus.PASSED, AuthLevel.STANDARD,
                Map.of("nomidio_auth_level", "HIGH")));

        assertThat(session(answer)).containsEntry("nomidio_challenge_result", "FAILED")
                .containsEntry("nomidio_authenticated_enrolled", "false");
    }

    @Test
    void chatChallenge_whenTheGatewayCreatesAWeakerChallenge_cancelsItAndClosesError() {
        harness.stubs.identity(CUSTOMER, NOMIDIO_ID, NomidioStatus.ENROLLED, null)
                .cancelChallenge(CHALLENGE_ID, AuthLevel.STANDARD);
        harness.gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/challenges"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"challengeId\":\"" + CHALLENGE_ID + "\",\"status\":\"PENDING\",\"level\":\"STANDARD\"}")));

        ObjectNode answer = harness.invoke(withSession(chat("07700900123"), Map.of("nomidio_auth_level", "HIGHT")));

        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/challenges"))
                .withRequestBody(matchingJsonPath("$.level", equalTo("HIGH"))));
        harness.gateway.verify(postRequestedFor(urlPathEqualTo("/v1/challenges/" + CHALLENGE_ID + "/cancel")));
        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(intentState(answer)).isEqualTo("Failed");
        assertThat(session(answer)).containsEntry("nomidio_status", "ERROR").containsEntry("nomidio_challenge_id", "");
    }

    @Test
    void chatChallenge_whenTheGatewayFailsDuringACheck_asksAgainAndCountsTheCheck() {
        harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));

        ObjectNode answer = harness.invoke(challengeCheck(null, AuthLevel.STANDARD, Map.of()));

        assertThat(dialogAction(answer)).isEqualTo("ElicitIntent");
        assertThat(message(answer)).startsWith("Sorry, we could not check just now.");
        assertThat(session(answer)).containsEntry("nomidio_lex_checks", "1")
                .containsEntry("nomidio_challenge_result", "PENDING")
                .containsEntry("nomidio_challenge_id", CHALLENGE_ID);
    }

    @Test
    void chatChallenge_whenTheSessionLostTheChallengeId_closesErrorWithAMessage() {
        ObjectNode event = withoutSession(event("chat-challenge-done"), "nomidio_challenge_id");

        ObjectNode answer = harness.invoke(event);

        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(intentState(answer)).isEqualTo("Failed");
        assertThat(message(answer)).startsWith("Sorry, something went wrong");
        assertThat(session(answer)).containsEntry("nomidio_status", "ERROR").containsEntry("nomidio_id", NOMIDIO_ID);
        harness.gateway.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void chat_whenTheConversationClosedBefore_startsAgain() {
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null);
        ObjectNode event = withSession(chat("07700900123"), Map.of("nomidio_lex_stage", "DONE",
                "nomidio_lex_attempts", "2", "nomidio_status", "IDENTIFICATION_FAILED"));

        ObjectNode answer = harness.invoke(event);

        assertThat(session(answer)).containsEntry("nomidio_status", "NOT_FOUND").doesNotContainKey("nomidio_lex_attempts");
    }

    // --- faults ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"503, SERVER_ERROR, NOMIDIO_UNAVAILABLE, Fulfilled", "429, RATE_LIMITED, NOMIDIO_UNAVAILABLE, Fulfilled",
            "402, FREE_TRIAL_LIMIT, FREE_TRIAL_LIMIT, Fulfilled", "400, INVALID_REQUEST, ERROR, Failed"})
    void chat_whenTheGatewayFails_closesWithTheStatusAndMovesOnToAnAgent(int httpStatus, String code, String status,
                                                                       String intentState) {
        harness.stubs.everyCall(GatewayStubs.error(httpStatus, code));

        ObjectNode answer = harness.invoke(chat("07700900123"));

        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(intentState(answer)).isEqualTo(intentState);
        assertThat(message(answer)).endsWith("We will pass you to an agent.");
        assertThat(session(answer)).containsEntry("nomidio_status", status).containsKeys(OUTPUT_KEYS);
    }

    @Test
    void chat_whenTheGatewayIsUnreachable_closesNomidioUnavailable() {
        Map<String, String> env = harness.environment(closedPortUrl());
        harness.rewire(env);

        ObjectNode answer = harness.invoke(chat("07700900123"));

        assertThat(session(answer)).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE");
        assertThat(message(answer)).isEqualTo("We cannot confirm your identity with Nomidio right now. We will pass you to an agent.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{}", "[]", "null"})
    void handleRequest_whenThePayloadIsNotALexEvent_closesFailedWithError(String payload) {
        ObjectNode answer = harness.invoke(payload.getBytes(StandardCharsets.UTF_8));

        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(intentName(answer)).isEqualTo("FallbackIntent");
        assertThat(intentState(answer)).isEqualTo("Failed");
        assertThat(message(answer)).startsWith("Sorry, something went wrong");
        assertThat(session(answer)).containsEntry("nomidio_status", "ERROR").containsKeys(OUTPUT_KEYS);
    }

    @ParameterizedTest
    @CsvSource({"invocationSource, Unknown", "inputMode, Braille", "sessionId, ''"})
    void handleRequest_whenAFieldIsInvalid_closesFailedWithError(String field, String value) {
        ObjectNode answer = harness.invoke(with(chat("07700900123"), field, value));

        assertThat(intentState(answer)).isEqualTo("Failed");
        assertThat(session(answer)).containsEntry("nomidio_status", "ERROR");
        harness.gateway.verify(0, postRequestedFor(urlPathEqualTo("/v1/identities/search")));
    }

    @Test
    void handleRequest_whenUnconfigured_closesFailedWithError() {
        Map<String, String> env = harness.environment(harness.gateway.baseUrl());
        env.remove(GatewayConfig.GATEWAY_URL);
        harness.rewire(env);

        ObjectNode answer = harness.invoke(event("chat-identify"));

        assertThat(intentName(answer)).isEqualTo("NomidioIdentify");
        assertThat(intentState(answer)).isEqualTo("Failed");
        assertThat(session(answer)).containsEntry("nomidio_status", "ERROR");
    }

    // --- voice (Lex Voice + Chat) --------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "Speech, FulfillmentCodeHook, NomidioRegister, yes, REGISTER",
            "Speech, DialogCodeHook, FallbackIntent, opt out, OPT_OUT",
            "Speech, DialogCodeHook, NomidioDecline, no thanks, CONTINUE",
            "DTMF, DialogCodeHook, FallbackIntent, 1, REGISTER",
            "DTMF, FulfillmentCodeHook, FallbackIntent, 2, OPT_OUT",
            "DTMF, DialogCodeHook, FallbackIntent, 3, CONTINUE"})
    void voice_whenTheCallerChooses_closesWithTheChoiceForTheFlowAndCallsNoGateway(String inputMode, String source,
                                                                                 String intent, String said,
                                                                                 String choice) {
        ObjectNode event = withIntent(event("voice-speech-opt-out"), intent);
        with(with(with(event, "inputMode", inputMode), "invocationSource", source), "inputTranscript", said);

        ObjectNode answer = harness.invoke(event);

        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(intentName(answer)).isEqualTo(intent);
        assertThat(intentState(answer)).isEqualTo("Fulfilled");
        assertThat(message(answer)).isNull();
        assertThat(session(answer)).containsEntry("nomidio_lex_choice", choice)
                .containsEntry("nomidio_status", "NOT_FOUND")
                .doesNotContainKey("nomidio_voice_auth");
        harness.gateway.verify(0, postRequestedFor(urlPathMatching("/.*")));
    }

    @Test
    void voice_whenTheChoiceIsNotUnderstoodTwice_asksOnceThenContinues() {
        ObjectNode first = with(event("voice-dtmf-register"), "inputTranscript", "9");

        ObjectNode again = harness.invoke(first);
        ObjectNode answer = harness.invoke(nextTurn(first, again, "FallbackIntent", "mumble"));

        assertThat(dialogAction(again)).isEqualTo("ElicitIntent");
        assertThat(message(again)).startsWith("Sorry, I did not catch that.");
        assertThat(session(again)).containsEntry("nomidio_lex_attempts", "1").doesNotContainKey("nomidio_lex_choice");
        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(session(answer)).containsEntry("nomidio_lex_choice", "CONTINUE")
                .doesNotContainKey("nomidio_lex_attempts");
    }

    @Test
    void voice_whenConnectSaysVoiceButTheInputIsText_isStillTheMenu() {
        ObjectNode event = with(event("voice-speech-opt-out"), "inputMode", "Text");

        ObjectNode answer = harness.invoke(event);

        assertThat(session(answer)).containsEntry("nomidio_lex_choice", "OPT_OUT");
    }

    @Test
    void chat_whenConnectChatSendsSpeechLikeInput_isStillTheChatJourney() {
        harness.stubs.identity(CUSTOMER, null, NomidioStatus.NOT_FOUND, null);
        ObjectNode event = withPlatform(with(chat("07700900123"), "inputMode", "Speech"), "Connect Chat");

        ObjectNode answer = harness.invoke(event);

        assertThat(session(answer)).containsEntry("nomidio_status", "NOT_FOUND").doesNotContainKey("nomidio_lex_choice");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A chat turn in the CHALLENGE stage whose check answers {@code result} (null: no stub, the test stubs). */
    private static ObjectNode challengeCheck(ChallengeStatus result, AuthLevel level, Map<String, String> session) {
        if (result != null) {
            harness.stubs.challengeResult(CHALLENGE_ID, result, level);
        }
        return withSession(event("chat-challenge-done"), session);
    }

    private static String closedPortUrl() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
