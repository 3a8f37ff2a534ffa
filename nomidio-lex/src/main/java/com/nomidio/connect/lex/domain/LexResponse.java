package com.nomidio.connect.lex.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The code hook's answer ("AWS Lambda response format for Lex V2"): the session state (always), and the messages
 * Lex shows or speaks next (required for ElicitIntent and ConfirmIntent; nomidioLex sends one on every turn it
 * speaks).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LexResponse(LexEvent.SessionState sessionState, List<Message> messages) {

    public static final String ELICIT_SLOT = "ElicitSlot";
    public static final String ELICIT_INTENT = "ElicitIntent";
    public static final String CLOSE = "Close";
    public static final String FULFILLED = "Fulfilled";
    public static final String FAILED = "Failed";
    public static final String IN_PROGRESS = "InProgress";

    /** {@code contentType}: PlainText or SSML (nomidioLex writes plain text: Connect speaks it with Polly). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String contentType, String content) {

        public static Message plainText(String content) {
            return new Message("PlainText", content);
        }
    }
}
