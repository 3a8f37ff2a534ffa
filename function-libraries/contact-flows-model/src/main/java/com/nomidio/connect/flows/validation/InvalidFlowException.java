package com.nomidio.connect.flows.validation;

/** A flow failed validation; the report says why. */
public final class InvalidFlowException extends RuntimeException {

    private final transient ValidationReport report;

    public InvalidFlowException(ValidationReport report) {
        super(report.summary());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
