package com.nomidio.connect.flows.validation;

/** One finding; {@code actionId} is null for flow-level findings. */
public record ValidationIssue(Severity severity, Check check, String actionId, String message) {

    @Override
    public String toString() {
        return severity + " " + check + (actionId == null ? "" : " [" + actionId + "]") + ": " + message;
    }
}
