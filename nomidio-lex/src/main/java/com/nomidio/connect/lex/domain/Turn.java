package com.nomidio.connect.lex.domain;

import com.nomidio.connect.domain.FlowAttributes;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.VoiceAuthOutcome;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.time.GatewayTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One code-hook invocation: the event, its deadline, the session as it came in (and as the answer changes it),
 * the outputs the session already held, and the time spent at the gateway. Builds the Lex responses.
 */
final class Turn {

    final LexEvent event;
    final Deadline deadline;
    /** What the session held: the outputs of earlier turns, read back. */
    final FlowAttributes known;
    private final Map<String, String> session;
    private String maskedCustomer = "";
    private final GatewayTime gatewayTime = new GatewayTime();

    Turn(LexEvent event, Deadline deadline) {
        this.event = event;
        this.deadline = deadline;
        this.session = sessionOf(event);
        this.known = FlowAttributes.fromMap(session);
    }

    String contactId() {
        return event.sessionId();
    }

    String intentName() {
        LexEvent.Intent intent = intent(event);
        return intent == null ? null : intent.name();
    }

    /** What the customer typed into {@code slot}, else their whole input. */
    String typed(String slot) {
        LexEvent.Intent intent = intent(event);
        String inSlot = intent == null ? null : intent.slotText(slot);
        return inSlot != null && !inSlot.isBlank() ? inSlot : event.inputTranscript();
    }

    /**
     * Voice (Lex Voice + Chat): Connect says so ({@code x-amz-lex:channels:platform} = Connect), or the customer
     * spoke or keyed their input. Chat otherwise.
     */
    boolean isVoice() {
        String platform = event.requestAttributes() == null ? null : event.requestAttributes().get(LexEvent.PLATFORM);
        if (LexEvent.PLATFORM_CONNECT_CHAT.equals(platform)) {
            return false;
        }
        return LexEvent.PLATFORM_CONNECT_VOICE.equals(platform)
                || "Speech".equals(event.inputMode()) || "DTMF".equals(event.inputMode());
    }

    String session(String key) {
        String value = session.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String session(SessionKey key) {
        return session(key.key());
    }

    void put(SessionKey key, String value) {
        session.put(key.key(), value);
    }

    void remove(SessionKey key) {
        session.remove(key.key());
    }

    /** A counter kept in the session; unreadable counts as 0. */
    int count(SessionKey key) {
        try {
            String value = session(key);
            return value == null ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A new conversation in the same session: nothing of the previous one's progress is kept. */
    void restart() {
        for (SessionKey key : SessionKey.values()) {
            session.remove(key.key());
        }
    }

    void customer(String masked) {
        maskedCustomer = masked;
    }

    <T> T timed(Supplier<T> call) {
        return gatewayTime.timed(call);
    }

    /** A failed turn keeps what the session knew (ids, fraud flag) but reports no challenge outcome. */
    FlowAttributes failure(NomidioStatus status) {
        return new FlowAttributes(status, known.fraudFlag(), null, null, false, known.nomidioId(), known.challengeId(),
                VoiceAuthOutcome.beforeChallenge(status));
    }

    /** Asks for the customer identifier again (the bot definition's NomidioIdentify intent and slot). */
    LexOutcome elicitIdentifier(FlowAttributes outputs, String message, String outcome) {
        session.putAll(outputs.toMap());
        put(SessionKey.STAGE, Stage.IDENTIFY.name());
        Map<String, LexEvent.Slot> slots = new HashMap<>();
        slots.put(NomidioLexDialogue.IDENTIFIER_SLOT, null);
        LexEvent.Intent intent = new LexEvent.Intent(NomidioLexDialogue.IDENTIFY_INTENT, LexResponse.IN_PROGRESS,
                null, slots);
        return answer(new LexEvent.DialogAction(LexResponse.ELICIT_SLOT, NomidioLexDialogue.IDENTIFIER_SLOT), intent,
                message, Stage.IDENTIFY.name(), outcome);
    }

    /** Waits for the customer's next words, whatever intent they match. {@code outputs} null leaves them as they are. */
    LexOutcome elicitIntent(FlowAttributes outputs, Stage stage, String message, String outcome) {
        if (outputs != null) {
            session.putAll(outputs.toMap());
        }
        put(SessionKey.STAGE, stage.name());
        return answer(new LexEvent.DialogAction(LexResponse.ELICIT_INTENT, null), null, message, stage.name(), outcome);
    }

    /**
     * Ends the conversation: the flow continues (the ConnectParticipantWithLexBot block exits) and reads the outputs
     * from the session attributes. {@code outputs} null leaves them as they are; {@code message} null says nothing.
     */
    LexOutcome close(FlowAttributes outputs, String message, String outcome) {
        if (outputs != null) {
            session.putAll(outputs.toMap());
        }
        for (SessionKey key : SessionKey.values()) {
            if (key.isPrivate()) {
                session.remove(key.key());
            }
        }
        put(SessionKey.STAGE, Stage.DONE.name());
        boolean failed = outputs != null && outputs.status() == NomidioStatus.ERROR;
        LexEvent.Intent current = intent(event);
        LexEvent.Intent intent = new LexEvent.Intent(
                current != null && current.name() != null ? current.name() : NomidioLexDialogue.FALLBACK_INTENT,
                failed ? LexResponse.FAILED : LexResponse.FULFILLED,
                current == null ? null : current.confirmationState(),
                current == null ? null : current.slots());
        return answer(new LexEvent.DialogAction(LexResponse.CLOSE, null), intent, message, Stage.DONE.name(), outcome);
    }

    private LexOutcome answer(LexEvent.DialogAction action, LexEvent.Intent intent, String message, String stage,
                              String outcome) {
        LexResponse response = new LexResponse(new LexEvent.SessionState(
                Collections.unmodifiableMap(new LinkedHashMap<>(session)), action, intent),
                message == null ? null : List.of(LexResponse.Message.plainText(message)));
        return new LexOutcome(response, stage, outcome, maskedCustomer, gatewayTime.latency());
    }

    private static LexEvent.Intent intent(LexEvent event) {
        return event == null || event.sessionState() == null ? null : event.sessionState().intent();
    }

    private static Map<String, String> sessionOf(LexEvent event) {
        Map<String, String> session = new LinkedHashMap<>();
        if (event != null && event.sessionState() != null && event.sessionState().sessionAttributes() != null) {
            event.sessionState().sessionAttributes().forEach((key, value) -> {
                if (key != null && value != null) {
                    session.put(key, value);
                }
            });
        }
        return session;
    }
}
