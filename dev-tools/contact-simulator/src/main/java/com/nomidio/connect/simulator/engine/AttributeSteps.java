package com.nomidio.connect.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.flows.model.FlowAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * UpdateContactAttributes, UpdateFlowAttributes and TagContact. A value that is a {@code $.} reference takes what
 * it names now; a reference to nothing makes the action fail (its NoMatchingError branch) and sets nothing — the
 * strict reading, which shows a flow relying on an attribute that is not there.
 */
final class AttributeSteps {

    StepResult contactAttributes(FlowAction action, CallRun call) {
        String target = action.textParameter("TargetContact").orElse("Current");
        if (!"Current".equals(target)) {
            return StepResult.failure("NoMatchingError", "TargetContact " + target + " is not modelled");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Optional<StepResult> failure = resolveAll(action.parameter("Attributes").orElseThrow(), call, values, false);
        if (failure.isPresent()) {
            return failure.get();
        }
        call.contact().attributes().putAll(values);
        call.record(action, TranscriptEvent.Kind.ATTRIBUTES_SET, describe(values), values);
        return StepResult.next();
    }

    StepResult flowAttributes(FlowAction action, CallRun call) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<StepResult> failure = resolveAll(action.parameter("FlowAttributes").orElseThrow(), call, values, true);
        if (failure.isPresent()) {
            return failure.get();
        }
        call.contact().flowAttributes().putAll(values);
        call.record(action, TranscriptEvent.Kind.ATTRIBUTES_SET, "flow attributes " + describe(values), values);
        return StepResult.next();
    }

    StepResult tags(FlowAction action, CallRun call) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<StepResult> failure = resolveAll(action.parameter("Tags").orElseThrow(), call, values, false);
        if (failure.isPresent()) {
            return failure.get();
        }
        call.contact().tags().putAll(values);
        call.record(action, TranscriptEvent.Kind.ATTRIBUTES_SET, "tags " + describe(values), values);
        return StepResult.next();
    }

    /** Every value first, so that a failing reference leaves the contact as it was. */
    private static Optional<StepResult> resolveAll(JsonNode parameters, CallRun call, Map<String, String> into,
            boolean wrappedInValue) {
        for (Map.Entry<String, JsonNode> entry : parameters.properties()) {
            JsonNode node = wrappedInValue ? entry.getValue().path("Value") : entry.getValue();
            String raw = node.asText();
            Optional<String> value = call.resolve(raw);
            if (value.isEmpty()) {
                return Optional.of(StepResult.failure("NoMatchingError",
                        entry.getKey() + " = " + raw + " names nothing on this contact"));
            }
            into.put(entry.getKey(), value.get());
        }
        return Optional.empty();
    }

    static String describe(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + quoted(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String quoted(String value) {
        return value.isEmpty() || value.contains(" ") || value.contains(",") ? "\"" + value + "\"" : value;
    }
}
