package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.model.FlowAction;

/** Executes one flow-language action type. */
interface ActionStep {

    StepResult run(FlowAction action, CallRun call);
}
