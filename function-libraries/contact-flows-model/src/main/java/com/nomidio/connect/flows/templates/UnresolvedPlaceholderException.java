package com.nomidio.connect.flows.templates;

import java.util.Set;

/** A template names placeholders the caller gave no value for. */
public final class UnresolvedPlaceholderException extends RuntimeException {

    private final transient Set<String> names;

    public UnresolvedPlaceholderException(String flowName, Set<String> names) {
        super(flowName + " needs values for placeholder(s) " + names);
        this.names = Set.copyOf(names);
    }

    public Set<String> names() {
        return names;
    }
}
