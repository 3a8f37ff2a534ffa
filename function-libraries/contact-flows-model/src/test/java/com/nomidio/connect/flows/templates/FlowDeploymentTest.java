package com.nomidio.connect.flows.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowDeploymentTest {

    @Test
    void renderInDeploymentOrder_whenEachFlowIsPlaced_feedsItsArnToTheFlowsAfterIt() {
        Map<FlowPlaceholder, String> values = new EnumMap<>(FlowPlaceholder.class);
        values.put(FlowPlaceholder.NOMIDIO_ACTION_FUNCTION_ARN, "arn:aws:lambda:eu-west-2:111122223333:function:nomidioAction");
        values.put(FlowPlaceholder.ENTERPRISE_NAME, "Example Bank");
        values.put(FlowPlaceholder.WORKING_QUEUE_ARN, "arn:aws:connect:eu-west-2:111122223333:instance/i/queue/q");
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
                return "arn:flow:" + flow.flow().flowName();
            }
        });

        assertThat(rendering).containsExactlyElementsOf(NomidioFlow.deploymentOrder());
        assertThat(placed).containsExactly(NomidioFlow.POST_FLOW, NomidioFlow.CHALLENGE_FLOW,
                NomidioFlow.AUTHENTICATION_FLOW, NomidioFlow.PRE_FLOW, NomidioFlow.AGENT_CHALLENGE_QUEUE);
        assertThat(deployed).containsEntry(FlowPlaceholder.CHALLENGE_FLOW_ARN, "arn:flow:NOMIDIO-CHALLENGE-FLOW")
                .containsEntry(FlowPlaceholder.AUTHENTICATION_FLOW_ARN, "arn:flow:NOMIDIO-AUTHENTICATION-FLOW")
                .containsEntry(FlowPlaceholder.ENTERPRISE_NAME, "Example Bank");
        assertThat(values).doesNotContainKey(FlowPlaceholder.CHALLENGE_FLOW_ARN);
    }
}
