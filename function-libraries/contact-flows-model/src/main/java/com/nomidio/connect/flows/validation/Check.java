package com.nomidio.connect.flows.validation;

/** Which rule an issue breaks, so callers and tests can tell problems apart without parsing messages. */
public enum Check {
    STRUCTURE,
    SIZE,
    IDENTIFIER,
    TRANSITION,
    UNKNOWN_TYPE,
    PARAMETER,
    CONDITION,
    ERROR_BRANCH,
    UNREACHABLE,
    PLACEHOLDER,
    LAMBDA_ALIAS
}
