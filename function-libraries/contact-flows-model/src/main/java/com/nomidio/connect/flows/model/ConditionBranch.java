package com.nomidio.connect.flows.model;

import java.util.List;

/** A {@code Conditions} entry: go to {@code nextAction} when the action's result satisfies operator/operands. */
public record ConditionBranch(String nextAction, String operator, List<String> operands) {

    public ConditionBranch {
        operands = operands == null ? List.of() : List.copyOf(operands);
    }
}
