package com.nomidio.connect.agentapi.domain;

import java.util.Optional;

/** What an agent may do to the customer in their call (the softphone's top menu and its Enrol button). */
public enum AgentAction {
    /** Enrol the caller with the enterprise: only AWAITING_APPROVAL, only after this contact's passed HIGH challenge. */
    ENROL,
    BLOCK,
    UNBLOCK,
    /** The guide's "Set fraud": the enterprise marks the caller SUSPECTED_FRAUD. */
    SET_FRAUD,
    /** Clears any flag, Nomidio's FRAUD_WARNING or the enterprise's SUSPECTED_FRAUD. */
    CLEAR_FRAUD,
    /** The guide's "Confirm" on a FRAUD_WARNING: the flag becomes SUSPECTED_FRAUD. */
    CONFIRM_FRAUD,
    /** Ask for a challenge at a level; the agent then transfers the contact through the quick connect. */
    CHALLENGE;

    /** Exactly one of the names (case-sensitive, as the contract spells them), else empty. */
    public static Optional<AgentAction> parse(String name) {
        for (AgentAction action : values()) {
            if (action.name().equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
