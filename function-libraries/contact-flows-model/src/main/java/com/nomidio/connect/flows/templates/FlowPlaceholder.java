package com.nomidio.connect.flows.templates;

/**
 * The {@code ${Name}} placeholders of the templates in {@code contact-flows/}, each filled by the deployment
 * helper at render time. One place for the names; contact-flows/README.md describes them for people.
 */
public enum FlowPlaceholder {
    /** The nomidioAction function's published alias ARN ({@code …:function:NAME:live}). */
    NOMIDIO_ACTION_FUNCTION_ARN("NomidioActionFunctionArn"),
    /** The Enterprise Name parameter, spoken in the PRE flow's welcome. */
    ENTERPRISE_NAME("EnterpriseName"),
    /** The queue the PRE flow sets and the POST flow falls back to (found by name, default BasicQueue). */
    WORKING_QUEUE_ARN("WorkingQueueArn"),
    POST_FLOW_ARN("PostFlowArn"),
    CHALLENGE_FLOW_ARN("ChallengeFlowArn"),
    AUTHENTICATION_FLOW_ARN("AuthenticationFlowArn"),
    /** NOMIDIO-LEX-AUTHENTICATION-FLOW's ARN (rendered only when the configuration uses Lex). */
    LEX_AUTHENTICATION_FLOW_ARN("LexAuthenticationFlowArn"),
    /** The Nomidio bot's alias ARN ({@code arn:aws:lex:…:bot-alias/BOT_ID/ALIAS_ID}), for the LEX flow. */
    LEX_BOT_ALIAS_ARN("LexBotAliasArn"),
    /**
     * Where the PRE flow sends a voice contact: AUTHENTICATION, or LEX-AUTHENTICATION under Lex Voice + Chat.
     * Decided at render time from the {@link InteractionConfiguration} ({@link FlowDeployment}), never by the caller.
     */
    VOICE_AUTHENTICATION_FLOW_ARN("VoiceAuthenticationFlowArn"),
    /** Where the PRE flow sends a chat contact: LEX-AUTHENTICATION when chat is on, else AUTHENTICATION. */
    CHAT_AUTHENTICATION_FLOW_ARN("ChatAuthenticationFlowArn");

    private final String placeholderName;

    FlowPlaceholder(String placeholderName) {
        this.placeholderName = placeholderName;
    }

    /** The name inside {@code ${...}}. */
    public String placeholderName() {
        return placeholderName;
    }

    public String token() {
        return "${" + placeholderName + "}";
    }
}
