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
        FLOW_ENTERED(">> flow"),
        /** A prompt played to the caller. */
        PROMPT("say"),
        /** A prompt of a quick connect's transfer flow played to the agent, while the caller is on hold. */
        AGENT_PROMPT("to agent"),
        /** A quick connect transfer: the agent on the transfer leg with the caller on hold, or the agent leaving. */
        TRANSFER("transfer"),
        /** What the caller pressed, or that they pressed nothing. */
        INPUT("keypad"),
        /** The caller starts saying what they were asked to, and when their last word ends. */
        CALLER("caller"),
        /** Contact, flow or tag attributes set. */
        ATTRIBUTES_SET("set"),
        /** A Compare (or a menu) took a branch. */
        BRANCH("branch"),
        /** A Loop counted. */
        LOOP("loop"),
        /** A synchronous Lambda invocation from a flow, with its result. */
        LAMBDA("lambda"),
        /** An asynchronous invocation of one function by another, and how it ended. */
        ASYNC_INVOCATION("async"),
        /** Live media streaming started or stopped. */
        MEDIA_STREAMING("media"),
        /** The target queue changed. */
        QUEUE_SET("queue"),
        /** An action took an error branch. */
        ERROR_BRANCH("error"),
        /** A fault was injected into the gateway emulator. */
        FAULT_INJECTED("FAULT"),
        /** An action that changes nothing the simulation models (flow logging, recording). */
        NOTE("note"),
        /** The call ended: queued, disconnected, flow ended or stopped. */
        ENDED("== end");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the transcript names the event, at the start of its line. */
        public String label() {
            return label;
        }
    }
}
