package com.nomidio.connect.flows.validation;

public enum Severity {
    ERROR,
    WARNING
}
