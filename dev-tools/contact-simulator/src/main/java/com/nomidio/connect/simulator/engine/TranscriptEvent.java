package com.nomidio.connect.simulator.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One line of the call's transcript.
 *
 * @param atMillis call time (see {@link CallClock})
 * @param flow     the flow running, or null for what happens beside the flows (an asynchronous function finishing)
 * @param action   the action's identifier, or null
 * @param kind     what happened
 * @param text     a sentence for people
 * @param details  the facts, for machines ({@code --json}) and tests
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TranscriptEvent(long atMillis, String flow, String action, Kind kind, String text,
        Map<String, String> details) {

    public TranscriptEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public enum Kind {
        /** A flow starts (the first one, or after TransferToFlow). */
        FLOW_ENTERED,
        /** A prompt played to the caller. */
        PROMPT,
        /** What the caller pressed, or that they pressed nothing. */
        INPUT,
        /** Contact, flow or tag attributes set. */
        ATTRIBUTES_SET,
        /** A Compare (or a menu) took a branch. */
        BRANCH,
        /** A Loop counted. */
        LOOP,
        /** A synchronous Lambda invocation from a flow, with its result. */
        LAMBDA,
        /** An asynchronous invocation of one function by another, and how it ended. */
        ASYNC_INVOCATION,
        /** Live media streaming started or stopped. */
        MEDIA_STREAMING,
        /** The target queue changed. */
        QUEUE_SET,
        /** An action took an error branch. */
        ERROR_BRANCH,
        /** A fault was injected into the gateway emulator. */
        FAULT_INJECTED,
        /** An action that changes nothing the simulation models (flow logging, recording). */
        NOTE,
        /** The call ended: queued, disconnected, flow ended or stopped. */
        ENDED
    }
}
