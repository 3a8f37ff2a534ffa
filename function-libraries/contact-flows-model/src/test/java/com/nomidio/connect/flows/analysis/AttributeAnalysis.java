package com.nomidio.connect.flows.analysis;

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

/**
 * Which contact attributes are certainly set when execution reaches each action ("must" data flow: the
 * intersection over every path from StartAction). An UpdateContactAttributes sets its keys on its success
 * transition; paths on which a set-attributes block itself fails are not counted (they are Connect faults,
 * not outcomes a flow designs for), so their error branches contribute nothing.
 */
public final class AttributeAnalysis {

    private static final String UPDATE_CONTACT_ATTRIBUTES = "UpdateContactAttributes";

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
                    if (edge.kind() == FlowGraph.EdgeKind.ERROR) {
                        continue;
                    }
                    action.parameter("Attributes").ifPresent(a -> a.fieldNames().forEachRemaining(out::add));
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

    /** Attributes certainly set on arrival at the action; empty when no counted path reaches it. */
    public Optional<Set<String>> setOnArrival(String identifier) {
        return Optional.ofNullable(onEntry.get(identifier)).map(s -> Set.copyOf(new TreeSet<>(s)));
    }

    /**
     * For each action where execution leaves the flow (ends, or leaves on success), the attributes of
     * {@code required} not certainly set on arrival. Only exits with something missing are returned.
     */
    public Map<String, Set<String>> missingAtExits(Set<String> required) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (FlowAction action : document.actions()) {
            boolean exit = catalog.find(action.type()).map(t -> t.exit() != ExitBehaviour.CONTINUES).orElse(false);
            Set<String> set = onEntry.get(action.identifier());
            if (exit && set != null) {
                Set<String> absent = new TreeSet<>(required);
                absent.removeAll(set);
                if (!absent.isEmpty()) {
                    missing.put(action.identifier(), absent);
                }
            }
        }
        return missing;
    }
}
