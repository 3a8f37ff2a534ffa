package com.nomidio.connect.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.simulator.lex.LexConversation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ConnectParticipantWithLexBot, as Connect runs it: the block's prompt, then the customer talks with the bot at
 * LexV2Bot.AliasArn (the simulator's local Lex runtime, whose code hook is the real nomidioLex) until the bot
 * closes the intent. Session attributes go in through LexSessionAttributes only (a reference to nothing is left
 * out); the result is {@code $.Lex} — IntentName, Slots, SessionAttributes — and the branch is the intent name
 * (Equals conditions). Chat lines are Text; on voice, digits are DTMF and words Speech. No more lines from the
 * customer is InputTimeLimitExceeded; the bot failing (its code hook erring) is NoMatchingError.
 */
final class LexStep implements ActionStep {

    /** Connect's chat waits for the customer; a script this long means the conversation never ends. */
    static final int MAX_TURNS = 25;
    private static final Pattern DIGITS = Pattern.compile("^[0-9#*]+$");
    /** A typing customer takes a few seconds per line; a caller answers about a second after the prompt. */
    private static final long TYPING_MILLIS = 4_000;
    private static final long SPEAKING_MILLIS = 1_000;
    private static final Set<String> APP_APPROVES = Set.of("app:approve", "app:passed");
    private static final Set<String> APP_REFUSES = Set.of("app:refuse", "app:failed");

    @Override
    public StepResult run(FlowAction action, CallRun call) {
        PromptSteps.play(action, call);
        String rawAlias = action.parameter("LexV2Bot").map(b -> b.path("AliasArn").asText(null)).orElse(null);
        Optional<String> alias = call.resolve(rawAlias);
        if (alias.isEmpty() || call.lex() == null) {
            return StepResult.failure("NoMatchingError", "LexV2Bot.AliasArn " + rawAlias + " names no bot");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : action.parameter("LexSessionAttributes").map(JsonNode::properties)
                .orElse(Set.of())) {
            call.resolve(entry.getValue().asText()).ifPresent(value -> attributes.put(entry.getKey(), value));
        }
        Contact contact = call.contact();
        boolean chat = contact.isChat();
        Optional<LexConversation> opened = call.lex().open(alias.get(), contact.contactId(),
                chat ? "Connect Chat" : "Connect", attributes);
        if (opened.isEmpty()) {
            return StepResult.failure("NoMatchingError", "no Lex bot at " + alias.get());
        }
        LexConversation conversation = opened.get();
        Map<String, String> session = new LinkedHashMap<>(attributes);
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            Optional<String> input = call.nextCustomerInput();
            while (input.isPresent() && isAppAction(input.get())) {
                completeInApp(input.get(), session, call, action);
                input = call.nextCustomerInput();
            }
            if (input.isEmpty()) {
                call.record(action, TranscriptEvent.Kind.INPUT, (chat ? "customer types" : "caller says")
                        + " nothing more", Map.of("input", ""));
                return StepResult.failure("InputTimeLimitExceeded", "no more input from the customer");
            }
            String words = input.get();
            String mode = chat ? "Text" : DIGITS.matcher(words).matches() ? "DTMF" : "Speech";
            call.clock().pass(chat ? TYPING_MILLIS : SPEAKING_MILLIS);
            call.record(action, TranscriptEvent.Kind.INPUT, (chat ? "customer types " : mode.equals("DTMF")
                    ? "caller presses " : "caller says ") + "\"" + words + "\"", Map.of("input", words, "inputMode", mode));
            LexConversation.Turn result = conversation.say(words, mode);
            for (LexConversation.HookCall hook : result.hookCalls()) {
                call.clock().advance(hook.durationMillis());
                Map<String, String> details = new LinkedHashMap<>();
                details.put("function", "nomidioLex");
                details.put("invocationSource", hook.invocationSource());
                details.put("intent", hook.intent());
                details.put("durationMs", Long.toString(hook.durationMillis()));
                details.put("dialogAction", String.valueOf(hook.dialogAction()));
                if (hook.failure() != null) {
                    details.put("failure", hook.failure());
                }
                call.record(action, TranscriptEvent.Kind.LAMBDA, "nomidioLex (" + hook.invocationSource() + ", "
                        + hook.intent() + ", " + hook.durationMillis() + " ms) -> "
                        + (hook.failure() == null ? hook.dialogAction() : "failed: " + hook.failure()), details);
            }
            session = new LinkedHashMap<>(result.sessionAttributes());
            for (String message : result.messages()) {
                call.record(action, TranscriptEvent.Kind.PROMPT, "bot: " + message, Map.of("text", message, "bot",
                        conversation.botName()));
                call.clock().pass(chat ? 0 : SpokenDuration.ofText(message));
            }
            if (result.failure() != null) {
                return StepResult.failure("NoMatchingError", "Lex: " + result.failure());
            }
            if (result.closed()) {
                contact.lex(result.intentName(), result.slots(), result.sessionAttributes());
                call.record(action, TranscriptEvent.Kind.ATTRIBUTES_SET, "Lex closed " + result.intentName() + " ("
                        + result.intentState() + "): $.Lex.SessionAttributes " + AttributeSteps.describe(
                        visible(result.sessionAttributes())), visible(result.sessionAttributes()));
                return new StepResult.Branch("intent", result.intentName());
            }
        }
        return StepResult.failure("NoMatchingError", "the bot did not close within " + MAX_TURNS + " turns");
    }

    private static boolean isAppAction(String input) {
        String said = input.trim().toLowerCase(Locale.ROOT);
        return APP_APPROVES.contains(said) || APP_REFUSES.contains(said);
    }

    private static void completeInApp(String input, Map<String, String> session, CallRun call, FlowAction action) {
        String outcome = APP_APPROVES.contains(input.trim().toLowerCase(Locale.ROOT)) ? "PASSED" : "FAILED";
        String challengeId = session.get(ContactAttribute.CHALLENGE_ID.key());
        if (challengeId == null || challengeId.isEmpty()) {
            throw new SimulationStopped("the script says " + input + ", but the bot has created no challenge to answer");
        }
        call.app().complete(challengeId, outcome);
        call.clock().pass(TYPING_MILLIS);
        call.record(action, TranscriptEvent.Kind.INPUT, "customer " + (outcome.equals("PASSED") ? "approves" : "refuses")
                + " the request in the Nomidio app", Map.of("app", outcome, "challengeId", challengeId));
    }

    /** The session attributes the flow may read, without the hook's own bookkeeping. */
    private static Map<String, String> visible(Map<String, String> session) {
        Map<String, String> shown = new LinkedHashMap<>();
        session.forEach((k, v) -> {
            if (!k.startsWith("nomidio_lex_") || k.equals(ContactAttribute.LEX_CHOICE.key())) {
                shown.put(k, v);
            }
        });
        return shown;
    }
}
