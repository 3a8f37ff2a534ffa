package com.nomidio.connect.flows.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.flows.catalog.ActionCatalog;
import com.nomidio.connect.flows.catalog.ExitBehaviour;
import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.flows.model.FlowDocument;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which attributes are certainly written on every path from StartAction to each action — stricter than
 * {@link AttributeAnalysis} where it matters for claims: a set-attributes block that copies a {@code $.} value
 * sets nothing on its error branch (a key the Lambda did not answer sends the flow there, as Connect does), so
 * that branch is followed with nothing added. Only a block of fixed values failing is left out, as a Connect fault
 * no flow can route around (whatever it did next would be another write that could fail the same way).
 */
final class ClaimAnalysis {

    private static final String UPDATE_CONTACT_ATTRIBUTES = "UpdateContactAttributes";

    private final FlowDocument document;
    private final Map<String, Set<String>> onArrival;

    private ClaimAnalysis(FlowDocument document, Map<String, Set<String>> onArrival) {
        this.document = document;
        this.onArrival = onArrival;
    }

    static ClaimAnalysis of(FlowDocument document) {
        Map<String, Set<String>> in = new HashMap<>();
        String start = document.startAction();
        FlowGraph graph = FlowGraph.of(document);
        in.put(start, new HashSet<>());
        Deque<String> pending = new ArrayDeque<>(Set.of(start));
        while (!pending.isEmpty()) {
            String id = pending.poll();
            FlowAction action = document.action(id).orElseThrow();
            for (FlowGraph.Edge edge : graph.outgoing(id)) {
                if (edge.to() == null || document.action(edge.to()).isEmpty()) {
                    continue;
                }
                Set<String> out = new HashSet<>(in.get(id));
                if (UPDATE_CONTACT_ATTRIBUTES.equals(action.type())) {
                    if (edge.kind() != FlowGraph.EdgeKind.ERROR) {
                        written(action).keySet().forEach(out::add);
                    } else if (!copiesAnything(action)) {
                        continue;
                    }
                }
                Set<String> current = in.get(edge.to());
                if (current == null) {
                    in.put(edge.to(), out);
                    pending.add(edge.to());
                } else if (current.retainAll(out)) {
                    pending.add(edge.to());
                }
            }
        }
        return new ClaimAnalysis(document, in);
    }

    /** What an UpdateContactAttributes block writes (attribute to value), empty for any other action. */
    static Map<String, String> written(FlowAction action) {
        Map<String, String> values = new LinkedHashMap<>();
        if (UPDATE_CONTACT_ATTRIBUTES.equals(action.type())) {
            action.parameter("Attributes").ifPresent(a -> a.properties().forEach(e -> values.put(e.getKey(), text(e.getValue()))));
        }
        return values;
    }

    /** Attributes certainly written before the action runs; null when no path reaches it. */
    Set<String> writtenOnArrival(String identifier) {
        return onArrival.get(identifier);
    }

    /**
     * For each exit (an action that ends the flow or leaves it on success) that some path reaches with one of
     * {@code required} not written, the attributes not written; exits {@code handsOver} accepts are skipped (a
     * transfer into a flow that writes them itself).
     */
    Map<String, Set<String>> unwrittenAtExits(ActionCatalog catalog, Set<String> required, Predicate<FlowAction> handsOver) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (FlowAction action : document.actions()) {
            boolean exit = catalog.find(action.type()).map(t -> t.exit() != ExitBehaviour.CONTINUES).orElse(false);
            Set<String> set = onArrival.get(action.identifier());
            if (exit && set != null && !handsOver.test(action)) {
                Set<String> absent = new TreeSet<>(required);
                absent.removeAll(set);
                if (!absent.isEmpty()) {
                    missing.put(action.identifier(), absent);
                }
            }
        }
        return missing;
    }

    private static boolean copiesAnything(FlowAction action) {
        return written(action).values().stream().anyMatch(v -> v.startsWith("$."));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }
}
