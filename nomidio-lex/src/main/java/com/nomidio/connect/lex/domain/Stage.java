package com.nomidio.connect.lex.domain;

import java.util.Optional;

/** Where a conversation stands between turns, kept in the session attribute {@link SessionKey#STAGE}. */
public enum Stage {
    /** Chat: waiting for a mobile number or customer reference. */
    IDENTIFY,
    /** Chat, NOT_FOUND / EXISTS: register (SMS invite), opt out, or carry on. */
    OFFER,
    /** Chat, INVITED / PENDING / INVITATION_SENT: invitation again, opt out, or carry on. */
    REMINDER,
    /** Chat, enrolled: a CHAT challenge waits for the customer in their Nomidio app, checked once a turn. */
    CHALLENGE,
    /** Voice (Lex Voice + Chat): one spoken or keyed menu choice. */
    MENU,
    /** The bot has closed the conversation; a new turn starts again. */
    DONE;

    static Optional<Stage> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Stage stage : values()) {
            if (stage.name().equals(value.trim())) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
