package com.nomidio.connect.flows.templates;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * template.yaml's {@code CustomerInteractionConfiguration}, the guide's three values, and what each means for the
 * flows: which are deployed and where NOMIDIO-PRE-FLOW sends each channel. deploymentHelper and the contact
 * simulator read the parameter here, so they cannot disagree.
 *
 * <ul>
 *   <li>{@link #STANDARD_VOICE_ONLY}: no LEX flow, no bot; every contact goes to NOMIDIO-AUTHENTICATION-FLOW.</li>
 *   <li>{@link #STANDARD_VOICE_AND_CHAT}: chat goes to NOMIDIO-LEX-AUTHENTICATION-FLOW (the bot identifies and
 *       challenges the customer); voice keeps the keypad menus of NOMIDIO-AUTHENTICATION-FLOW.</li>
 *   <li>{@link #LEX_VOICE_AND_CHAT}: chat as above, and voice also goes to the LEX flow, whose menus the bot takes
 *       (spoken or keyed); the audio challenge stays with NOMIDIO-CHALLENGE-FLOW.</li>
 * </ul>
 */
public enum InteractionConfiguration {
    STANDARD_VOICE_ONLY("Standard Voice Only", false, false),
    STANDARD_VOICE_AND_CHAT("Standard Voice + Chat", true, false),
    LEX_VOICE_AND_CHAT("Lex Voice + Chat", true, true);

    private final String parameterValue;
    private final boolean chatEnabled;
    private final boolean lexVoiceEnabled;

    InteractionConfiguration(String parameterValue, boolean chatEnabled, boolean lexVoiceEnabled) {
        this.parameterValue = parameterValue;
        this.chatEnabled = chatEnabled;
        this.lexVoiceEnabled = lexVoiceEnabled;
    }

    /** The template's value, e.g. "Standard Voice Only". */
    public String parameterValue() {
        return parameterValue;
    }

    /** template.yaml's condition ChatEnabled: the bot, nomidioLex and the LEX flow are deployed. */
    public boolean chatEnabled() {
        return chatEnabled;
    }

    /** template.yaml's condition LexVoiceEnabled: voice contacts also take their menus through the bot. */
    public boolean lexVoiceEnabled() {
        return lexVoiceEnabled;
    }

    /** The flow NOMIDIO-PRE-FLOW sends a voice contact to. */
    public NomidioFlow voiceAuthenticationFlow() {
        return lexVoiceEnabled ? NomidioFlow.LEX_AUTHENTICATION_FLOW : NomidioFlow.AUTHENTICATION_FLOW;
    }

    /** The flow NOMIDIO-PRE-FLOW sends a chat contact to. */
    public NomidioFlow chatAuthenticationFlow() {
        return chatEnabled ? NomidioFlow.LEX_AUTHENTICATION_FLOW : NomidioFlow.AUTHENTICATION_FLOW;
    }

    /** The template's value exactly (as CloudFormation passes it); empty for anything else. */
    public static Optional<InteractionConfiguration> fromParameter(String value) {
        return Arrays.stream(values()).filter(c -> c.parameterValue.equals(value)).findFirst();
    }

    /** The template's value ("Standard Voice Only"), or the constant's name, any case; "voice", "voice-chat", "lex". */
    public static InteractionConfiguration parse(String value) {
        String wanted = value.trim();
        return switch (wanted.toLowerCase(Locale.ROOT)) {
            case "voice" -> STANDARD_VOICE_ONLY;
            case "voice-chat" -> STANDARD_VOICE_AND_CHAT;
            case "lex" -> LEX_VOICE_AND_CHAT;
            default -> Arrays.stream(values())
                    .filter(c -> c.parameterValue.equalsIgnoreCase(wanted) || c.name().equalsIgnoreCase(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown interaction configuration '" + value
                            + "': one of voice, voice-chat, lex (or the template's values)"));
        };
    }
}
