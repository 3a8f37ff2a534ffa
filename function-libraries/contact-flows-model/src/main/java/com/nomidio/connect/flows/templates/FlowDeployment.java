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
     * @param values the placeholder values known before any flow exists (function ARN, enterprise name, queue)
     * @return those values plus every placed flow's ARN
     * @throws com.nomidio.connect.flows.validation.InvalidFlowException when a rendered flow fails validation
     * @throws UnresolvedPlaceholderException when a template needs a value nobody gave
     */
    public static Map<FlowPlaceholder, String> renderInDeploymentOrder(Map<FlowPlaceholder, String> values,
                                                                        Placement placement) {
        Map<FlowPlaceholder, String> known = new EnumMap<>(FlowPlaceholder.class);
        known.putAll(values);
        FlowValidator validator = FlowValidator.forNomidioFlows();
        for (NomidioFlow flow : NomidioFlow.deploymentOrder()) {
            placement.rendering(flow);
            RenderedFlow rendered = FlowRenderer.render(flow, known);
            ValidationReport report = validator.validate(flow.flowName(), rendered.content()).orThrow();
            String arn = placement.place(rendered, report);
            flow.arnPlaceholder().ifPresent(placeholder -> known.put(placeholder, arn));
        }
        return known;
    }
}
