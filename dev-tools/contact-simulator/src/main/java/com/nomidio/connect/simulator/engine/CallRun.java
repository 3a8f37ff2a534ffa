package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.simulator.flows.FlowLibrary;
import com.nomidio.connect.simulator.flows.LoadedFlow;
import com.nomidio.connect.simulator.lex.LocalLexRuntime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One call while it runs: the contact, the flow being executed, the caller's script and the services around it. */
public final class CallRun {

    /** A keypad script entry meaning "the caller pressed nothing at this menu". */
    public static final String NO_INPUT = "timeout";

    private final Contact contact;
    private final Transcript transcript;
    private final CallClock clock;
    private final FlowLibrary flows;
    private final Deque<String> keypad;
    private final FunctionInvoker functions;
    private final CustomerMedia media;
    private final InvocationListener listener;
    private final boolean queuesAtCapacity;
    private final TransferLeg transferLeg;
    private LocalLexRuntime lex;
    private CustomerApp app = (challengeId, outcome) -> {
        throw new SimulationStopped("this call has no Nomidio app to complete challenge " + challengeId + " in");
    };
    private LoadedFlow flow;
    private Map<String, Integer> loopCounters = new HashMap<>();

    public CallRun(Contact contact, Transcript transcript, CallClock clock, FlowLibrary flows, List<String> keypad,
            FunctionInvoker functions, CustomerMedia media, InvocationListener listener, boolean queuesAtCapacity) {
        this(contact, transcript, clock, flows, keypad, functions, media, listener, queuesAtCapacity, null);
    }

    /** A call that is an agent's Queue quick connect: {@code transferLeg} says when the agent leaves. */
    public CallRun(Contact contact, Transcript transcript, CallClock clock, FlowLibrary flows, List<String> keypad,
            FunctionInvoker functions, CustomerMedia media, InvocationListener listener, boolean queuesAtCapacity,
            TransferLeg transferLeg) {
        this.transferLeg = transferLeg;
        this.contact = contact;
        this.transcript = transcript;
        this.clock = clock;
        this.flows = flows;
        this.keypad = new ArrayDeque<>(keypad);
        this.functions = functions;
        this.media = media;
        this.listener = listener;
        this.queuesAtCapacity = queuesAtCapacity;
    }

    /** The Lex runtime ConnectParticipantWithLexBot talks to, and the customer's Nomidio app. */
    public CallRun lex(LocalLexRuntime runtime, CustomerApp customerApp) {
        this.lex = runtime;
        this.app = customerApp;
        return this;
    }

    LocalLexRuntime lex() {
        return lex;
    }

    CustomerApp app() {
        return app;
    }

    /** The customer's next line (chat) or spoken or keyed answer (a voice menu the bot takes); empty when none. */
    Optional<String> nextCustomerInput() {
        return nextKeypadEntry();
    }

    public Contact contact() {
        return contact;
    }

    public CallClock clock() {
        return clock;
    }

    FlowLibrary flows() {
        return flows;
    }

    FunctionInvoker functions() {
        return functions;
    }

    CustomerMedia media() {
        return media;
    }

    InvocationListener listener() {
        return listener;
    }

    boolean queuesAtCapacity() {
        return queuesAtCapacity;
    }

    public LoadedFlow flow() {
        return flow;
    }

    /** True while the agent who chose a quick connect is still on the transfer leg (the caller on hold). */
    boolean agentOnTheLeg() {
        return transferLeg != null && transferLeg.agentOnTheLeg();
    }

    Optional<TransferLeg> transferLeg() {
        return Optional.ofNullable(transferLeg);
    }

    /** A new flow entry: Loop counters and flow attributes start afresh. */
    void enter(LoadedFlow entered) {
        this.flow = entered;
        this.loopCounters = new HashMap<>();
        contact.enterFlow();
    }

    Map<String, Integer> loopCounters() {
        return loopCounters;
    }

    /** The caller's next keypad entry, or empty when they press nothing (scripted "timeout", or the script ran out). */
    Optional<String> nextKeypadEntry() {
        String entry = keypad.poll();
        if (entry == null || entry.isBlank() || NO_INPUT.equalsIgnoreCase(entry.trim()) || "-".equals(entry.trim())) {
            return Optional.empty();
        }
        return Optional.of(entry.trim());
    }

    /** A parameter value: a {@code $.} reference resolved against the contact (empty if it names nothing), else itself. */
    Optional<String> resolve(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (ContactPaths.isReference(value)) {
            return ContactPaths.resolve(contact.referenceRoot(), value);
        }
        return Optional.of(value);
    }

    String interpolate(String text) {
        return ContactPaths.interpolate(contact.referenceRoot(), text);
    }

    public TranscriptEvent record(String actionId, TranscriptEvent.Kind kind, String text, Map<String, String> details) {
        return transcript.add(flow == null ? null : flow.name(), actionId, kind, text, details);
    }

    /** An event at a call time of its own, beside the flows (when the caller spoke). */
    public TranscriptEvent recordAt(long atMillis, TranscriptEvent.Kind kind, String text, Map<String, String> details) {
        return transcript.addAt(atMillis, null, null, kind, text, details);
    }

    TranscriptEvent record(FlowAction action, TranscriptEvent.Kind kind, String text, Map<String, String> details) {
        return record(action.identifier(), kind, text, details);
    }
}
