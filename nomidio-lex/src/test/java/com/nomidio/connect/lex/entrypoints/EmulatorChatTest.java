package com.nomidio.connect.lex.entrypoints;

import static com.nomidio.connect.lex.entrypoints.LexAnswers.assertAwaitingApproval;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.dialogAction;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.message;
import static com.nomidio.connect.lex.entrypoints.LexAnswers.session;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.chat;
import static com.nomidio.connect.lex.entrypoints.LexEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.emulator.GatewayEmulator;
import com.nomidio.connect.emulator.state.Fault;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chat conversations against the gateway emulator (dev-tools/nomidio-emulator): its seeded customer references and
 * numbers, and CHAT challenges the customer completes in the Nomidio app (the emulator's admin API stands in for
 * the app), through the real handler and gateway client.
 */
class EmulatorChatTest {

    @RegisterExtension
    static final NomidioLexHarness harness = new NomidioLexHarness();

    private static GatewayEmulator emulator;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startEmulator() {
        // The harness's credentials, so that its KMS ciphertext decrypts to a secret the emulator accepts.
        emulator = GatewayEmulator.builder()
                .accessKey(GatewayStubs.ACCESS_KEY_ID, GatewayStubs.ACCESS_KEY_SECRET)
                .build().start(0);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void onTheEmulator() {
        emulator.reset();
        harness.rewire(harness.environment(emulator.baseUri().toString()));
    }

    @Test
    void enrolledReference_approvedInTheApp_isAuthenticatedEnrolled() {
        ChatConversation conversation = ChatConversation.start(harness, chat("cust-1001"));
        ObjectNode created = conversation.answer();
        String challengeId = session(created).get("nomidio_challenge_id");

        ObjectNode notYet = conversation.reply("NomidioChallengeDone", "done");
        completeInApp(challengeId, "PASSED");
        ObjectNode answer = conversation.reply("NomidioChallengeDone", "done now");

        assertThat(session(created)).containsEntry("nomidio_status", "ENROLLED").containsEntry("nomidio_id", "NID-ENROLLED-A");
        assertThat(emulator.challenge(challengeId)).isPresent();
        assertAwaitingApproval(notYet);
        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(session(answer)).containsEntry("nomidio_challenge_result", "PASSED")
                .containsEntry("nomidio_authenticated_enrolled", "true")
                .containsEntry("nomidio_voice_auth", "Authenticated");
    }

    @Test
    void enrolledNumber_refusedInTheApp_isNotAuthenticated() {
        ChatConversation conversation = ChatConversation.start(harness, chat("07700 900012"));
        completeInApp(session(conversation.answer()).get("nomidio_challenge_id"), "FAILED");

        ObjectNode answer = conversation.reply("NomidioChallengeDone", "done");

        assertThat(session(answer)).containsEntry("nomidio_id", "NID-ENROLLED-B")
                .containsEntry("nomidio_challenge_result", "FAILED")
                .containsEntry("nomidio_voice_auth", "NotAuthenticated");
    }

    @Test
    void unknownNumber_registering_isSentTheInvitation() {
        ChatConversation conversation = ChatConversation.start(harness, chat("+447700900999"));
        ObjectNode offer = conversation.answer();

        ObjectNode answer = conversation.reply("NomidioRegister", "register");

        assertThat(session(offer)).containsEntry("nomidio_status", "NOT_FOUND");
        assertThat(session(answer)).containsEntry("nomidio_status", "INVITATION_SENT");
    }

    @Test
    void invitedNumber_askingToOptOut_staysInvitedAtTheGateway() {
        ChatConversation conversation = ChatConversation.start(harness, chat("+447700900004"));
        ObjectNode reminder = conversation.answer();

        ObjectNode answer = conversation.reply("NomidioOptOut", "opt out");

        assertThat(session(reminder)).containsEntry("nomidio_status", "INVITED");
        assertThat(message(answer)).startsWith("Opting out of Nomidio is done from your own phone");
        assertThat(session(answer)).containsEntry("nomidio_status", "INVITED");
        // The emulator still has the customer invited: asking again answers INVITED, not OPTED_OUT.
        assertThat(session(harness.invoke(chat("CUST-1004")))).containsEntry("nomidio_status", "INVITED");
    }

    @Test
    void optedOutReference_isToldNothingAboutTheOptOut() {
        ObjectNode answer = harness.invoke(chat("CUST-1007"));

        assertThat(message(answer)).isEqualTo("We cannot confirm your identity by chat right now. We will pass you to"
                + " an agent.");
        assertThat(session(answer)).containsEntry("nomidio_status", "OPTED_OUT");
    }

    @Test
    void gatewayDown_closesNomidioUnavailable() {
        emulator.inject(Fault.status("identify", 503));

        ObjectNode answer = harness.invoke(chat("CUST-1001"));

        assertThat(dialogAction(answer)).isEqualTo("Close");
        assertThat(session(answer)).containsEntry("nomidio_status", "NOMIDIO_UNAVAILABLE");
    }

    @Test
    void sampleVoiceEvent_needsNoGateway() {
        ObjectNode answer = harness.invoke(event("voice-dtmf-register"));

        assertThat(session(answer)).containsEntry("nomidio_lex_choice", "REGISTER");
    }

    private static void completeInApp(String challengeId, String status) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(emulator.baseUri() + "/_emulator/challenges/" + challengeId + "/complete"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("complete in app: %s", response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
