package com.nomidio.connect.flows.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nomidio.connect.flows.model.FlowDocument;
import com.nomidio.connect.flows.testing.SampleFlowValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowRendererTest {

    @Test
    void render_whenEnterpriseNameHasQuotesAndAmpersand_staysValidJsonAndSaysTheName() {
        Map<FlowPlaceholder, String> values = SampleFlowValues.values();
        values.put(FlowPlaceholder.ENTERPRISE_NAME, "Smith & \"Sons\" <Bank>");

        FlowDocument pre = FlowRenderer.render(NomidioFlow.PRE_FLOW, values).document();

        assertThat(pre.action("Welcome message").orElseThrow().textParameter("Text"))
                .contains("Welcome to Smith & \"Sons\" <Bank>.");
    }

    @Test
    void render_whenValueGoesIntoSsml_escapesItForXml() throws Exception {
        String template;
        try (var in = getClass().getClassLoader().getResourceAsStream("templates/ssml-welcome.json")) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        String rendered = FlowRenderer.render("t", template, Map.of("EnterpriseName", "A & B <C>"));

        assertThat(rendered).contains("<speak>Welcome to A &amp; B &lt;C&gt;</speak>");
    }

    @Test
    void render_whenPlaceholderHasNoValue_namesIt() {
        Map<FlowPlaceholder, String> values = SampleFlowValues.values();
        values.remove(FlowPlaceholder.CHALLENGE_FLOW_ARN);

        assertThatThrownBy(() -> FlowRenderer.render(NomidioFlow.AUTHENTICATION_FLOW, values))
                .isInstanceOf(UnresolvedPlaceholderException.class)
                .hasMessageContaining("NOMIDIO-AUTHENTICATION-FLOW")
                .hasMessageContaining("[ChallengeFlowArn]");
    }

    @Test
    void render_whenAllValuesGiven_leavesNoPlaceholderAndKeepsConnectJsonPaths() {
        String content = FlowRenderer.render(NomidioFlow.AUTHENTICATION_FLOW, SampleFlowValues.values()).content();

        assertThat(content).doesNotContain("${").contains("$.External.nomidio_status")
                .contains(SampleFlowValues.NOMIDIO_ACTION_ALIAS_ARN);
    }
}
