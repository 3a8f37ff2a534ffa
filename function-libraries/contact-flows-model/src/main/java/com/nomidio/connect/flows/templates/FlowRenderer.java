package com.nomidio.connect.flows.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Fills a template's {@code ${Name}} placeholders. Substitution happens inside parsed JSON string values, so
 * any value (an enterprise name with quotes, an ampersand) stays valid JSON; a value placed inside an
 * {@code SSML} parameter is XML-escaped as well. Every placeholder must have a value.
 */
public final class FlowRenderer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FlowRenderer() {
    }

    /** Renders a shipped template; values are keyed by placeholder. */
    public static RenderedFlow render(NomidioFlow flow, Map<FlowPlaceholder, String> values) {
        Map<String, String> byName = new java.util.HashMap<>();
        values.forEach((placeholder, value) -> byName.put(placeholder.placeholderName(), value));
        return new RenderedFlow(flow, render(flow.flowName(), FlowTemplates.template(flow), byName));
    }

    /** Renders any template text; values are keyed by placeholder name. */
    public static String render(String flowName, String template, Map<String, String> values) {
        Set<String> missing = new TreeSet<>(FlowTemplates.placeholders(template));
        missing.removeIf(name -> values.get(name) != null);
        if (!missing.isEmpty()) {
            throw new UnresolvedPlaceholderException(flowName, missing);
        }
        try {
            JsonNode root = JSON.readTree(template);
            JsonNode rendered = substitute(root, null, values);
            return JSON.writeValueAsString(rendered) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(flowName + " template is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode substitute(JsonNode node, String fieldName, Map<String, String> values) {
        if (node.isTextual()) {
            return TextNode.valueOf(fill(node.asText(), "SSML".equals(fieldName), values));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            ObjectNode copy = JSON.createObjectNode();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), substitute(field.getValue(), field.getKey(), values));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(child -> copy.add(substitute(child, fieldName, values)));
            return copy;
        }
        return node;
    }

    private static String fill(String text, boolean xml, Map<String, String> values) {
        Matcher matcher = FlowTemplates.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(xml ? xmlEscape(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
