package com.nomidio.connect.simulator.flows;

import com.nomidio.connect.flows.model.FlowParser;
import com.nomidio.connect.flows.templates.FlowDeployment;
import com.nomidio.connect.flows.templates.FlowPlaceholder;
import com.nomidio.connect.flows.templates.FlowRenderer;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.flows.validation.FlowValidator;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The flows of the simulated instance. The Nomidio flows are rendered by the function the deployment helper
 * renders them with, {@link FlowDeployment#renderInDeploymentOrder} — and a
 * customer's own flows (a pre-flow, a post-flow) are rendered with the same placeholder values, so they can say
 * {@code ${AuthenticationFlowArn}} instead of an ARN.
 */
public final class FlowLibrary {

    /** The built-in customer pre-flow's placeholder for the level it sets. */
    public static final String AUTH_LEVEL_PLACEHOLDER = "AuthLevel";

    private final SimulatedInstance instance;
    private final Map<String, String> placeholderValues;
    private final Map<String, LoadedFlow> byArn;

    private FlowLibrary(SimulatedInstance instance, Map<String, String> placeholderValues, Map<String, LoadedFlow> byArn) {
        this.instance = instance;
        this.placeholderValues = placeholderValues;
        this.byArn = byArn;
    }

    /** The Nomidio flows a deployment with {@code configuration} has (the LEX flow only with chat). */
    public static FlowLibrary nomidioFlows(SimulatedInstance instance, InteractionConfiguration configuration) {
        Map<FlowPlaceholder, String> values = new EnumMap<>(FlowPlaceholder.class);
        values.put(FlowPlaceholder.NOMIDIO_ACTION_FUNCTION_ARN, instance.functionArn(SimulatedInstance.NOMIDIO_ACTION));
        values.put(FlowPlaceholder.ENTERPRISE_NAME, instance.enterpriseName());
        values.put(FlowPlaceholder.WORKING_QUEUE_ARN, instance.workingQueueArn());
        if (configuration.chatEnabled()) {
            values.put(FlowPlaceholder.LEX_BOT_ALIAS_ARN, instance.lexBotAliasArn());
        }
        Map<String, LoadedFlow> flows = new LinkedHashMap<>();
        Map<FlowPlaceholder, String> deployed = FlowDeployment.renderInDeploymentOrder(configuration, values, (rendered, report) -> {
            String name = rendered.flow().flowName();
            String arn = instance.flowArn(name);
            flows.put(arn, new LoadedFlow(name, arn, rendered.content(), rendered.document(), report, true));
            return arn;
        });
        Map<String, String> byName = new LinkedHashMap<>();
        deployed.forEach((placeholder, value) -> byName.put(placeholder.placeholderName(), value));
        return new FlowLibrary(instance, Map.copyOf(byName), flows);
    }

    /** This library plus the customer's flows of one call (the Nomidio flows are shared, never changed). */
    public FlowLibrary withCustomerFlows(Map<String, String> customerFlows, Map<String, String> extraValues) {
        Map<String, String> values = new LinkedHashMap<>(placeholderValues);
        values.putAll(extraValues);
        Map<String, LoadedFlow> flows = new LinkedHashMap<>(byArn);
        FlowValidator validator = FlowValidator.forForeignFlows();
        customerFlows.forEach((name, template) -> {
            String content = FlowRenderer.render(name, template, values);
            String arn = instance.flowArn(name);
            flows.put(arn, new LoadedFlow(name, arn, content, FlowParser.parse(content),
                    validator.validate(name, content), false));
        });
        return new FlowLibrary(instance, Map.copyOf(values), flows);
    }

    /** A Nomidio flow of this deployment; an error naming the configuration when it does not deploy that flow. */
    public LoadedFlow nomidio(NomidioFlow flow) {
        LoadedFlow loaded = byArn.get(instance.flowArn(flow.flowName()));
        if (loaded == null) {
            throw new IllegalArgumentException(flow.flowName() + " is not deployed in this configuration");
        }
        return loaded;
    }

    public Optional<LoadedFlow> byName(String name) {
        return Optional.ofNullable(byArn.get(instance.flowArn(name)));
    }

    /** A TransferToFlow target: a flow ARN, or a bare flow id of this instance. */
    public Optional<LoadedFlow> byReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        LoadedFlow flow = byArn.get(reference.trim());
        return flow != null ? Optional.of(flow) : byName(reference.trim());
    }

    public Collection<LoadedFlow> flows() {
        return byArn.values();
    }

    /** The values a customer flow's {@code ${Name}} placeholders are filled with. */
    public Map<String, String> placeholderValues() {
        return placeholderValues;
    }

    public SimulatedInstance instance() {
        return instance;
    }
}
