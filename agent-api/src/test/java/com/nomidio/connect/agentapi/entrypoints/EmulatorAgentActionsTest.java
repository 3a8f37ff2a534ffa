package com.nomidio.connect.agentapi.entrypoints;

import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.AGENT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.CONTACT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.INSTANCE_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.OTHER_CONTACT_ID;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.action;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.emulator.GatewayEmulator;
import com.nomidio.connect.emulator.state.Fault;
import com.nomidio.connect.emulator.state.IdentityStore;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.testkit.connect.LocalConnectContacts.Contact;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.time.Deadline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent API against the gateway emulator (dev-tools/nomidio-emulator) rather than stubs: its seeded caller who
 * consented and awaits approval, a HIGH challenge the flow created for a contact (the emulator's admin API completes
 * it, as the Nomidio app would), and the identity's state after each action, as the gateway keeps it.
 */
class EmulatorAgentActionsTest {

    /** The emulator's seeded "consented, awaiting approval" caller. */
    private static final String AWAITING_NUMBER = "+447700900003";
    private static final String AWAITING_ID = "NID-AWAITING-A";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final AgentApiHarness harness = new AgentApiHarness();

    private static GatewayEmulator emulator;

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
        Map<String, String> env = harness.environment();
        env.put(GatewayConfig.GATEWAY_URL, emulator.baseUri().toString());
        harness.rewire(env);
    }

    @Test
    void enrol_afterThisContactsHighChallengePassed_enrolsTheCallerAtTheGateway() {
        String challengeId = passedHighChallengeFor(CONTACT_ID);
        onTheContact(challengeId);

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"ENROL\"}"));

        assertThat(answer.status()).as(answer.response().getBody()).isEqualTo(200);
        assertThat(answer.body().path("nomidioId").asText()).isEqualTo(AWAITING_ID);
        assertThat(answer.attribute(ContactAttribute.STATUS)).isEqualTo("ENROLLED");
        assertThat(identity().status()).isEqualTo(NomidioStatus.ENROLLED);
    }

    @Test
    void enrol_withAHighChallengeAnotherContactPassed_isNotAllowedAndTheCallerStaysAwaitingApproval() {
        onTheContact(passedHighChallengeFor(OTHER_CONTACT_ID));

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"ENROL\"}"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(identity().status()).isEqualTo(NomidioStatus.AWAITING_APPROVAL);
    }

    @Test
    void blockThenUnblock_changeTheCallersStatusAtTheGatewayAndOnTheContact() {
        onTheContact(null);

        AgentApiHarness.Answer blocked = harness.send(action("{\"action\":\"BLOCK\"}"));
        NomidioStatus whileBlocked = identity().status();
        AgentApiHarness.Answer unblocked = harness.send(action("{\"action\":\"UNBLOCK\"}"));

        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.attribute(ContactAttribute.STATUS)).isEqualTo("BLOCKED");
        assertThat(whileBlocked).isEqualTo(NomidioStatus.BLOCKED);
        assertThat(unblocked.attribute(ContactAttribute.STATUS)).isEqualTo("AWAITING_APPROVAL");
        assertThat(identity().status()).isEqualTo(NomidioStatus.AWAITING_APPROVAL);
    }

    @Test
    void setThenClearFraud_flagAndUnflagTheCallerAtTheGateway() {
        onTheContact(null);

        AgentApiHarness.Answer set = harness.send(action("{\"action\":\"SET_FRAUD\"}"));
        FraudFlag whileSet = identity().fraudFlag();
        AgentApiHarness.Answer cleared = harness.send(action("{\"action\":\"CLEAR_FRAUD\"}"));

        assertThat(set.attribute(ContactAttribute.FRAUD_FLAG)).isEqualTo("SUSPECTED_FRAUD");
        assertThat(whileSet).isEqualTo(FraudFlag.SUSPECTED_FRAUD);
        assertThat(cleared.attribute(ContactAttribute.FRAUD_FLAG)).isEmpty();
        assertThat(identity().fraudFlag()).isNull();
        assertThat(harness.contactAttributes()).containsEntry(ContactAttribute.FRAUD_FLAG.key(), "");
    }

    @Test
    void action_whenTheGatewayAnswersServerErrors_isNomidioUnavailable() {
        onTheContact(null);
        emulator.inject(Fault.status(Fault.ANY_OPERATION, 503));

        AgentApiHarness.Answer answer = harness.send(action("{\"action\":\"BLOCK\"}"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(identity().status()).isEqualTo(NomidioStatus.AWAITING_APPROVAL);
    }

    /** What the challenge flow does for {@code contactId}, then the caller passing it in the app. */
    private static String passedHighChallengeFor(String contactId) {
        HttpNomidioGateway gateway = new HttpNomidioGateway(emulator.clientConfig(), Json.mapper());
        String challengeId = gateway.createChallenge(AWAITING_ID, AuthLevel.HIGH, Channel.VOICE, contactId,
                Deadline.after(Duration.ofSeconds(10))).challengeId();
        HttpRequest complete = HttpRequest.newBuilder(
                        URI.create(emulator.baseUri() + "/_emulator/challenges/" + challengeId + "/complete"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + ChallengeStatus.PASSED + "\"}")).build();
        try {
            HttpResponse<String> response = HTTP.send(complete, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return challengeId;
    }

    /** The seeded caller on the sample contact, as the authentication flow leaves it (and its challenge, if any). */
    private static void onTheContact(String challengeId) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ContactAttribute.STATUS.key(), "AWAITING_APPROVAL");
        attributes.put(ContactAttribute.NOMIDIO_ID.key(), AWAITING_ID);
        attributes.put(ContactAttribute.FRAUD_FLAG.key(), "");
        if (challengeId != null) {
            attributes.put(ContactAttribute.CHALLENGE_ID.key(), challengeId);
            attributes.put(ContactAttribute.CHALLENGE_AUTH.key(), "HIGH");
            attributes.put(ContactAttribute.CHALLENGE_RESULT.key(), "PASSED");
        }
        harness.connect.add(Contact.connectedVoice(INSTANCE_ID, CONTACT_ID, AWAITING_NUMBER, AGENT_ID), attributes);
    }

    private static IdentityStore.Listing identity() {
        return emulator.identities().stream().filter(i -> AWAITING_ID.equals(i.nomidioId())).findFirst().orElseThrow();
    }
}
