package com.nomidio.connect.simulator.engine;

/** How a simulated call ended. */
public enum CallOutcome {
    /** TransferContactToQueue succeeded: the caller waits for an agent. */
    QUEUED,
    /** DisconnectParticipant: the flow hung up. */
    DISCONNECTED,
    /** EndFlowExecution. */
    FLOW_ENDED,
    /** The simulator could not go on (an action type it does not execute, an unrouted error): see the reason. */
    STOPPED
}
