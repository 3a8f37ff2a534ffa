package com.nomidio.connect.simulator;

import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import java.util.List;
import java.util.Map;

/**
 * What happened on a simulated call: how it ended, the contact attributes it ended with, the transcript, and the
 * functions' log lines (JSON, as CloudWatch would get them).
 *
 * @param queue            the queue the caller waits in when QUEUED, else null
 * @param detail           why the call STOPPED, or null
 * @param callerAskedAt    call time when the prompt asking the caller to speak ended (their audio starts), or null
 * @param callerLastWordAt call time when the caller's last word ended, or null when they never spoke
 */
public record CallResult(String contactId, CallOutcome outcome, String queue, String detail, long callMillis,
        Map<String, String> attributes, List<TranscriptEvent> transcript, String logs, Long callerAskedAt,
        Long callerLastWordAt) {

    public CallResult {
        attributes = Map.copyOf(attributes);
        transcript = List.copyOf(transcript);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    public List<TranscriptEvent> events(TranscriptEvent.Kind kind) {
        return transcript.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The flows in the order the call entered them. */
    public List<String> flowsEntered() {
        return events(TranscriptEvent.Kind.FLOW_ENTERED).stream().map(TranscriptEvent::text).toList();
    }

    /** Every prompt's text, in order. */
    public List<String> prompts() {
        return events(TranscriptEvent.Kind.PROMPT).stream().map(TranscriptEvent::text).toList();
    }

    /** Every prompt played to the agent on a quick connect's transfer leg, in order. */
    public List<String> agentPrompts() {
        return events(TranscriptEvent.Kind.AGENT_PROMPT).stream().map(TranscriptEvent::text).toList();
    }

    /** The first prompt of {@code flow}'s action {@code action}, or null. */
    public TranscriptEvent prompt(String flow, String action) {
        return events(TranscriptEvent.Kind.PROMPT).stream()
                .filter(e -> flow.equals(e.flow()) && action.equals(e.action())).findFirst().orElse(null);
    }

    /** The {@code action} parameter of each nomidioAction invocation, in order. */
    public List<String> nomidioActions() {
        return events(TranscriptEvent.Kind.LAMBDA).stream()
                .map(e -> e.details().get("parameter.action")).filter(a -> a != null).toList();
    }
}
