package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.model.FlowAction;
import java.util.Map;

/** Actions that change nothing the simulation models: noted in the transcript, then on to NextAction. */
final class NoteSteps {

    StepResult flowLogging(FlowAction action, CallRun call) {
        String state = action.textParameter("FlowLoggingBehavior").orElse("");
        call.record(action, TranscriptEvent.Kind.NOTE, "flow logging " + state + " (not simulated)", Map.of("state", state));
        return StepResult.next();
    }

    StepResult recording(FlowAction action, CallRun call) {
        String behaviour = action.parameter("RecordingBehavior").map(Object::toString).orElse("");
        call.record(action, TranscriptEvent.Kind.NOTE, "recording behaviour " + behaviour + " (not simulated)",
                Map.of("behaviour", behaviour));
        return StepResult.next();
    }
}
