package com.nomidio.connect.lex.entrypoints;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;

/** Reads the parts of a Lex V2 response the tests look at. */
final class LexAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LexAnswers() {
    }

    /**
     * Asserts that the answer closes the conversation on {@code intent} with exactly {@code closingMessage}, and
     * returns an assertion on its session attributes for the outcome each test checks.
     */
    static MapAssert<String, String> assertClosed(ObjectNode answer, String intent, String closingMessage) {
        Assertions.assertThat(dialogAction(answer)).isEqualTo("Close");
        Assertions.assertThat(intentName(answer)).isEqualTo(intent);
        Assertions.assertThat(message(answer)).isEqualTo(closingMessage);
        return Assertions.assertThat(session(answer));
    }

    /**
     * Asserts that the answer is the "not approved yet" reply to a customer saying "done" too early (the challenge
     * stays open, so Lex waits for the next utterance), and returns an assertion on its session attributes.
     */
    static MapAssert<String, String> assertAwaitingApproval(ObjectNode answer) {
        Assertions.assertThat(dialogAction(answer)).isEqualTo("ElicitIntent");
        Assertions.assertThat(message(answer)).startsWith("We have not received your approval yet.");
        return Assertions.assertThat(session(answer));
    }

    static String dialogAction(ObjectNode answer) {
        return answer.path("sessionState").path("dialogAction").path("type").asText();
    }

    static String slotToElicit(ObjectNode answer) {
        return answer.path("sessionState").path("dialogAction").path("slotToElicit").asText(null);
    }

    static String intentName(ObjectNode answer) {
        return answer.path("sessionState").path("intent").path("name").asText(null);
    }

    static String intentState(ObjectNode answer) {
        return answer.path("sessionState").path("intent").path("state").asText(null);
    }

    static Map<String, String> session(ObjectNode answer) {
        return JSON.convertValue(answer.path("sessionState").path("sessionAttributes"),
                new TypeReference<Map<String, String>>() { });
    }

    /** The one message's text, or null when the answer says nothing. */
    static String message(ObjectNode answer) {
        if (!answer.path("messages").isArray() || answer.path("messages").isEmpty()) {
            return null;
        }
        return answer.path("messages").get(0).path("content").asText();
    }

    static String contentType(ObjectNode answer) {
        return answer.path("messages").get(0).path("contentType").asText();
    }
}
