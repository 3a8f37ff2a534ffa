package com.nomidio.connect.flows.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.flows.testing.SampleFlowValues;
import com.nomidio.connect.testkit.connect.SampleConnectInstance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlowDeploymentTest {

    @Test
    void renderInDeploymentOrder_whenEachFlowIsPlaced_feedsItsArnToTheFlowsAfterIt() {
        Map<FlowPlaceholder, String> values = SampleFlowValues.values();
        values.keySet().removeIf(placeholder -> placeholder.name().endsWith("_FLOW_ARN"));
        List<NomidioFlow> rendering = new ArrayList<>();
        List<NomidioFlow> placed = new ArrayList<>();

        Map<FlowPlaceholder, String> deployed = FlowDeployment.renderInDeploymentOrder(values, new FlowDeployment.Placement() {
            @Override
            public void rendering(NomidioFlow flow) {
                rendering.add(flow);
            }

            @Override
            public String place(RenderedFlow flow, com.nomidio.connect.flows.validation.ValidationReport report) {
                placed.add(flow.flow());
                return arnOf(flow.flow());
            }
        });

        assertThat(rendering).containsExactlyElementsOf(NomidioFlow.deploymentOrder());
        assertThat(placed).containsExactly(NomidioFlow.POST_FLOW, NomidioFlow.CHALLENGE_FLOW,
                NomidioFlow.AUTHENTICATION_FLOW, NomidioFlow.PRE_FLOW, NomidioFlow.AGENT_CHALLENGE_QUEUE);
        assertThat(deployed).containsEntry(FlowPlaceholder.POST_FLOW_ARN, arnOf(NomidioFlow.POST_FLOW))
                .containsEntry(FlowPlaceholder.CHALLENGE_FLOW_ARN, arnOf(NomidioFlow.CHALLENGE_FLOW))
                .containsEntry(FlowPlaceholder.AUTHENTICATION_FLOW_ARN, arnOf(NomidioFlow.AUTHENTICATION_FLOW))
                .containsEntry(FlowPlaceholder.ENTERPRISE_NAME, "The Test Company");
        assertThat(values).doesNotContainKey(FlowPlaceholder.CHALLENGE_FLOW_ARN);
    }

    private static String arnOf(NomidioFlow flow) {
        return SampleConnectInstance.flowArn(UUID.nameUUIDFromBytes(flow.flowName().getBytes(StandardCharsets.UTF_8)).toString());
    }
}
