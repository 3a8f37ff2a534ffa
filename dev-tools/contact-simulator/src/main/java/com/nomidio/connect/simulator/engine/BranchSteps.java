package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.model.FlowAction;
import java.util.Map;

/**
 * Compare and Loop. A Loop counts its runs per action and per flow entry: entering a flow (TransferToFlow) starts
 * every Loop of it at zero, and a Loop that reports DoneLooping starts again at zero the next time round.
 */
final class BranchSteps {

    static final String CONTINUE_LOOPING = "ContinueLooping";
    static final String DONE_LOOPING = "DoneLooping";

    StepResult compare(FlowAction action, CallRun call) {
        String reference = action.textParameter("ComparisonValue").orElseThrow();
        return new StepResult.Branch(reference, call.resolve(reference).orElse(null));
    }

    StepResult loop(FlowAction action, CallRun call) {
        String raw = action.textParameter("LoopCount").orElseThrow();
        int count;
        try {
            count = Integer.parseInt(call.resolve(raw).orElseThrow(() ->
                    new SimulationStopped("Loop '" + action.identifier() + "': LoopCount " + raw + " names nothing")).trim());
        } catch (NumberFormatException e) {
            throw new SimulationStopped("Loop '" + action.identifier() + "': LoopCount " + raw + " is not a whole number");
        }
        Map<String, Integer> counters = call.loopCounters();
        int done = counters.getOrDefault(action.identifier(), 0);
        if (done < count) {
            counters.put(action.identifier(), done + 1);
            call.record(action, TranscriptEvent.Kind.LOOP, "round " + (done + 1) + " of " + count,
                    Map.of("round", Integer.toString(done + 1), "loopCount", Integer.toString(count)));
            return new StepResult.Branch(null, CONTINUE_LOOPING);
        }
        counters.remove(action.identifier());
        call.record(action, TranscriptEvent.Kind.LOOP, "done after " + count + " rounds",
                Map.of("round", "done", "loopCount", Integer.toString(count)));
        return new StepResult.Branch(null, DONE_LOOPING);
    }
}
