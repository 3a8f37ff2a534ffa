package com.nomidio.connect.simulator.engine;

/**
 * The customer's Nomidio app, where a CHAT challenge is answered (chat cannot carry audio): a chat script's
 * {@code app:approve} / {@code app:refuse} line completes the challenge the bot created before the next line.
 */
@FunctionalInterface
public interface CustomerApp {

    /** @param outcome PASSED (the customer approved) or FAILED (they refused) */
    void complete(String challengeId, String outcome);
}
