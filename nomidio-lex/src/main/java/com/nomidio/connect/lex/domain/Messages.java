package com.nomidio.connect.lex.domain;

/** What the bot says. Plain sentences, in the voice flows' words where the journey is the same. */
final class Messages {

    /** How most answers end: the contact goes on to an agent. */
    private static final String TO_AGENT = " We will pass you to an agent.";
    /**
     * The end of every chat offer. No opt-out on chat: what the customer typed is unverified (anyone can type
     * someone else's number), so opting out is left to the owner's own phone call or the Nomidio app.
     */
    private static final String OR_NO = " Otherwise reply \"no\".";

    static final String ASK_IDENTIFIER = "Please type the mobile number or the customer reference you use with us.";
    static final String NOT_RECOGNISED = "Sorry, that does not look like a mobile number or a customer reference. "
            + ASK_IDENTIFIER;
    static final String REFERENCE_NOT_FOUND = "Sorry, we could not find that customer reference. " + ASK_IDENTIFIER;
    static final String IDENTIFICATION_FAILED = "Sorry, we could not identify you." + TO_AGENT;

    static final String OFFER = "Next time, you could confirm your identity with Nomidio. To receive a text message"
            + " inviting you to register, reply 1 or \"register\"." + OR_NO;
    static final String OFFER_WITHOUT_PHONE = "Next time, you could confirm your identity with Nomidio, using the"
            + " Nomidio app." + TO_AGENT;
    static final String REMINDER = "Your Nomidio registration is not complete yet. To receive the invitation text"
            + " message again, reply 1 or \"register\"." + OR_NO;
    static final String REMINDER_WITHOUT_PHONE = "Your Nomidio registration is not complete yet: please finish it"
            + " in the Nomidio app." + TO_AGENT;
    static final String INVITATION_SENT = "We have sent you a text message with your invitation. Thank you."
            + TO_AGENT;
    static final String NO_PHONE_FOR_INVITATION = "We can only send an invitation to a mobile number." + TO_AGENT;
    static final String OPT_OUT_NOT_BY_CHAT = "Opting out of Nomidio is done from your own phone, when you call us,"
            + " or in the Nomidio app." + TO_AGENT;
    static final String CONTINUE = "Thank you." + TO_AGENT;

    /**
     * Chat, for the statuses that would tell whoever typed a number something about it (opted out, blocked, terms
     * expired, the enterprise's trial used up) and those that end the journey anyway: one neutral sentence. The
     * session attributes still carry the gateway's status for the agent.
     */
    static final String NOT_BY_CHAT = "We cannot confirm your identity by chat right now." + TO_AGENT;
    static final String NOT_AVAILABLE = "We cannot confirm your identity with Nomidio right now." + TO_AGENT;

    static final String CHALLENGE_SENT = "To confirm your identity, we have sent a request to your Nomidio app."
            + " Please approve it there, then reply \"done\".";
    static final String CHALLENGE_WAITING = "We have not received your approval yet. Please approve the request"
            + " in your Nomidio app, then reply \"done\".";
    static final String CHALLENGE_NOT_CHECKED = "Sorry, we could not check just now. Please reply \"done\" again"
            + " in a moment.";
    static final String PASSED = "Thank you. Your identity has been confirmed." + TO_AGENT;
    static final String FAILED = "Sorry, we could not confirm your identity." + TO_AGENT;
    static final String TIMEOUT = "Sorry, we could not complete the identity check this time." + TO_AGENT;

    static final String MENU_AGAIN = "Sorry, I did not catch that. Say \"register\" or press 1, say \"opt out\" or"
            + " press 2, or say \"no\".";

    static final String ERROR = "Sorry, something went wrong with the identity check." + TO_AGENT;

    private Messages() {
    }
}
