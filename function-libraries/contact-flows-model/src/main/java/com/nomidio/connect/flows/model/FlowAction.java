package com.nomidio.connect.flows.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** One step of a flow: its identifier, its type, its parameters object (as JSON) and its transitions. */
public record FlowAction(String identifier, String type, ObjectNode parameters, Transitions transitions) {

    public FlowAction {
        parameters = parameters == null ? JsonNodeFactory.instance.objectNode() : parameters;
        transitions = transitions == null ? Transitions.NONE : transitions;
    }

    public Optional<JsonNode> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** A parameter given as a string (static text, a number written as text, or a {@code $.} path). */
    public Optional<String> textParameter(String name) {
        JsonNode node = parameters.get(name);
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
