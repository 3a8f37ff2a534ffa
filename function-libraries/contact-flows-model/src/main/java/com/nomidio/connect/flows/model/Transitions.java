package com.nomidio.connect.flows.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where execution goes after an action: {@code NextAction} (may be null), the condition branches and the error
 * branches. For actions that leave the flow on success (TransferToFlow, TransferContactToQueue) Connect's own
 * exports still carry a NextAction; it is then the fallback.
 */
public record Transitions(String nextAction, List<ConditionBranch> conditions, List<ErrorBranch> errors) {

    public static final Transitions NONE = new Transitions(null, List.of(), List.of());

    public Transitions {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Optional<ErrorBranch> error(String errorType) {
        return errors.stream().filter(e -> errorType.equals(e.errorType())).findFirst();
    }

    /** Every identifier this action may hand over to, in document order (duplicates kept). */
    public List<String> targets() {
        List<String> targets = new ArrayList<>();
        if (nextAction != null) {
            targets.add(nextAction);
        }
        conditions.forEach(c -> targets.add(c.nextAction()));
        errors.forEach(e -> targets.add(e.nextAction()));
        return targets;
    }
}
