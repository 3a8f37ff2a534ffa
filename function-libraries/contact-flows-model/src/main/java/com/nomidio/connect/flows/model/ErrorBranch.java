package com.nomidio.connect.flows.model;

/** An {@code Errors} entry: go to {@code nextAction} when the action fails with {@code errorType}. */
public record ErrorBranch(String nextAction, String errorType) {
}
