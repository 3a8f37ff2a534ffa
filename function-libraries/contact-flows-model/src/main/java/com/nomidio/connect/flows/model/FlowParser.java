package com.nomidio.connect.flows.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads flow-language JSON into a {@link FlowDocument}. Lenient about content (missing fields become null or
 * empty so the validator can name them), strict about shapes: a field of the wrong JSON kind is a
 * {@link FlowFormatException} naming the action, never a NullPointerException later.
 */
public final class FlowParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowParser() {
    }

    public static FlowDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FlowFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        return parse(root);
    }

    public static FlowDocument parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new FlowFormatException("a flow is a JSON object with Version, StartAction and Actions");
        }
        JsonNode actionsNode = root.get("Actions");
        if (actionsNode != null && !actionsNode.isArray()) {
            throw new FlowFormatException("Actions is not an array");
        }
        List<FlowAction> actions = new ArrayList<>();
        if (actionsNode != null) {
            int index = 0;
            for (JsonNode node : actionsNode) {
                actions.add(action(node, index++));
            }
        }
        return new FlowDocument(text(root, "Version", "the flow"), text(root, "StartAction", "the flow"),
                actions, root.get("Metadata"));
    }

    private static FlowAction action(JsonNode node, int index) {
        String where = "action #" + index;
        if (!node.isObject()) {
            throw new FlowFormatException(where + " is not a JSON object");
        }
        String identifier = text(node, "Identifier", where);
        if (identifier != null) {
            where = "action '" + identifier + "'";
        }
        JsonNode parameters = node.get("Parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw new FlowFormatException(where + ": Parameters is not an object");
        }
        return new FlowAction(identifier, text(node, "Type", where),
                parameters == null || parameters.isNull() ? null : (ObjectNode) parameters.deepCopy(),
                transitions(node.get("Transitions"), where));
    }

    private static Transitions transitions(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Transitions.NONE;
        }
        if (!node.isObject()) {
            throw new FlowFormatException(where + ": Transitions is not an object");
        }
        List<ConditionBranch> conditions = new ArrayList<>();
        for (JsonNode c : array(node, "Conditions", where)) {
            JsonNode condition = c.get("Condition");
            if (condition == null || !condition.isObject()) {
                throw new FlowFormatException(where + ": a Conditions entry has no Condition object");
            }
            List<String> operands = new ArrayList<>();
            for (JsonNode operand : array(condition, "Operands", where)) {
                operands.add(operand.isValueNode() ? operand.asText() : operand.toString());
            }
            conditions.add(new ConditionBranch(text(c, "NextAction", where), text(condition, "Operator", where), operands));
        }
        List<ErrorBranch> errors = new ArrayList<>();
        for (JsonNode e : array(node, "Errors", where)) {
            errors.add(new ErrorBranch(text(e, "NextAction", where), text(e, "ErrorType", where)));
        }
        return new Transitions(text(node, "NextAction", where), conditions, errors);
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new FlowFormatException(where + ": " + field + " is not an array");
        }
        return value;
    }

    /** A string field; null when absent, blank-as-given when present (exports use "" for "no next action"). */
    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FlowFormatException(where + ": " + field + " is not a string");
        }
        return value.asText().isEmpty() ? null : value.asText();
    }
}
