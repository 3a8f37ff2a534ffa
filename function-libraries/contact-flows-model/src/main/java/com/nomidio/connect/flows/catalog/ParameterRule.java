package com.nomidio.connect.flows.catalog;

import com.nomidio.connect.flows.model.FlowAction;
import java.util.function.Consumer;

/** A check of one action type's parameter values; each problem is reported as a sentence. */
@FunctionalInterface
public interface ParameterRule {

    void check(FlowAction action, Consumer<String> problems);
}
