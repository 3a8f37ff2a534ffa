package com.nomidio.connect.simulator;

import java.util.Arrays;
import java.util.Locale;

/**
 * template.yaml's CustomerInteractionConfiguration. A voice call runs the same flows under the first two (DTMF
 * menus); the Lex path (NOMIDIO-LEX-AUTHENTICATION-FLOW and nomidioLex) is not built yet, so Lex Voice + Chat
 * cannot be simulated, nor can chat contacts under any configuration.
 */
public enum InteractionConfiguration {
    STANDARD_VOICE_ONLY("Standard Voice Only", true),
    STANDARD_VOICE_AND_CHAT("Standard Voice + Chat", true),
    LEX_VOICE_AND_CHAT("Lex Voice + Chat", false);

    private final String parameterValue;
    private final boolean voiceSimulated;

    InteractionConfiguration(String parameterValue, boolean voiceSimulated) {
        this.parameterValue = parameterValue;
        this.voiceSimulated = voiceSimulated;
    }

    public String parameterValue() {
        return parameterValue;
    }

    public boolean voiceSimulated() {
        return voiceSimulated;
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
