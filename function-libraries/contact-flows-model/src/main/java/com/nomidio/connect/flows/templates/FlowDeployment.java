package com.nomidio.connect.flows.templates;

import com.nomidio.connect.flows.validation.FlowValidator;
import com.nomidio.connect.flows.validation.ValidationReport;
import java.util.EnumMap;
import java.util.Map;

/**
 * Renders the Nomidio flows as they are deployed: in {@link NomidioFlow#deploymentOrder()}, each checked by
 * {@link FlowValidator#forNomidioFlows()}, each flow's ARN (given by whoever places the flow) becoming a value for
 * the flows after it. deploymentHelper places them in a Connect instance; the contact simulator in its simulated
 * one — so the simulator plays the flows exactly as they are deployed.
 */
public final class FlowDeployment {

    /** Where each rendered flow goes. */
    public interface Placement {

        /** Called before {@code flow} is rendered (for progress reporting). */
        default void rendering(NomidioFlow flow) {
        }

        /** Places the rendered, valid flow and returns its ARN. */
        String place(RenderedFlow flow, ValidationReport report);
    }

    private FlowDeployment() {
    }

    /**
     * Renders and places the flows {@code configuration} needs ({@link NomidioFlow#deploymentOrder(InteractionConfiguration)}).
     * Where NOMIDIO-PRE-FLOW sends each channel is filled in here, from the configuration, once the flow it names
     * is placed: the deployment decides it, not the contact.
     *
     * @param values the placeholder values known before any flow exists (function ARN, enterprise name, queue,
     *               and the bot alias ARN when chat is on)
     * @return those values plus every placed flow's ARN
     * @throws com.nomidio.connect.flows.validation.InvalidFlowException when a rendered flow fails validation
     * @throws UnresolvedPlaceholderException when a template needs a value nobody gave (e.g. no bot alias ARN
     *                                        for a configuration with chat)
     */
    public static Map<FlowPlaceholder, String> renderInDeploymentOrder(InteractionConfiguration configuration,
            Map<FlowPlaceholder, String> values, Placement placement) {
        Map<FlowPlaceholder, String> known = new EnumMap<>(FlowPlaceholder.class);
        known.putAll(values);
        // Routing is the configuration's alone: a value given for these is ignored, not trusted.
        known.remove(FlowPlaceholder.VOICE_AUTHENTICATION_FLOW_ARN);
        known.remove(FlowPlaceholder.CHAT_AUTHENTICATION_FLOW_ARN);
        FlowValidator validator = FlowValidator.forNomidioFlows();
        for (NomidioFlow flow : NomidioFlow.deploymentOrder(configuration)) {
            if (flow == NomidioFlow.PRE_FLOW) {
                route(known, FlowPlaceholder.VOICE_AUTHENTICATION_FLOW_ARN, configuration.voiceAuthenticationFlow());
                route(known, FlowPlaceholder.CHAT_AUTHENTICATION_FLOW_ARN, configuration.chatAuthenticationFlow());
            }
            placement.rendering(flow);
            RenderedFlow rendered = FlowRenderer.render(flow, known);
            ValidationReport report = validator.validate(flow.flowName(), rendered.content()).orThrow();
            String arn = placement.place(rendered, report);
            flow.arnPlaceholder().ifPresent(placeholder -> known.put(placeholder, arn));
        }
        return known;
    }

    private static void route(Map<FlowPlaceholder, String> known, FlowPlaceholder route, NomidioFlow target) {
        String arn = known.get(target.arnPlaceholder().orElseThrow());
        if (arn != null) {
            known.put(route, arn);
        }
    }
}
