package com.nomidio.connect.flows.validation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything the validator found in one flow.
 *
 * @param unknownActionTypes the action types the validator did not know, by name (what a reader of a foreign
 *                           flow wants to see first)
 */
public record ValidationReport(String flowName, List<ValidationIssue> issues, Set<String> unknownActionTypes) {

    public ValidationReport {
        issues = List.copyOf(issues);
        unknownActionTypes = Set.copyOf(new TreeSet<>(unknownActionTypes));
    }

    public List<ValidationIssue> errors() {
        return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
    }

    public List<ValidationIssue> warnings() {
        return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
    }

    public boolean isValid() {
        return errors().isEmpty();
    }

    public List<ValidationIssue> issues(Check check) {
        return issues.stream().filter(i -> i.check() == check).toList();
    }

    /** One line per issue, errors first: fit for a log line or a CloudFormation reason. */
    public String summary() {
        if (issues.isEmpty()) {
            return flowName + ": valid";
        }
        return flowName + ": " + errors().size() + " error(s), " + warnings().size() + " warning(s): "
                + issues.stream().sorted((a, b) -> a.severity().compareTo(b.severity()))
                        .map(ValidationIssue::toString).collect(Collectors.joining("; "));
    }

    /** Throws {@link InvalidFlowException} with {@link #summary()} when there is any error. */
    public ValidationReport orThrow() {
        if (!isValid()) {
            throw new InvalidFlowException(this);
        }
        return this;
    }
}
