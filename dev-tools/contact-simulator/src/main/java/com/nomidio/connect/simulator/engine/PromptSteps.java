package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.model.FlowAction;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** MessageParticipant and GetParticipantInput: prompts are printed, keypad answers come from the caller's script. */
final class PromptSteps {

    private static final long DEFAULT_INPUT_SECONDS = 5;
    /** A caller who knows what to press presses it about a second after the prompt. */
    private static final long KEY_PRESS_MILLIS = 1_000;

    StepResult message(FlowAction action, CallRun call) {
        boolean toAgent = call.agentOnTheLeg();
        play(action, call, toAgent);
        if (toAgent) {
            call.transferLeg().orElseThrow().heardPrompt(call);
        }
        return StepResult.next();
    }

    StepResult input(FlowAction action, CallRun call) {
        // Whoever heard the menu is the one who may answer it: the agent presses nothing (the caller, on hold,
        // heard no question), even if the agent leaves as soon as the prompt ends.
        boolean toAgent = call.agentOnTheLeg();
        play(action, call, toAgent);
        long limitSeconds = action.textParameter("InputTimeLimitSeconds").map(Long::parseLong).orElse(DEFAULT_INPUT_SECONDS);
        Optional<String> entry = toAgent ? Optional.empty() : call.nextKeypadEntry();
        if (entry.isEmpty()) {
            call.clock().pass(limitSeconds * 1000);
            String who = toAgent ? "agent" : "caller";
            call.record(action, TranscriptEvent.Kind.INPUT, who + " presses nothing for " + limitSeconds + " s",
                    Map.of("input", "", "timeoutSeconds", Long.toString(limitSeconds), "listener", who));
            if (toAgent) {
                call.transferLeg().orElseThrow().heardPrompt(call);
            }
            return StepResult.failure("InputTimeLimitExceeded", "no input within " + limitSeconds + " s");
        }
        call.clock().pass(KEY_PRESS_MILLIS);
        call.record(action, TranscriptEvent.Kind.INPUT, "caller presses " + entry.get(), Map.of("input", entry.get()));
        if ("True".equals(action.textParameter("StoreInput").orElse("False"))) {
            call.contact().storedCustomerInput(entry.get());
            return StepResult.next();
        }
        return new StepResult.Branch("keypad", entry.get());
    }

    /** A prompt the caller hears (the Lex block's own prompt too). */
    static void play(FlowAction action, CallRun call) {
        play(action, call, false);
    }

    private static void play(FlowAction action, CallRun call, boolean toAgent) {
        Map<String, String> details = new LinkedHashMap<>();
        String text;
        long millis;
        Optional<String> plain = action.textParameter("Text");
        Optional<String> ssml = action.textParameter("SSML");
        if (plain.isPresent()) {
            text = call.interpolate(plain.get());
            millis = SpokenDuration.ofText(text);
            details.put("text", text);
        } else if (ssml.isPresent()) {
            String spoken = call.interpolate(ssml.get());
            millis = SpokenDuration.ofSsml(spoken);
            details.put("ssml", spoken);
            String words = spoken.replaceAll("<[^>]+>", " ").trim().replaceAll("\\s+", " ");
            text = words.isEmpty() ? "(silence, " + seconds(millis) + ")" : words + " [SSML]";
        } else if (action.parameter("PromptId").isPresent() || action.parameter("Media").isPresent()) {
            String prompt = action.parameter("PromptId").or(() -> action.parameter("Media")).orElseThrow().toString();
            text = "(recorded prompt " + prompt + ")";
            millis = 0;
            details.put("prompt", prompt);
        } else {
            return;
        }
        details.put("durationMs", Long.toString(millis));
        details.put("listener", toAgent ? "agent" : "caller");
        call.record(action, toAgent ? TranscriptEvent.Kind.AGENT_PROMPT : TranscriptEvent.Kind.PROMPT, text, details);
        call.clock().pass(millis);
        call.media().promptEnded(call.clock().now());
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
