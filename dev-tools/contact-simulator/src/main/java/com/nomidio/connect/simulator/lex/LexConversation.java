package com.nomidio.connect.simulator.lex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.simulator.engine.FunctionInvoker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One Lex V2 conversation, turn by turn, as the runtime drives a bot whose intents use a Lambda code hook:
 * the customer's words become an intent (or fill the slot being elicited, or switch intent on a whole sample
 * utterance), the dialog code hook is invoked ({@code DialogCodeHook}) when the intent enables it, and its
 * {@code dialogAction} is honoured — Close ends the conversation, ElicitSlot / ElicitIntent / ConfirmIntent wait for
 * the next words, Delegate lets Lex elicit the required slots and then fulfil, invoking the fulfillment code hook
 * ({@code FulfillmentCodeHook}) when the intent enables it. A hook that fails, times out or answers something that
 * is not a Lex V2 response ends the conversation with an error, as Lex answers Connect with one.
 */
public final class LexConversation {

    private static final String ELICIT_SLOT = "ElicitSlot";
    private static final String ELICIT_INTENT = "ElicitIntent";
    private static final String CONFIRM_INTENT = "ConfirmIntent";
    private static final String CLOSE = "Close";
    private static final String DELEGATE = "Delegate";

    private final LocalLexRuntime.DeployedBot bot;
    private final String sessionId;
    private final String platform;
    private final Map<String, String> session;
    private final FunctionInvoker functions;
    private final ObjectMapper json;
    private final String originatingRequestId = UUID.randomUUID().toString();

    private BotDefinition.Intent intent;
    private Map<String, String> slots = new LinkedHashMap<>();
    private String intentState = "InProgress";
    private String confirmationState = "None";
    private String slotToElicit;
    private boolean confirming;
    private boolean closed;

    LexConversation(LocalLexRuntime.DeployedBot bot, String sessionId, String platform, Map<String, String> session,
            FunctionInvoker functions, ObjectMapper json) {
        this.bot = bot;
        this.sessionId = sessionId;
        this.platform = platform;
        this.session = session;
        this.functions = functions;
        this.json = json;
    }

    public String botName() {
        return bot.name();
    }

    /**
     * The customer's next words.
     *
     * @param inputMode Text (chat), Speech or DTMF (voice)
     */
    public Turn say(String words, String inputMode) {
        if (closed) {
            throw new IllegalStateException("the conversation is closed");
        }
        List<HookCall> calls = new ArrayList<>();
        understand(words);
        try {
            Answer answer = intent.dialogCodeHook()
                    ? hook("DialogCodeHook", words, inputMode, calls)
                    : Answer.delegate();
            return respond(answer, words, inputMode, calls);
        } catch (HookFailure failure) {
            closed = true;
            return new Turn(List.of(), calls, true, intent.intentName(), "Failed", Map.copyOf(session), Map.copyOf(slots),
                    failure.getMessage());
        }
    }

    /** Which intent the words are, and what they fill. */
    private void understand(String words) {
        if (confirming) {
            String said = IntentMatcher.normalise(words);
            confirming = false;
            if (List.of("yes", "yes please", "yeah", "ok", "okay").contains(said)) {
                confirmationState = "Confirmed";
                return;
            }
            if (List.of("no", "no thanks", "nope").contains(said)) {
                confirmationState = "Denied";
                return;
            }
        }
        if (intent != null && slotToElicit != null) {
            Optional<BotDefinition.Intent> other = bot.matcher().wholeUtterance(words);
            Optional<String> value = intent.slot(slotToElicit).flatMap(slot -> IntentMatcher.slotValue(slot, words));
            if ((other.isEmpty() || other.get().equals(intent)) && value.isPresent()) {
                slots.put(slotToElicit, value.get());
                slotToElicit = null;
                return;
            }
        }
        IntentMatcher.Match match = bot.matcher().match(words);
        intent = match.intent();
        slots = new LinkedHashMap<>(match.slots());
        intentState = "InProgress";
        confirmationState = "None";
        slotToElicit = null;
    }

    private Turn respond(Answer answer, String words, String inputMode, List<HookCall> calls) {
        List<String> messages = new ArrayList<>(answer.messages());
        switch (answer.action()) {
            case CLOSE -> {
                closed = true;
                intentState = answer.intentState() == null ? "Fulfilled" : answer.intentState();
            }
            case ELICIT_SLOT -> {
                slotToElicit = answer.slotToElicit();
                if (messages.isEmpty()) {
                    intent.slot(slotToElicit).map(BotDefinition.Slot::elicitationPrompt).ifPresent(messages::add);
                }
            }
            case ELICIT_INTENT -> {
                slotToElicit = null;
                intentState = "InProgress";
            }
            case CONFIRM_INTENT -> confirming = true;
            case DELEGATE -> {
                Optional<BotDefinition.Slot> missing = intent.slots().stream()
                        .filter(slot -> slot.required() && slots.get(slot.slotName()) == null).findFirst();
                if (missing.isPresent()) {
                    slotToElicit = missing.get().slotName();
                    messages.add(missing.get().elicitationPrompt());
                } else if (intent.fulfillmentCodeHook()) {
                    Turn fulfilled = respond(hook("FulfillmentCodeHook", words, inputMode, calls), words, inputMode, calls);
                    List<String> all = new ArrayList<>(messages);
                    all.addAll(fulfilled.messages());
                    return fulfilled.withMessages(all);
                } else {
                    closed = true;
                    intentState = "Fulfilled";
                }
            }
            default -> throw new HookFailure("the code hook answered dialogAction " + answer.action());
        }
        return new Turn(List.copyOf(messages), List.copyOf(calls), closed, intent.intentName(), intentState,
                Map.copyOf(session), Map.copyOf(slots), null);
    }

    /** Invokes the code hook with the Lex V2 event and reads its answer; the session takes its attributes. */
    private Answer hook(String invocationSource, String words, String inputMode, List<HookCall> calls) {
        FunctionInvoker.Invocation invocation = functions.invoke(bot.codeHookArn(),
                event(invocationSource, words, inputMode), LocalLexRuntime.CODE_HOOK_LIMIT);
        if (invocation.failed()) {
            calls.add(new HookCall(invocationSource, intent.intentName(), invocation.durationMillis(), null, invocation.failure()));
            throw new HookFailure("the code hook failed: " + invocation.failure());
        }
        JsonNode response;
        try {
            response = json.readTree(new String(invocation.response(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            response = null;
        }
        JsonNode state = response == null ? null : response.path("sessionState");
        String action = state == null ? "" : state.path("dialogAction").path("type").asText("");
        if (state == null || action.isEmpty()) {
            calls.add(new HookCall(invocationSource, intent.intentName(), invocation.durationMillis(), null,
                    "not a Lex V2 response"));
            throw new HookFailure("the code hook answered something that is not a Lex V2 response");
        }
        calls.add(new HookCall(invocationSource, intent.intentName(), invocation.durationMillis(), action, null));
        session.clear();
        state.path("sessionAttributes").properties().forEach(e -> session.put(e.getKey(), e.getValue().asText()));
        JsonNode answeredIntent = state.path("intent");
        if (answeredIntent.hasNonNull("name")) {
            bot.locale().intent(answeredIntent.path("name").asText()).ifPresent(i -> intent = i);
        }
        answeredIntent.path("slots").properties().forEach(e -> {
            JsonNode value = e.getValue().path("value").path("interpretedValue");
            if (value.isTextual()) {
                slots.put(e.getKey(), value.asText());
            } else if (e.getValue().isNull()) {
                slots.remove(e.getKey());
            }
        });
        List<String> messages = new ArrayList<>();
        response.path("messages").forEach(m -> messages.add(m.path("content").asText()));
        String answeredState = answeredIntent.path("state").isTextual() ? answeredIntent.path("state").asText() : null;
        return new Answer(action, state.path("dialogAction").path("slotToElicit").asText(null), answeredState, messages);
    }

    private byte[] event(String invocationSource, String words, String inputMode) {
        ObjectNode event = json.createObjectNode();
        event.put("messageVersion", "1.0");
        event.put("invocationSource", invocationSource);
        event.put("inputMode", inputMode);
        event.put("responseContentType", "text/plain; charset=utf-8");
        event.put("sessionId", sessionId);
        event.put("inputTranscript", words);
        ObjectNode botNode = event.putObject("bot");
        botNode.put("id", bot.botId());
        botNode.put("name", bot.name());
        botNode.put("localeId", bot.locale().localeId());
        botNode.put("version", "1");
        botNode.put("aliasId", bot.aliasId());
        botNode.put("aliasName", "live");
        ObjectNode interpretation = event.putArray("interpretations").addObject();
        interpretation.set("intent", intentNode());
        interpretation.put("nluConfidence", intent.equals(bot.locale().fallback()) ? 0.0 : 1.0);
        interpretation.put("interpretationSource", "Lex");
        event.putObject("requestAttributes").put("x-amz-lex:channels:platform", platform);
        ObjectNode state = event.putObject("sessionState");
        state.putArray("activeContexts");
        state.set("sessionAttributes", json.valueToTree(session));
        state.set("intent", intentNode());
        state.put("originatingRequestId", originatingRequestId);
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Lex event", e);
        }
    }

    private ObjectNode intentNode() {
        ObjectNode node = json.createObjectNode();
        node.put("name", intent.intentName());
        ObjectNode slotsNode = node.putObject("slots");
        for (BotDefinition.Slot slot : intent.slots()) {
            String value = slots.get(slot.slotName());
            if (value == null) {
                slotsNode.putNull(slot.slotName());
            } else {
                ObjectNode valueNode = slotsNode.putObject(slot.slotName()).put("shape", "Scalar").putObject("value");
                valueNode.put("originalValue", value);
                valueNode.put("interpretedValue", value);
                valueNode.putArray("resolvedValues");
            }
        }
        node.put("state", intentState);
        node.put("confirmationState", confirmationState);
        return node;
    }

    /**
     * What one turn came to.
     *
     * @param closed  the bot closed the intent: Connect's block completes with {@code intentName}
     * @param failure why Lex answered Connect with an error (the block's NoMatchingError), or null
     */
    public record Turn(List<String> messages, List<HookCall> hookCalls, boolean closed, String intentName,
            String intentState, Map<String, String> sessionAttributes, Map<String, String> slots, String failure) {

        Turn withMessages(List<String> all) {
            return new Turn(List.copyOf(all), hookCalls, closed, intentName, intentState, sessionAttributes, slots, failure);
        }
    }

    /** One code hook invocation: how it went, for the transcript. */
    public record HookCall(String invocationSource, String intent, long durationMillis, String dialogAction,
            String failure) {
    }

    private record Answer(String action, String slotToElicit, String intentState, List<String> messages) {
        static Answer delegate() {
            return new Answer(DELEGATE, null, null, List.of());
        }
    }

    private static final class HookFailure extends RuntimeException {
        HookFailure(String message) {
            super(message, null, false, false);
        }
    }
}
