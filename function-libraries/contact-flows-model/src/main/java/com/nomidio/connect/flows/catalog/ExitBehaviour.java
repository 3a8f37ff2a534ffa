package com.nomidio.connect.flows.catalog;

/** What an action does to the flow's run when it succeeds. */
public enum ExitBehaviour {
    /** Execution continues at NextAction (or a condition branch), which must exist. */
    CONTINUES,
    /** Execution leaves this flow on success (another flow, a queue); NextAction, if given, is only a fallback. */
    LEAVES_ON_SUCCESS,
    /** The run ends here; there is nothing after it. */
    ENDS
}
