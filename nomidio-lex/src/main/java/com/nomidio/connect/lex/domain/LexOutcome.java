package com.nomidio.connect.lex.domain;

import java.time.Duration;

/**
 * One answered turn: the response for Lex plus what the log line needs.
 *
 * @param response       the answer to Lex
 * @param stage          the dialogue stage the turn ended in (a {@link Stage} name, or "unknown")
 * @param outcome        a short, bounded label: a Nomidio Status, a challenge status, or the menu choice taken
 * @param maskedCustomer the customer's number as logs may show it (at most the last three digits), or empty
 * @param gatewayLatency time spent in gateway calls, null when none was made
 */
public record LexOutcome(
        LexResponse response,
        String stage,
        String outcome,
        String maskedCustomer,
        Duration gatewayLatency) {

    public static final String UNKNOWN_STAGE = "unknown";
}
