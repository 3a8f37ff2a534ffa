package com.nomidio.connect.lex.domain;

/** What the bot says. Plain sentences, in the voice flows' words where the journey is the same. */
final class Messages {

    /** How most answers end: the contact goes on to an agent. */
    private static final String TO_AGENT = " We will pass you to an agent.";
    /** The end of every offer of the menu: the choices besides registering. */
    private static final String OPT_OUT_OR_NO = " If you do not want to use Nomidio, reply 2 or \"opt out\"."
            + " Otherwise reply \"no\".";

    static final String ASK_IDENTIFIER = "Please type the mobile number or the customer reference you use with us.";
    static final String NOT_RECOGNISED = "Sorry, that does not look like a mobile number or a customer reference. "
            + ASK_IDENTIFIER;
    static final String REFERENCE_NOT_FOUND = "Sorry, we could not find that customer reference. " + ASK_IDENTIFIER;
    static final String IDENTIFICATION_FAILED = "Sorry, we could not identify you." + TO_AGENT;

    static final String OFFER = "Next time, you could confirm your identity with Nomidio. To receive a text message"
            + " inviting you to register, reply 1 or \"register\"." + OPT_OUT_OR_NO;
    static final String OFFER_WITHOUT_PHONE = "Next time, you could confirm your identity with Nomidio, using the"
            + " Nomidio app." + OPT_OUT_OR_NO;
    static final String REMINDER = "Your Nomidio registration is not complete yet. To receive the invitation text"
            + " message again, reply 1 or \"register\"." + OPT_OUT_OR_NO;
    static final String REMINDER_WITHOUT_PHONE = "Your Nomidio registration is not complete yet: please finish it"
            + " in the Nomidio app." + OPT_OUT_OR_NO;
    static final String INVITATION_SENT = "We have sent you a text message with your invitation. Thank you."
            + TO_AGENT;
    static final String NO_PHONE_FOR_INVITATION = "We can only send an invitation to a mobile number." + TO_AGENT;
    static final String OPTED_OUT_NOW = "You have opted out. We will not ask you to use Nomidio again." + TO_AGENT;
    static final String CONTINUE = "Thank you." + TO_AGENT;

    static final String TAC_EXPIRED = "To keep confirming your identity with Nomidio, please accept the latest"
            + " Nomidio terms and conditions in your Nomidio app." + TO_AGENT;
    static final String TAC_WARN = "Nomidio has updated its terms and conditions. Please accept them in your"
            + " Nomidio app soon.";
    static final String OPTED_OUT = "You have opted out of Nomidio." + TO_AGENT;
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
