package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.catalog.ActionCatalog;
import com.nomidio.connect.flows.model.ConditionBranch;
import com.nomidio.connect.flows.model.ErrorBranch;
import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.flows.model.Transitions;
import com.nomidio.connect.simulator.flows.LoadedFlow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Executes rendered flow-language JSON action by action, as Amazon Connect does: each action's type decides what
 * happens ({@link ActionStep}), its Transitions where the contact goes next — NextAction on success, the first
 * matching Condition, the Errors entry of the error raised. A type the simulator does not execute stops the call
 * with a message naming it: nothing is skipped.
 */
public final class FlowInterpreter {

    /** Connect allows 250 actions a flow; a call loops through a few hundred at most. */
    static final int MAX_STEPS = 2_000;
    private static final String NO_MATCHING_ERROR = "NoMatchingError";
    private static final String NO_MATCHING_CONDITION = "NoMatchingCondition";

    private final ActionCatalog catalog = ActionCatalog.standard();
    private final Map<String, ActionStep> steps = new LinkedHashMap<>();

    public FlowInterpreter() {
        PromptSteps prompts = new PromptSteps();
        steps.put("MessageParticipant", prompts::message);
        steps.put("GetParticipantInput", prompts::input);
        AttributeSteps attributes = new AttributeSteps();
        steps.put("UpdateContactAttributes", attributes::contactAttributes);
        steps.put("UpdateFlowAttributes", attributes::flowAttributes);
        steps.put("TagContact", attributes::tags);
        BranchSteps branches = new BranchSteps();
        steps.put("Compare", branches::compare);
        steps.put("Loop", branches::loop);
        RoutingSteps routing = new RoutingSteps();
        steps.put("TransferToFlow", routing::transferToFlow);
        steps.put("UpdateContactTargetQueue", routing::targetQueue);
        steps.put("TransferContactToQueue", routing::transferToQueue);
        steps.put("DisconnectParticipant", routing::disconnect);
        steps.put("EndFlowExecution", routing::endFlow);
        steps.put("UpdateContactMediaStreamingBehavior", new MediaStreamingStep());
        steps.put("InvokeLambdaFunction", new LambdaStep());
        steps.put("ConnectParticipantWithLexBot", new LexStep());
        NoteSteps notes = new NoteSteps();
        steps.put("UpdateFlowLoggingBehavior", notes::flowLogging);
        steps.put("UpdateContactRecordingBehavior", notes::recording);
    }

    /** The action types this simulator executes. */
    public Set<String> supportedTypes() {
        return Collections.unmodifiableSet(steps.keySet());
    }

    /** Runs the call from {@code entry} until it is queued, disconnected or ended, or cannot go on. */
    public Ending run(LoadedFlow entry, CallRun call) {
        enter(entry, call);
        call.transferLeg().ifPresent(leg -> leg.start(call));
        String actionId = entry.document().startAction();
        try {
            for (int step = 0; step < MAX_STEPS; step++) {
                LoadedFlow flow = call.flow();
                String wanted = actionId;
                FlowAction action = flow.document().action(wanted).orElseThrow(() -> new SimulationStopped(
                        "flow " + flow.name() + " has no action '" + wanted + "'"));
                StepResult result = execute(action, call);
                switch (result) {
                    case StepResult.End end -> {
                        return finish(call, action, end.outcome(), end.detail());
                    }
                    case StepResult.Enter enter -> {
                        enter(enter.flow(), call);
                        actionId = enter.flow().document().startAction();
                    }
                    default -> actionId = next(action, result, call);
                }
                if (actionId == null) {
                    throw new SimulationStopped("action '" + action.identifier() + "' (" + action.type() + ") in "
                            + flow.name() + " has nowhere to go next");
                }
            }
            throw new SimulationStopped("more than " + MAX_STEPS + " actions: the flows loop without end");
        } catch (SimulationStopped stopped) {
            return finish(call, null, CallOutcome.STOPPED, stopped.getMessage());
        }
    }

    private StepResult execute(FlowAction action, CallRun call) {
        ActionStep step = steps.get(action.type());
        if (step == null) {
            String where = "action '" + action.identifier() + "' in " + call.flow().name();
            throw new SimulationStopped(catalog.find(action.type()).isPresent()
                    ? "action type " + action.type() + " (" + where + ") is part of the flow language but this "
                            + "simulator does not execute it"
                    : "action type " + action.type() + " (" + where + ") is unknown: not in the flow-language "
                            + "catalog this project knows");
        }
        return step.run(action, call);
    }

    private static String next(FlowAction action, StepResult result, CallRun call) {
        Transitions transitions = action.transitions();
        return switch (result) {
            case StepResult.Next ignored -> transitions.nextAction();
            case StepResult.Branch branch -> {
                Optional<ConditionBranch> matched = transitions.conditions().stream()
                        .filter(c -> Comparisons.matches(c.operator(), c.operands(), branch.value()))
                        .findFirst();
                if (matched.isPresent()) {
                    ConditionBranch condition = matched.get();
                    if (branch.subject() != null) {
                        call.record(action, TranscriptEvent.Kind.BRANCH, branch.subject() + " is " + describe(branch.value())
                                + " -> " + condition.nextAction(), Map.of("subject", branch.subject(),
                                "value", String.valueOf(branch.value()), "condition", condition.operator() + " "
                                + String.join(",", condition.operands()), "next", condition.nextAction()));
                    }
                    yield condition.nextAction();
                }
                yield errorTarget(action, NO_MATCHING_CONDITION, (branch.subject() == null ? "" : branch.subject() + " is ")
                        + describe(branch.value()) + ", no condition matches", call);
            }
            case StepResult.Failure failure -> errorTarget(action, failure.errorType(), failure.reason(), call);
            default -> throw new IllegalStateException(result.toString());
        };
    }

    /** The Errors entry for the error; NoMatchingCondition falls back to NextAction, anything else to NoMatchingError. */
    private static String errorTarget(FlowAction action, String errorType, String reason, CallRun call) {
        Transitions transitions = action.transitions();
        Optional<ErrorBranch> branch = transitions.error(errorType);
        String target;
        if (branch.isPresent()) {
            target = branch.get().nextAction();
        } else if (NO_MATCHING_CONDITION.equals(errorType) && transitions.nextAction() != null) {
            target = transitions.nextAction();
        } else {
            target = transitions.error(NO_MATCHING_ERROR).map(ErrorBranch::nextAction).orElseThrow(() ->
                    new SimulationStopped("action '" + action.identifier() + "' (" + action.type() + ") raised "
                            + errorType + " (" + reason + ") and routes no branch for it"));
        }
        if (NO_MATCHING_CONDITION.equals(errorType)) {
            call.record(action, TranscriptEvent.Kind.BRANCH, reason + " -> " + target,
                    Map.of("errorType", errorType, "next", target));
        } else {
            call.record(action, TranscriptEvent.Kind.ERROR_BRANCH, action.type() + " failed: " + reason + " -> " + target,
                    Map.of("errorType", errorType, "reason", reason, "next", target));
        }
        return target;
    }

    private static void enter(LoadedFlow flow, CallRun call) {
        call.enter(flow);
        call.record((String) null, TranscriptEvent.Kind.FLOW_ENTERED, flow.name(),
                Map.of("flow", flow.name(), "arn", flow.arn()));
    }

    private static Ending finish(CallRun call, FlowAction action, CallOutcome outcome, String detail) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("outcome", outcome.name());
        if (detail != null) {
            details.put("detail", detail);
        }
        call.record(action == null ? null : action.identifier(), TranscriptEvent.Kind.ENDED,
                outcome + (detail == null ? "" : ": " + detail), details);
        return new Ending(outcome, detail);
    }

    static String describe(String value) {
        return value == null ? "(no value)" : "\"" + value + "\"";
    }

    /** How the call ended, and why or where. */
    public record Ending(CallOutcome outcome, String detail) {
    }
}
