package com.nomidio.connect.flows.catalog;

import java.util.List;
import java.util.Set;

/**
 * What the project knows of one flow-language action type: its parameters, the errors it can raise (and
 * which of them a flow of ours must handle), its conditions, how it exits, and value rules.
 *
 * @param requiredErrors errors a strict flow must route (a subset of {@code errorTypes})
 */
public record ActionType(
        String name,
        Set<String> requiredParameters,
        Set<String> optionalParameters,
        Set<String> errorTypes,
        Set<String> requiredErrors,
        ConditionRule conditions,
        ExitBehaviour exit,
        List<ParameterRule> rules) {

    public ActionType {
        requiredParameters = Set.copyOf(requiredParameters);
        optionalParameters = Set.copyOf(optionalParameters);
        errorTypes = Set.copyOf(errorTypes);
        requiredErrors = Set.copyOf(requiredErrors);
        rules = List.copyOf(rules);
        if (!errorTypes.containsAll(requiredErrors)) {
            throw new IllegalArgumentException(name + ": required errors must be among its error types");
        }
    }

    public boolean knowsParameter(String parameter) {
        return requiredParameters.contains(parameter) || optionalParameters.contains(parameter);
    }
}
