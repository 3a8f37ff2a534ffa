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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which contact attributes are certainly set when execution reaches each action ("must" data flow: the
 * intersection over every path from StartAction). An UpdateContactAttributes sets its keys on its success
 * transition; what its error branch counts for is the caller's choice of {@link ErrorBranch}. The guide-output rules
 * and the claim rules ask the same question of the same paths, so they share this one walk.
 */
public final class AttributeAnalysis {

    private static final String UPDATE_CONTACT_ATTRIBUTES = "UpdateContactAttributes";

    /** How the error branch of a set-attributes block is counted. */
    public enum ErrorBranch {
        /**
         * Not followed: a set-attributes block failing is a Connect fault, not an outcome a flow designs for, so its
         * error branch contributes nothing.
         */
        IGNORED,
        /**
         * Stricter, for claims: a block that copies a {@code $.} value sets nothing on its error branch (a key the
         * Lambda did not answer sends the flow there, as Connect does), so that branch is followed with nothing
         * added. Only a block of fixed values failing is left out, as a Connect fault no flow can route around
         * (whatever it did next would be another write that could fail the same way).
         */
        FOLLOWED_WHEN_COPYING
    }

    private final FlowDocument document;
    private final ActionCatalog catalog;
    private final Map<String, Set<String>> onEntry;

    private AttributeAnalysis(FlowDocument document, ActionCatalog catalog, Map<String, Set<String>> onEntry) {
        this.document = document;
        this.catalog = catalog;
        this.onEntry = onEntry;
    }

    /** @param setBeforeStart attributes a previous flow guarantees (e.g. the authentication flow's outputs) */
    public static AttributeAnalysis of(FlowDocument document, ActionCatalog catalog, Set<String> setBeforeStart) {
        return of(document, catalog, setBeforeStart, ErrorBranch.IGNORED);
    }

    public static AttributeAnalysis of(FlowDocument document, ActionCatalog catalog, Set<String> setBeforeStart,
            ErrorBranch errorBranch) {
        Map<String, Set<String>> in = new HashMap<>();
        String start = document.startAction();
        if (start == null || document.action(start).isEmpty()) {
            return new AttributeAnalysis(document, catalog, Map.of());
        }
        FlowGraph graph = FlowGraph.of(document);
        in.put(start, new HashSet<>(setBeforeStart));
        Deque<String> pending = new ArrayDeque<>();
        pending.add(start);
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
                        out.addAll(written(action).keySet());
                    } else if (errorBranch == ErrorBranch.IGNORED || !copiesAnything(action)) {
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
        return new AttributeAnalysis(document, catalog, in);
    }

    /** What an UpdateContactAttributes block writes (attribute to value), empty for any other action. */
    public static Map<String, String> written(FlowAction action) {
        Map<String, String> values = new LinkedHashMap<>();
        if (UPDATE_CONTACT_ATTRIBUTES.equals(action.type())) {
            action.parameter("Attributes").ifPresent(a -> a.properties().forEach(e -> values.put(e.getKey(), text(e.getValue()))));
        }
        return values;
    }

    /** Attributes certainly set on arrival at the action; empty when no counted path reaches it. */
    public Optional<Set<String>> setOnArrival(String identifier) {
        return Optional.ofNullable(onEntry.get(identifier)).map(s -> Set.copyOf(new TreeSet<>(s)));
    }

    /**
     * For each action where execution leaves the flow (ends, or leaves on success), the attributes of
     * {@code required} not certainly set on arrival. Only exits with something missing are returned.
     */
    public Map<String, Set<String>> missingAtExits(Set<String> required) {
        return missingAtExits(required, action -> false);
    }

    /**
     * As {@link #missingAtExits(Set)}, skipping the exits {@code handsOver} accepts (a transfer into a flow that
     * sets the attributes itself).
     */
    public Map<String, Set<String>> missingAtExits(Set<String> required, Predicate<FlowAction> handsOver) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (FlowAction action : document.actions()) {
            boolean exit = catalog.find(action.type()).map(t -> t.exit() != ExitBehaviour.CONTINUES).orElse(false);
            Set<String> set = onEntry.get(action.identifier());
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
