package com.nomidio.connect.simulator;

import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.simulator.engine.Contact;
import com.nomidio.connect.simulator.engine.MediaFault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated call: who calls, what they say and press, how the enterprise set the flows up, and what goes wrong.
 * Defaults: the enrolled caller +447700900001 (voice A in the emulator's seed) saying the voice A passphrase twice
 * (see README: once is too little speech for sampleUpload's STANDARD minimum), through NOMIDIO-PRE-FLOW.
 */
public record CallScenario(
        String contactId,
        String callerNumber,
        String channel,
        InteractionConfiguration interaction,
        List<String> utterances,
        List<String> keypad,
        String authLevel,
        String entryFlow,
        Map<String, String> customerFlows,
        Map<String, String> initialAttributes,
        String initialQueueArn,
        List<ScheduledFault> faults,
        boolean freeTrialLimitReached,
        boolean queuesAtCapacity,
        MediaFault mediaFault,
        QuickConnect quickConnect) {

    public static final String ENROLLED_CALLER = "+447700900001";
    /** What Connect presents for a caller who withholds their number. */
    public static final String WITHHELD = "anonymous";
    public static final List<String> DEFAULT_UTTERANCES = List.of("voice-a", "voice-a");
    /** The name the built-in customer pre-flow (used for an auth level) has in the instance. */
    public static final String BUILT_IN_PRE_FLOW = "CUSTOMER-PRE-FLOW";
    /** The flow the "Nomidio Agent Challenge Flow" quick connect runs. */
    public static final String AGENT_CHALLENGE_QUEUE_FLOW =
            com.nomidio.connect.flows.templates.NomidioFlow.AGENT_CHALLENGE_QUEUE.flowName();

    public CallScenario {
        utterances = List.copyOf(utterances);
        keypad = List.copyOf(keypad);
        customerFlows = Map.copyOf(customerFlows);
        initialAttributes = Map.copyOf(initialAttributes);
        faults = List.copyOf(faults);
    }

    /**
     * The call is an agent's Queue quick connect to NOMIDIO-AGENT-CHALLENGE-QUEUE: the agent ({@code agentArn})
     * hears the transfer flow with the caller on hold, and leaves after {@code promptsBeforeLeaving} of its prompts.
     */
    public record QuickConnect(String agentArn, int promptsBeforeLeaving) {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String contactId;
        private String callerNumber = ENROLLED_CALLER;
        private String channel = Contact.CHANNEL_VOICE;
        private InteractionConfiguration interaction = InteractionConfiguration.STANDARD_VOICE_ONLY;
        private List<String> utterances = DEFAULT_UTTERANCES;
        private final List<String> keypad = new ArrayList<>();
        private String authLevel;
        private String entryFlow;
        private final Map<String, String> customerFlows = new LinkedHashMap<>();
        private final Map<String, String> initialAttributes = new LinkedHashMap<>();
        private String initialQueueArn;
        private final List<ScheduledFault> faults = new ArrayList<>();
        private boolean freeTrialLimitReached;
        private boolean queuesAtCapacity;
        private MediaFault mediaFault = MediaFault.NONE;
        private QuickConnect quickConnect;

        public Builder contactId(String id) {
            this.contactId = id;
            return this;
        }

        /** The caller id Connect presents (E.164, or {@link #WITHHELD}). */
        public Builder caller(String number) {
            this.callerNumber = number;
            return this;
        }

        public Builder withheldNumber() {
            return caller(WITHHELD);
        }

        public Builder channel(String value) {
            this.channel = value;
            return this;
        }

        public Builder interaction(InteractionConfiguration configuration) {
            this.interaction = configuration;
            return this;
        }

        /** What the caller says when asked, one after the other: fixture names or WAV paths. */
        public Builder says(String... sources) {
            this.utterances = List.of(sources);
            return this;
        }

        public Builder says(List<String> sources) {
            this.utterances = List.copyOf(sources);
            return this;
        }

        /**
         * Keypad answers, one per menu, in order; {@code timeout} presses nothing. A menu past the end times out.
         * Where the bot takes the menu (Lex Voice + Chat) an entry is what the caller presses or says: digits are
         * keyed (DTMF), words spoken ("register", "opt out").
         */
        public Builder presses(String... entries) {
            keypad.addAll(List.of(entries));
            return this;
        }

        public Builder presses(List<String> entries) {
            keypad.addAll(entries);
            return this;
        }

        /**
         * A chat contact (channel CHAT, no phone number): the customer's lines, in order, one per bot turn;
         * {@code app:approve} / {@code app:refuse} answer the bot's challenge in the Nomidio app instead of typing.
         */
        public Builder types(String... lines) {
            return types(List.of(lines));
        }

        public Builder types(List<String> lines) {
            this.channel = Contact.CHANNEL_CHAT;
            keypad.addAll(lines);
            return this;
        }

        /** Starts the call in a built-in customer pre-flow that sets nomidio_auth_level to this value. */
        public Builder authLevel(String level) {
            this.authLevel = level;
            return this;
        }

        /** A customer flow (flow-language JSON; the Nomidio flows' placeholders may be used) the call starts in. */
        public Builder entryFlow(String name, String json) {
            customerFlows.put(name, json);
            this.entryFlow = name;
            return this;
        }

        /**
         * Starts the call in a flow the instance already has: a Nomidio flow (NOMIDIO-AGENT-CHALLENGE-QUEUE, as the
         * agent's quick connect does) or one given with {@link #flow}.
         */
        public Builder startsIn(String flowName) {
            this.entryFlow = flowName;
            return this;
        }

        /** Another customer flow in the instance (a post-flow), at {@code …/contact-flow/NAME}. */
        public Builder flow(String name, String json) {
            customerFlows.put(name, json);
            return this;
        }

        public Builder attribute(String name, String value) {
            initialAttributes.put(name, value);
            return this;
        }

        /** The queue the contact is already in (a whisper or queue flow runs for a queued contact). */
        public Builder queue(String queueArn) {
            this.initialQueueArn = queueArn;
            return this;
        }

        public Builder fault(ScheduledFault fault) {
            faults.add(fault);
            return this;
        }

        public Builder freeTrialLimitReached(boolean reached) {
            this.freeTrialLimitReached = reached;
            return this;
        }

        public Builder queuesAtCapacity(boolean full) {
            this.queuesAtCapacity = full;
            return this;
        }

        /** Starting media streaming fails this way (the capture cannot begin). */
        public Builder mediaFault(MediaFault fault) {
            this.mediaFault = fault;
            return this;
        }

        /**
         * The agent {@code agentArn} transfers the caller with the "Nomidio Agent Challenge Flow" quick connect and
         * completes the transfer (leaves) once the flow has played them its first prompt, as the README tells agents
         * to. The call starts in NOMIDIO-AGENT-CHALLENGE-QUEUE, in the quick connect's queue (the working queue).
         */
        public Builder agentQuickConnect(String agentArn) {
            return agentQuickConnect(agentArn, 1);
        }

        /** As {@link #agentQuickConnect(String)}, the agent leaving after this many prompts of the transfer flow. */
        public Builder agentQuickConnect(String agentArn, int promptsBeforeLeaving) {
            this.quickConnect = new QuickConnect(agentArn, promptsBeforeLeaving);
            this.entryFlow = AGENT_CHALLENGE_QUEUE_FLOW;
            return this;
        }

        public CallScenario build() {
            return new CallScenario(contactId, callerNumber, channel, interaction, utterances, keypad, authLevel,
                    entryFlow, customerFlows, initialAttributes, initialQueueArn, faults, freeTrialLimitReached,
                    queuesAtCapacity, mediaFault, quickConnect);
        }
    }
}
