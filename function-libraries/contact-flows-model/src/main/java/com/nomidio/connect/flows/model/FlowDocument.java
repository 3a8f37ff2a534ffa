package com.nomidio.connect.flows.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One flow in the Amazon Connect flow language ({@code "Version": "2019-10-30"}): the actions and where execution
 * starts. {@code metadata} (designer layout) is kept as read, or null; it never affects execution.
 */
public record FlowDocument(String version, String startAction, List<FlowAction> actions, JsonNode metadata) {

    public static final String FLOW_LANGUAGE_VERSION = "2019-10-30";

    public FlowDocument {
        actions = List.copyOf(actions);
    }

    /** The action with this identifier; the first one when identifiers are (invalidly) duplicated. */
    public Optional<FlowAction> action(String identifier) {
        return actions.stream().filter(a -> a.identifier() != null && a.identifier().equals(identifier)).findFirst();
    }
}
