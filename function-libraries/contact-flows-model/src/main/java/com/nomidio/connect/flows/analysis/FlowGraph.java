package com.nomidio.connect.flows.analysis;

import com.nomidio.connect.flows.model.ConditionBranch;
import com.nomidio.connect.flows.model.ErrorBranch;
import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.flows.model.FlowDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The transitions of a flow as a directed graph between action identifiers. */
public final class FlowGraph {

    public enum EdgeKind {
        NEXT,
        CONDITION,
        ERROR
    }

    /** {@code label}: the condition ("Equals ENROLLED") or the error type; null for NEXT. */
    public record Edge(String from, String to, EdgeKind kind, String label) {
    }

    private final FlowDocument document;
    private final List<Edge> edges;

    private FlowGraph(FlowDocument document, List<Edge> edges) {
        this.document = document;
        this.edges = List.copyOf(edges);
    }

    public static FlowGraph of(FlowDocument document) {
        List<Edge> edges = new ArrayList<>();
        for (FlowAction action : document.actions()) {
            if (action.identifier() == null) {
                continue;
            }
            String from = action.identifier();
            if (action.transitions().nextAction() != null) {
                edges.add(new Edge(from, action.transitions().nextAction(), EdgeKind.NEXT, null));
            }
            for (ConditionBranch c : action.transitions().conditions()) {
                edges.add(new Edge(from, c.nextAction(), EdgeKind.CONDITION, c.operator() + " " + String.join(",", c.operands())));
            }
            for (ErrorBranch e : action.transitions().errors()) {
                edges.add(new Edge(from, e.nextAction(), EdgeKind.ERROR, e.errorType()));
            }
        }
        return new FlowGraph(document, edges);
    }

    public List<Edge> outgoing(String identifier) {
        return edges.stream().filter(e -> e.from().equals(identifier)).toList();
    }

    /** Identifiers reachable from StartAction (StartAction included when it exists). */
    public Set<String> reachable() {
        Set<String> seen = new LinkedHashSet<>();
        String start = document.startAction();
        if (start == null || document.action(start).isEmpty()) {
            return seen;
        }
        Deque<String> pending = new ArrayDeque<>(List.of(start));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (seen.add(id)) {
                outgoing(id).stream().map(Edge::to)
                        .filter(to -> to != null && document.action(to).isPresent())
                        .forEach(pending::push);
            }
        }
        return seen;
    }
}
