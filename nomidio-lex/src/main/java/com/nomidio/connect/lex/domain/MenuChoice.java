package com.nomidio.connect.lex.domain;

import java.util.Locale;
import java.util.Set;

/**
 * A customer's answer to a menu, from the intent Lex matched or, failing that, from their words or keys: the same
 * choices as the voice flow's keypad menu (1 register, 2 opt out, anything else carries on).
 */
public enum MenuChoice {
    REGISTER,
    OPT_OUT,
    DECLINE,
    UNKNOWN;

    /** The intents of the bot definition that carry a menu choice. */
    public static final String REGISTER_INTENT = "NomidioRegister";
    public static final String OPT_OUT_INTENT = "NomidioOptOut";
    public static final String DECLINE_INTENT = "NomidioDecline";

    private static final Set<String> REGISTER_WORDS = Set.of("1", "one", "yes", "yes please", "yeah", "yep", "sure",
            "ok", "okay", "register", "sign me up", "send it", "send the invitation", "invite me");
    private static final Set<String> OPT_OUT_WORDS = Set.of("2", "two", "opt out", "optout", "opt me out", "stop",
            "never", "never ask again", "unsubscribe");
    private static final Set<String> DECLINE_WORDS = Set.of("3", "three", "no", "no thanks", "no thank you", "nope",
            "not now", "later", "skip", "continue");

    public static MenuChoice of(String intentName, String transcript) {
        if (REGISTER_INTENT.equals(intentName)) {
            return REGISTER;
        }
        if (OPT_OUT_INTENT.equals(intentName)) {
            return OPT_OUT;
        }
        if (DECLINE_INTENT.equals(intentName)) {
            return DECLINE;
        }
        String words = transcript == null ? ""
                : transcript.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").trim();
        if (REGISTER_WORDS.contains(words)) {
            return REGISTER;
        }
        if (OPT_OUT_WORDS.contains(words)) {
            return OPT_OUT;
        }
        return DECLINE_WORDS.contains(words) ? DECLINE : UNKNOWN;
    }
}
