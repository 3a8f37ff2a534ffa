package com.nomidio.connect.flows.templates;

import java.util.List;
import java.util.Optional;

/**
 * The Nomidio contact flows, and the guide's import order (a flow is created after every flow it transfers to,
 * so each ARN exists before it is written into the next): NOMIDIO-LEX-AUTHENTICATION-FLOW after
 * NOMIDIO-AUTHENTICATION-FLOW and before NOMIDIO-PRE-FLOW, as the guide's step 4 orders it. Which of them a
 * deployment needs depends on its {@link InteractionConfiguration}.
 */
public enum NomidioFlow {
    POST_FLOW("NOMIDIO-POST-FLOW", "CONTACT_FLOW", FlowPlaceholder.POST_FLOW_ARN,
            "Routes the contact to the working queue set before authentication."),
    CHALLENGE_FLOW("NOMIDIO-CHALLENGE-FLOW", "CONTACT_FLOW", FlowPlaceholder.CHALLENGE_FLOW_ARN,
            "Runs a Nomidio challenge: streams the caller's voice, waits for the result, sets the outputs."),
    AUTHENTICATION_FLOW("NOMIDIO-AUTHENTICATION-FLOW", "CONTACT_FLOW", FlowPlaceholder.AUTHENTICATION_FLOW_ARN,
            "Looks the caller up in Nomidio and handles every Nomidio Status. Do not alter."),
    LEX_AUTHENTICATION_FLOW("NOMIDIO-LEX-AUTHENTICATION-FLOW", "CONTACT_FLOW",
            FlowPlaceholder.LEX_AUTHENTICATION_FLOW_ARN,
            "Chat (and, under Lex Voice + Chat, voice menus) through the Nomidio Lex bot; handles every Nomidio Status. Do not alter."),
    PRE_FLOW("NOMIDIO-PRE-FLOW", "CONTACT_FLOW", null,
            "Sets the working queue, welcomes the customer and transfers to authentication by channel."),
    AGENT_CHALLENGE_QUEUE("NOMIDIO-AGENT-CHALLENGE-QUEUE", "QUEUE_TRANSFER", null,
            "Reached through the 'Nomidio Agent Challenge Flow' quick connect; runs the challenge flow.");

    private final String flowName;
    private final String contactFlowType;
    private final FlowPlaceholder arnPlaceholder;
    private final String description;

    NomidioFlow(String flowName, String contactFlowType, FlowPlaceholder arnPlaceholder, String description) {
        this.flowName = flowName;
        this.contactFlowType = contactFlowType;
        this.arnPlaceholder = arnPlaceholder;
        this.description = description;
    }

    /** The flow's name in Connect, and its file name (without .json) in contact-flows/ and in the bucket. */
    public String flowName() {
        return flowName;
    }

    /** Connect's ContactFlowType (CONTACT_FLOW, QUEUE_TRANSFER). */
    public String contactFlowType() {
        return contactFlowType;
    }

    /** The placeholder other templates use for this flow's ARN, if any template refers to it. */
    public Optional<FlowPlaceholder> arnPlaceholder() {
        return Optional.ofNullable(arnPlaceholder);
    }

    public String description() {
        return description;
    }

    public String resourcePath() {
        return "contact-flows/" + flowName + ".json";
    }

    /** Creation order: every flow after the flows it refers to (stated here, not left to declaration order). */
    private static final List<NomidioFlow> DEPLOYMENT_ORDER = List.of(POST_FLOW, CHALLENGE_FLOW,
            AUTHENTICATION_FLOW, LEX_AUTHENTICATION_FLOW, PRE_FLOW, AGENT_CHALLENGE_QUEUE);

    /** Every Nomidio flow, in creation order. */
    public static List<NomidioFlow> deploymentOrder() {
        return DEPLOYMENT_ORDER;
    }

    /**
     * The flows a deployment with this configuration creates, in creation order: the guide's step 4 marks
     * AUTHENTICATION and LEX-AUTHENTICATION "depending on the Customer Interaction Configuration" — no LEX flow
     * without chat, and no keypad AUTHENTICATION flow when the bot takes the voice menus too.
     */
    public static List<NomidioFlow> deploymentOrder(InteractionConfiguration configuration) {
        return DEPLOYMENT_ORDER.stream()
                .filter(flow -> flow != LEX_AUTHENTICATION_FLOW || configuration.chatEnabled())
                .filter(flow -> flow != AUTHENTICATION_FLOW || !configuration.lexVoiceEnabled())
                .toList();
    }

    public static Optional<NomidioFlow> byName(String flowName) {
        for (NomidioFlow flow : values()) {
            if (flow.flowName.equals(flowName)) {
                return Optional.of(flow);
            }
        }
        return Optional.empty();
    }
}
