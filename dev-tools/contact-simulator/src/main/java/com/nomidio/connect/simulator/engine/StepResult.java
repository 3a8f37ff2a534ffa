package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.simulator.flows.LoadedFlow;

/** What an action did, which decides where the flow goes next (see {@link FlowInterpreter}). */
sealed interface StepResult {

    /** Success: on to NextAction. */
    record Next() implements StepResult {
    }

    /**
     * Go where the first condition matching {@code value} says (no match: NoMatchingCondition). {@code subject}
     * names what was compared, for the transcript; null when the step has recorded its own line (Loop).
     */
    record Branch(String subject, String value) implements StepResult {
    }

    /** The action failed with this flow-language error type. */
    record Failure(String errorType, String reason) implements StepResult {
    }

    /** TransferToFlow succeeded. */
    record Enter(LoadedFlow flow) implements StepResult {
    }

    /** The call ends here. */
    record End(CallOutcome outcome, String detail) implements StepResult {
    }

    static StepResult next() {
        return new Next();
    }

    static StepResult failure(String errorType, String reason) {
        return new Failure(errorType, reason);
    }
}
