package com.nomidio.connect.lex.domain;

/**
 * nomidioLex's own session attributes, kept by Lex between turns (the outputs the flows read are the shared
 * {@link com.nomidio.connect.domain.ContactAttribute} names). Those marked private are removed when the
 * conversation closes.
 */
public enum SessionKey {
    /** The {@link Stage} the next turn continues. */
    STAGE("nomidio_lex_stage", false),
    /** Identification attempts (chat) or menu attempts (voice) used so far. */
    ATTEMPTS("nomidio_lex_attempts", true),
    /** Challenge result checks used so far. */
    CHECKS("nomidio_lex_checks", true),
    /** The E.164 number the chat customer identified with (an invitation goes to it). */
    PHONE("nomidio_lex_phone", true),
    /** Voice: the choice the flow acts on, REGISTER, OPT_OUT or CONTINUE (the flow's name for it, shared). */
    CHOICE(com.nomidio.connect.domain.ContactAttribute.LEX_CHOICE.key(), false);

    private final String key;
    private final boolean privateToTheDialogue;

    SessionKey(String key, boolean privateToTheDialogue) {
        this.key = key;
        this.privateToTheDialogue = privateToTheDialogue;
    }

    public String key() {
        return key;
    }

    boolean isPrivate() {
        return privateToTheDialogue;
    }
}
