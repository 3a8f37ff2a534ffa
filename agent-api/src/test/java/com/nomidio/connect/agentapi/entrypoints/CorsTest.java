package com.nomidio.connect.agentapi.entrypoints;

import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.SOFTPHONE_ORIGIN;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.event;
import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.agentapi.adapters.HttpApiEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CORS for the softphone's origin only. The HTTP API answers preflights itself (its CorsConfiguration, same origin,
 * methods and headers as {@link HttpApiEvents}); the function stays consistent for a preflight that reaches it.
 */
class CorsTest {

    @RegisterExtension
    static final AgentApiHarness harness = new AgentApiHarness();

    @Test
    void answer_whenTheSoftphoneAsks_allowsItsOriginOnly() {
        AgentApiHarness.Answer answer = harness.send(event("read"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers())
                .containsEntry("Access-Control-Allow-Origin", SOFTPHONE_ORIGIN)
                .containsEntry("Vary", "Origin")
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Cache-Control", "no-store")
                .doesNotContainKey("Access-Control-Allow-Credentials");
    }

    @Test
    void answer_whenAnotherOriginAsks_carriesNoAllowOrigin() {
        AgentApiHarness.Answer answer = harness.send(withHeader(event("read"), "origin", "https://evil.example"));

        assertThat(answer.headers()).doesNotContainKey("Access-Control-Allow-Origin").containsEntry("Vary", "Origin");
    }

    @Test
    void preflight_fromTheSoftphone_allowsTheContractsMethodsAndHeaders() {
        AgentApiHarness.Answer answer = harness.send(event("preflight"));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.headers())
                .containsEntry("Access-Control-Allow-Origin", SOFTPHONE_ORIGIN)
                .containsEntry("Access-Control-Allow-Methods", "GET,POST,OPTIONS")
                .containsEntry("Access-Control-Allow-Headers", "authorization,content-type,x-nomidio-agent-arn");
        assertThat(harness.connect.requests()).as("a preflight asks Connect nothing").isEmpty();
    }

    @Test
    void preflight_fromAnotherOrigin_isForbidden() {
        AgentApiHarness.Answer answer = harness.send(withHeader(event("preflight"), "origin", "https://evil.example"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.headers()).doesNotContainKey("Access-Control-Allow-Origin");
    }
}
