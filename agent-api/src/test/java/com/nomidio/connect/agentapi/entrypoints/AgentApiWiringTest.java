package com.nomidio.connect.agentapi.entrypoints;

import static com.nomidio.connect.agentapi.entrypoints.AgentApiHarness.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.agentapi.adapters.HttpApiEvents;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.testkit.connect.SampleConnectInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentApiWiringTest {

    @RegisterExtension
    static final AgentApiHarness harness = new AgentApiHarness();

    @Test
    void instanceId_whenGivenTheIdOrTheArn_isTheId() {
        assertThat(AgentApiWiring.instanceId(SampleConnectInstance.INSTANCE_ARN)).isEqualTo(SampleConnectInstance.INSTANCE_ID);
        assertThat(AgentApiWiring.instanceId(SampleConnectInstance.INSTANCE_ID)).isEqualTo(SampleConnectInstance.INSTANCE_ID);
        assertThatThrownBy(() -> AgentApiWiring.instanceId("my-instance")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handler_whenTheInstanceIsNotConfigured_answersErrorToEveryRequestWithoutAskingAnything() {
        Map<String, String> env = harness.environment();
        env.remove(AgentApiWiring.CONNECT_INSTANCE_ID);
        harness.rewire(env);

        AgentApiHarness.Answer answer = harness.send(event("read"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.response().getBody()).isEqualTo("{\"error\":\"ERROR\"}");
        assertThat(harness.connect.requests()).isEmpty();
    }

    @Test
    void prime_whenTheBundledRequestIsRead_succeedsWithoutCallingOut() {
        AgentApiHandler handler = new AgentApiHandler(
                AgentApiWiring.fromEnvironment(harness.environment()), new HttpApiEvents(Json.mapper(), null));

        assertThat(handler.prime()).isTrue();
        assertThat(harness.connect.requests()).isEmpty();
        assertThat(harness.kms.requests()).isEmpty();
        assertThat(harness.gateway.getAllServeEvents()).isEmpty();
    }
}
