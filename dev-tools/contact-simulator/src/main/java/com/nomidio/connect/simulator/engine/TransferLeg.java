package com.nomidio.connect.simulator.engine;

import java.util.Map;

/**
 * The agent's side of a Queue quick connect, as Amazon Connect runs it: the quick connect's *Transfer to queue*
 * flow (QUEUE_TRANSFER) starts at once and is played to the **agent** who chose it, while the caller is on hold
 * (the customer hold flow). Only when the agent leaves — *End call* / *Leave* in the CCP, completing the transfer —
 * does the caller join the flow and hear the rest of it. The agent presses nothing at a menu.
 *
 * <p>Here the agent leaves after hearing {@code promptsBeforeLeaving} prompts of the transfer flow (0: at once;
 * never, if the flow has fewer). Until then a prompt is the agent's ({@link TranscriptEvent.Kind#AGENT_PROMPT}), a
 * menu gets no key, and starting media streaming stops the simulation: it would capture the hold music, not the
 * caller.
 */
public final class TransferLeg {

    private final String agentArn;
    private int promptsLeft;
    private boolean agentOnTheLeg = true;

    public TransferLeg(String agentArn, int promptsBeforeLeaving) {
        if (promptsBeforeLeaving < 0) {
            throw new IllegalArgumentException("promptsBeforeLeaving must be 0 or more");
        }
        this.agentArn = agentArn;
        this.promptsLeft = promptsBeforeLeaving;
    }

    public String agentArn() {
        return agentArn;
    }

    /** True while the flow's audio goes to the agent and the caller is on hold. */
    boolean agentOnTheLeg() {
        return agentOnTheLeg;
    }

    /** Called when the transfer flow starts: the caller goes on hold; an agent told to leave at once leaves. */
    void start(CallRun call) {
        call.record((String) null, TranscriptEvent.Kind.TRANSFER, "agent " + agentArn + " chose the quick connect: "
                + "the transfer flow plays to the agent, the caller is on hold", Map.of("agent", agentArn,
                "caller", "on hold"));
        if (promptsLeft == 0) {
            leave(call);
        }
    }

    /** After a prompt the agent heard: they leave once they have heard as many as the scenario says. */
    void heardPrompt(CallRun call) {
        if (agentOnTheLeg && --promptsLeft <= 0) {
            leave(call);
        }
    }

    private void leave(CallRun call) {
        agentOnTheLeg = false;
        call.record((String) null, TranscriptEvent.Kind.TRANSFER, "agent leaves (completes the transfer): the caller "
                + "joins " + (call.flow() == null ? "the flow" : call.flow().name()), Map.of("agent", agentArn,
                "caller", "in the flow"));
    }
}
