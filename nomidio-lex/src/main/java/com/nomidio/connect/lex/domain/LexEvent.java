package com.nomidio.connect.lex.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The Lex V2 code-hook event, as far as nomidioLex reads it ("AWS Lambda input event format for Lex V2"; the Java
 * events library has no Lex V2 classes). Lex adds fields over time: unknown ones are ignored.
 *
 * @param invocationSource  {@code DialogCodeHook} or {@code FulfillmentCodeHook}
 * @param inputMode         {@code Text}, {@code Speech} or {@code DTMF}
 * @param sessionId         the Lex session; Amazon Connect uses the contact's id
 * @param inputTranscript   what the customer typed or said (never logged)
 * @param requestAttributes {@code x-amz-lex:channels:platform} is {@code Connect} (voice) or {@code Connect Chat}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LexEvent(
        String messageVersion,
        String invocationSource,
        String inputMode,
        String sessionId,
        String inputTranscript,
        Bot bot,
        SessionState sessionState,
        Map<String, String> requestAttributes) {

    /** The request attribute naming the contact center application that sends the conversation. */
    public static final String PLATFORM = "x-amz-lex:channels:platform";
    public static final String PLATFORM_CONNECT_VOICE = "Connect";
    public static final String PLATFORM_CONNECT_CHAT = "Connect Chat";

    @Override
    public String toString() {
        // The transcript may hold a phone number: it never leaves through toString.
        return "LexEvent[invocationSource=" + invocationSource + ", inputMode=" + inputMode + ", sessionId="
                + sessionId + "]";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bot(String id, String name, String aliasId, String aliasName, String localeId, String version) {
    }

    /** The conversation's state: in the event, and (without the fields left null) in the response. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionState(Map<String, String> sessionAttributes, DialogAction dialogAction, Intent intent) {
    }

    /** {@code type}: ElicitSlot, ElicitIntent, ConfirmIntent, Close or Delegate. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DialogAction(String type, String slotToElicit) {
    }

    /**
     * {@code state}: Failed, Fulfilled, FulfillmentInProgress, InProgress, ReadyForFulfillment, Waiting;
     * {@code confirmationState}: Confirmed, Denied, None. A slot not filled maps to null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Intent(String name, String state, String confirmationState, Map<String, Slot> slots) {

        /** The customer's words for {@code slot}: what Lex interpreted, else what they typed or said; null if none. */
        public String slotText(String slot) {
            Slot filled = slots == null ? null : slots.get(slot);
            if (filled == null || filled.value() == null) {
                return null;
            }
            String interpreted = filled.value().interpretedValue();
            return interpreted != null && !interpreted.isBlank() ? interpreted : filled.value().originalValue();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slot(String shape, SlotValue value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlotValue(String originalValue, String interpretedValue, List<String> resolvedValues) {
    }
}
