package com.nomidio.connect.simulator.engine;

import java.util.Map;

/** Told of each synchronous invocation a flow made (the simulator arms scheduled gateway faults from it). */
@FunctionalInterface
public interface InvocationListener {

    void invoked(String functionName, Map<String, String> parameters, CallRun call);
}
