package com.nomidio.connect.flows.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.flows.testing.SampleFlowValues;
import com.nomidio.connect.testkit.connect.SampleConnectInstance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowDeploymentTest {

    @Test
    void renderInDeploymentOrder_whenEachFlowIsPlaced_feedsItsArnToTheFlowsAfterIt() {
        Map<FlowPlaceholder, String> values = SampleFlowValues.values();
        values.keySet().removeIf(placeholder -> placeholder.name().endsWith("_FLOW_ARN"));
        List<NomidioFlow> rendering = new ArrayList<>();
        List<NomidioFlow> placed = new ArrayList<>();

        Map<FlowPlaceholder, String> deployed = FlowDeployment.renderInDeploymentOrder(
                InteractionConfiguration.STANDARD_VOICE_AND_CHAT, values, new FlowDeployment.Placement() {
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
        assertThat(NomidioFlow.deploymentOrder(InteractionConfiguration.STANDARD_VOICE_AND_CHAT))
                .containsExactlyElementsOf(NomidioFlow.deploymentOrder());
        assertThat(placed).containsExactly(NomidioFlow.POST_FLOW, NomidioFlow.CHALLENGE_FLOW,
                NomidioFlow.AUTHENTICATION_FLOW, NomidioFlow.LEX_AUTHENTICATION_FLOW, NomidioFlow.PRE_FLOW,
                NomidioFlow.AGENT_CHALLENGE_QUEUE);
        assertThat(deployed).containsEntry(FlowPlaceholder.POST_FLOW_ARN, arnOf(NomidioFlow.POST_FLOW))
                .containsEntry(FlowPlaceholder.CHALLENGE_FLOW_ARN, arnOf(NomidioFlow.CHALLENGE_FLOW))
                .containsEntry(FlowPlaceholder.AUTHENTICATION_FLOW_ARN, arnOf(NomidioFlow.AUTHENTICATION_FLOW))
                .containsEntry(FlowPlaceholder.ENTERPRISE_NAME, "The Test Company");
        assertThat(values).doesNotContainKey(FlowPlaceholder.CHALLENGE_FLOW_ARN);
    }

    /** The guide's step 4: which flows each configuration imports, and where NOMIDIO-PRE-FLOW sends each channel. */
    @ParameterizedTest
    @CsvSource({
            "STANDARD_VOICE_ONLY,     false, AUTHENTICATION_FLOW,     AUTHENTICATION_FLOW",
            "STANDARD_VOICE_AND_CHAT, true,  AUTHENTICATION_FLOW,     LEX_AUTHENTICATION_FLOW",
            "LEX_VOICE_AND_CHAT,      true,  LEX_AUTHENTICATION_FLOW, LEX_AUTHENTICATION_FLOW"})
    void renderInDeploymentOrder_whenConfigured_placesExactlyItsFlowsAndRoutesThePreFlowByChannel(
            InteractionConfiguration configuration, boolean lexFlow, NomidioFlow voice, NomidioFlow chat) {
        List<NomidioFlow> guide = new ArrayList<>(List.of(NomidioFlow.POST_FLOW, NomidioFlow.CHALLENGE_FLOW));
        if (voice == NomidioFlow.AUTHENTICATION_FLOW) {
            guide.add(NomidioFlow.AUTHENTICATION_FLOW);
        }
        if (lexFlow) {
            guide.add(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        }
        guide.addAll(List.of(NomidioFlow.PRE_FLOW, NomidioFlow.AGENT_CHALLENGE_QUEUE));
        Map<FlowPlaceholder, String> values = SampleFlowValues.values();
        values.keySet().removeIf(placeholder -> placeholder.name().endsWith("_FLOW_ARN"));
        if (!lexFlow) {
            values.remove(FlowPlaceholder.LEX_BOT_ALIAS_ARN);
        }
        Map<NomidioFlow, RenderedFlow> placed = new java.util.LinkedHashMap<>();

        FlowDeployment.renderInDeploymentOrder(configuration, values, (flow, report) -> {
            placed.put(flow.flow(), flow);
            return arnOf(flow.flow());
        });

        assertThat(placed.keySet()).containsExactlyElementsOf(guide);
        assertThat(placed.containsKey(NomidioFlow.LEX_AUTHENTICATION_FLOW)).isEqualTo(lexFlow);
        com.nomidio.connect.flows.model.FlowDocument pre = placed.get(NomidioFlow.PRE_FLOW).document();
        assertThat(pre.action("Transfer to authentication").orElseThrow().textParameter("ContactFlowId")).contains(arnOf(voice));
        assertThat(pre.action("Transfer to chat authentication").orElseThrow().textParameter("ContactFlowId")).contains(arnOf(chat));
    }

    @Test
    void renderInDeploymentOrder_whenChatOnWithoutABotAlias_refusesNamingThePlaceholder() {
        Map<FlowPlaceholder, String> values = SampleFlowValues.values();
        values.remove(FlowPlaceholder.LEX_BOT_ALIAS_ARN);

        assertThatThrownBy(() -> FlowDeployment.renderInDeploymentOrder(InteractionConfiguration.STANDARD_VOICE_AND_CHAT,
                values, (flow, report) -> arnOf(flow.flow())))
                .isInstanceOf(UnresolvedPlaceholderException.class)
                .hasMessageContaining(FlowPlaceholder.LEX_BOT_ALIAS_ARN.placeholderName());
    }

    private static String arnOf(NomidioFlow flow) {
        return SampleConnectInstance.flowArn(UUID.nameUUIDFromBytes(flow.flowName().getBytes(StandardCharsets.UTF_8)).toString());
    }
}
