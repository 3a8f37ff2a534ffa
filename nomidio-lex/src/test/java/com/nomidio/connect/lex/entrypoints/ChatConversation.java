package com.nomidio.connect.lex.entrypoints;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One chat conversation through the harness: each reply is built from the previous turn and the handler's answer
 * to it, as Lex does, so that multi-turn tests read as the conversation rather than as event plumbing.
 */
final class ChatConversation {

    private final NomidioLexHarness harness;
    private ObjectNode turn;
    private ObjectNode answer;

    private ChatConversation(NomidioLexHarness harness, ObjectNode first) {
        this.harness = harness;
        this.turn = first;
        this.answer = harness.invoke(first);
    }

    /** Sends the first turn; {@link #answer()} is the handler's answer to it. */
    static ChatConversation start(NomidioLexHarness harness, ObjectNode first) {
        return new ChatConversation(harness, first);
    }

    /** The handler's answer to the latest turn. */
    ObjectNode answer() {
        return answer;
    }

    /** Sends the customer's next turn, recognised as {@code intent}, and returns the handler's answer. */
    ObjectNode reply(String intent, String typed) {
        turn = LexEventFixtures.nextTurn(turn, answer, intent, typed);
        answer = harness.invoke(turn);
        return answer;
    }
}
