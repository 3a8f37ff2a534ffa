package com.nomidio.connect.domain;

/**
 * Every contact attribute name the product reads or writes, in one place (the guide's "Contact Attribute
 * Inputs" and "Contact Attribute Outputs", plus the Voice ID vocabulary and the identifiers), and the two
 * names that are neither: the contact's own bookkeeping and an answer key the flows branch on.
 */
public enum ContactAttribute {
    // Inputs
    POST_FLOW_ID("nomidio_post_flow_id", Kind.INPUT),
    AUTH_LEVEL("nomidio_auth_level", Kind.INPUT),
    // Outputs
    STATUS("nomidio_status", Kind.OUTPUT),
    FRAUD_FLAG("nomidio_fraud_flag", Kind.OUTPUT),
    CHALLENGE_AUTH("nomidio_challenge_auth", Kind.OUTPUT),
    CHALLENGE_RESULT("nomidio_challenge_result", Kind.OUTPUT),
    AUTHENTICATED_ENROLLED("nomidio_authenticated_enrolled", Kind.OUTPUT),
    NOMIDIO_ID("nomidio_id", Kind.OUTPUT),
    CHALLENGE_ID("nomidio_challenge_id", Kind.OUTPUT),
    VOICE_AUTH("nomidio_voice_auth", Kind.OUTPUT),
    // Bookkeeping: "true" once nomidioAction sent this contact an invitation; never reset, so that a contact
    // re-entering the authentication flow (a customer flow transferring back) is not invited again. Claims nothing.
    INVITE_SENT("nomidio_invite_sent", Kind.BOOKKEEPING),
    // Bookkeeping of an agent challenge (the agent API writes both, only for the contact's own connected agent):
    // REQUESTED while the contact is on its way to NOMIDIO-AGENT-CHALLENGE-QUEUE, and the ARN of the agent who
    // asked, so that the challenge's result routes the contact back to that agent's own queue. Claims nothing.
    AGENT_CHALLENGE("nomidio_agent_challenge", Kind.BOOKKEEPING),
    RETURN_AGENT("nomidio_return_agent", Kind.BOOKKEEPING),
    // An answer key only ($.External, never stored): RATE_LIMITED when the gateway refused invite or optOut for
    // now, so the flow can say so without the outputs changing meaning.
    ACTION_RESULT("nomidio_action_result", Kind.ANSWER),
    // An answer key only ($.Lex.SessionAttributes, never stored): nomidioLex's reading of a voice menu answer
    // (REGISTER, OPT_OUT, CONTINUE), which NOMIDIO-LEX-AUTHENTICATION-FLOW branches on.
    LEX_CHOICE("nomidio_lex_choice", Kind.ANSWER),
    // An answer key only ($.External, never stored): PENDING when challengeResult finds a HIGH challenge whose voice
    // part has passed and whose face check is awaited, so the flow asks the caller for it then. Claims nothing.
    FACE_CHECK("nomidio_face_check", Kind.ANSWER);

    /** What the flows and nomidioAction do with an attribute. */
    public enum Kind {
        /** Set by the customer's flows, read by ours. */
        INPUT,
        /** One of the outputs every Nomidio flow sets on every path. */
        OUTPUT,
        /** Written by our flows for their own use; no claim about the caller. */
        BOOKKEEPING,
        /** Answered by nomidioAction (or nomidioLex) for the flow to branch on; never copied into the contact. */
        ANSWER
    }

    private final String key;
    private final Kind kind;

    ContactAttribute(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isOutput() {
        return kind == Kind.OUTPUT;
    }

    public String key() {
        return key;
    }
}
