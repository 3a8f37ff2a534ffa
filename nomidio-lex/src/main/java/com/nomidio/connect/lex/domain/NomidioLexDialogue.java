package com.nomidio.connect.lex.domain;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.Challenge;
import com.nomidio.connect.domain.ChallengeResult;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.FlowAttributes;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.domain.VoiceAuthOutcome;
import com.nomidio.connect.gateway.GatewayError;
import com.nomidio.connect.gateway.GatewayException;
import com.nomidio.connect.gateway.NomidioGateway;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.time.Deadline;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nomidioLex's conversation, one turn per invocation, its progress kept in the Lex session between turns.
 * <ul>
 *   <li>Chat: identify the customer by the mobile number or customer reference they type (at most
 *       {@value #MAX_IDENTIFY_ATTEMPTS} attempts, then IDENTIFICATION_FAILED), then the status journey of the voice
 *       flow: registration offer, reminder, messages, and for enrolled customers a CHAT challenge they approve in
 *       the Nomidio app, checked once a turn (each answer comes back within seconds), at most
 *       {@value #MAX_CHALLENGE_CHECKS} times, then TIMEOUT.</li>
 *   <li>Voice (Lex Voice + Chat): one spoken or keyed menu choice, answered as {@code nomidio_lex_choice} for the
 *       flow to act on with nomidioAction; the audio challenge stays with the voice flow.</li>
 * </ul>
 * Every answer carries the outputs (nomidioAction's names and values) in the session attributes. Gateway faults
 * become NOMIDIO_UNAVAILABLE, the free-trial limit FREE_TRIAL_LIMIT, bad input and our own failures ERROR; each
 * closes the conversation with a message that moves it on to an agent.
 */
public final class NomidioLexDialogue implements LexCodeHook {

    public static final int MAX_IDENTIFY_ATTEMPTS = 3;
    public static final int MAX_CHALLENGE_CHECKS = 3;
    public static final int MAX_MENU_ATTEMPTS = 2;
    /** The longest a turn long-polls the challenge result: the answer must reach Connect's chat well within 10 s. */
    public static final Duration CHECK_WAIT = Duration.ofSeconds(2);

    /** The bot definition's names this hook relies on. */
    public static final String IDENTIFY_INTENT = "NomidioIdentify";
    public static final String IDENTIFIER_SLOT = "customerIdentifier";
    public static final String FALLBACK_INTENT = "FallbackIntent";

    /** What the voice flow does next: {@code nomidio_lex_choice}. */
    public static final String CHOICE_REGISTER = "REGISTER";
    public static final String CHOICE_OPT_OUT = "OPT_OUT";
    public static final String CHOICE_CONTINUE = "CONTINUE";

    private static final Logger LOG = LoggerFactory.getLogger(NomidioLexDialogue.class);

    private final NomidioGateway gateway;
    private final PhoneNumbers phoneNumbers;

    public NomidioLexDialogue(NomidioGateway gateway, PhoneNumbers phoneNumbers) {
        this.gateway = gateway;
        this.phoneNumbers = phoneNumbers;
    }

    @Override
    public LexOutcome answer(LexEvent event, Deadline deadline) {
        Turn turn = new Turn(event, deadline);
        try {
            if (turn.isVoice()) {
                return menuChoice(turn);
            }
            Stage stage = Stage.parse(turn.session(SessionKey.STAGE)).orElse(Stage.IDENTIFY);
            return switch (stage) {
                case IDENTIFY -> identify(turn);
                case OFFER, REMINDER -> offerAnswered(turn);
                case CHALLENGE -> checkChallenge(turn);
                case MENU, DONE -> {
                    turn.restart();
                    yield identify(turn);
                }
            };
        } catch (GatewayException e) {
            return gatewayFailure(turn, e);
        } catch (InvalidTurn e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("Invalid conversation state, answering ERROR");
            return turn.close(turn.failure(NomidioStatus.ERROR), Messages.ERROR, NomidioStatus.ERROR.name());
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).log("Unexpected failure, answering ERROR");
            return turn.close(turn.failure(NomidioStatus.ERROR), Messages.ERROR, NomidioStatus.ERROR.name());
        }
    }

    /** The answer to an event that cannot be read, or when nothing else can be answered: Close, Failed, ERROR. */
    public static LexOutcome failure(LexEvent event) {
        Turn turn = new Turn(event, null);
        return turn.close(turn.failure(NomidioStatus.ERROR), Messages.ERROR, NomidioStatus.ERROR.name());
    }

    // --- chat: identification ------------------------------------------------------------------------------

    private LexOutcome identify(Turn turn) {
        String typed = turn.typed(IDENTIFIER_SLOT);
        FlowAttributes unidentified = FlowAttributes.failure(NomidioStatus.IDENTIFICATION_FAILED);
        if (typed == null || typed.isBlank()) {
            // Nothing typed yet (the conversation's opening): ask, without using an attempt.
            return turn.elicitIdentifier(unidentified, Messages.ASK_IDENTIFIER, "ASKED");
        }
        int attempt = turn.count(SessionKey.ATTEMPTS) + 1;
        CustomerIdentifier identifier = CustomerIdentifier.parse(typed, phoneNumbers);
        turn.customer(identifier.masked());
        Subject subject = switch (identifier) {
            case CustomerIdentifier.Phone phone -> Subject.phone(phone.e164());
            case CustomerIdentifier.Reference reference -> Subject.customerReference(reference.value());
            case CustomerIdentifier.Unusable unusable -> null;
        };
        if (subject == null) {
            return retryIdentification(turn, attempt, Messages.NOT_RECOGNISED);
        }
        Identity identity = turn.timed(() -> gateway.identify(subject, turn.deadline));
        if (identifier instanceof CustomerIdentifier.Reference && identity.status() == NomidioStatus.NOT_FOUND) {
            return retryIdentification(turn, attempt, Messages.REFERENCE_NOT_FOUND);
        }
        turn.remove(SessionKey.ATTEMPTS);
        if (identifier instanceof CustomerIdentifier.Phone phone) {
            // Only for the SMS invitation, which the number's owner must accept on that phone.
            turn.put(SessionKey.PHONE, phone.e164());
        }
        LOG.atInfo().addKeyValue("status", identity.status()).addKeyValue("attempt", attempt)
                .addKeyValue("by", identifier instanceof CustomerIdentifier.Phone ? "phone" : "reference")
                .log("Chat customer identified");
        return statusJourney(turn, identity);
    }

    private LexOutcome retryIdentification(Turn turn, int attempt, String message) {
        FlowAttributes unidentified = FlowAttributes.failure(NomidioStatus.IDENTIFICATION_FAILED);
        if (attempt >= MAX_IDENTIFY_ATTEMPTS) {
            LOG.atInfo().addKeyValue("attempts", attempt).log("Chat customer not identified, answering IDENTIFICATION_FAILED");
            return turn.close(unidentified, Messages.IDENTIFICATION_FAILED, NomidioStatus.IDENTIFICATION_FAILED.name());
        }
        turn.put(SessionKey.ATTEMPTS, Integer.toString(attempt));
        return turn.elicitIdentifier(unidentified, message, "RETRY");
    }

    // --- chat: the status journey --------------------------------------------------------------------------

    private LexOutcome statusJourney(Turn turn, Identity identity) {
        NomidioStatus status = identity.status();
        FlowAttributes known = beforeChallenge(status, identity);
        boolean hasPhone = turn.session(SessionKey.PHONE) != null;
        // What was typed is unverified: the journey says only what is safe to tell anyone who typed that number or
        // reference, and offers only what the owner must accept on their own phone (the SMS invitation).
        return switch (status) {
            case NOT_FOUND, EXISTS -> hasPhone
                    ? turn.elicitIntent(known, Stage.OFFER, Messages.OFFER, status.name())
                    : turn.close(known, Messages.OFFER_WITHOUT_PHONE, status.name());
            case INVITED, PENDING, INVITATION_SENT -> hasPhone
                    ? turn.elicitIntent(known, Stage.REMINDER, Messages.REMINDER, status.name())
                    : turn.close(known, Messages.REMINDER_WITHOUT_PHONE, status.name());
            case ENROLLED, AWAITING_APPROVAL, TAC_WARN -> startChallenge(turn, identity);
            // Opted out, blocked, terms expired, trial used up: nothing of it is said to whoever typed the number.
            case TAC_EXPIRED, OPTED_OUT, BLOCKED, FREE_TRIAL_LIMIT, WITHHELD_NUMBER, ERROR, NOMIDIO_UNAVAILABLE,
                 IDENTIFICATION_FAILED -> turn.close(known, Messages.NOT_BY_CHAT, status.name());
        };
    }

    /** The customer's answer to the registration offer or the reminder. */
    private LexOutcome offerAnswered(Turn turn) {
        FlowAttributes known = turn.known;
        if (known.status() == null) {
            throw new InvalidTurn("session attribute " + ContactAttribute.STATUS.key() + " is missing or unreadable");
        }
        MenuChoice choice = MenuChoice.of(turn.intentName(), turn.event.inputTranscript());
        String phone = turn.session(SessionKey.PHONE);
        switch (choice) {
            case REGISTER -> {
                if (phone == null) {
                    return turn.close(known, Messages.NO_PHONE_FOR_INVITATION, known.status().name());
                }
                turn.customer(PhoneNumbers.mask(phone));
                Identity invited = turn.timed(() -> gateway.invite(phone, turn.contactId(), turn.deadline));
                LOG.atInfo().addKeyValue("status", invited.status()).log("Registration invitation sent");
                return turn.close(merged(known, invited), Messages.INVITATION_SENT, invited.status().name());
            }
            case OPT_OUT -> {
                // Not for a typed identity: anyone could opt someone else's number out. The owner opts out from
                // their own phone (the voice flow knows the caller's number) or in the Nomidio app.
                LOG.info("Opt-out asked on chat; not done for a typed identity");
                return turn.close(known, Messages.OPT_OUT_NOT_BY_CHAT, known.status().name());
            }
            default -> {
                return turn.close(known, Messages.CONTINUE, known.status().name());
            }
        }
    }

    // --- chat: the challenge in the Nomidio app ------------------------------------------------------------

    private LexOutcome startChallenge(Turn turn, Identity identity) {
        String nomidioId = identity.nomidioId();
        if (nomidioId == null) {
            throw new InvalidTurn("the gateway identified a customer with status " + identity.status()
                    + " without a Nomidio ID");
        }
        AuthLevel level = requestedLevel(turn);
        Challenge challenge = turn.timed(() ->
                gateway.createChallenge(nomidioId, level, Channel.CHAT, turn.contactId(), turn.deadline));
        if (challenge.status() != ChallengeStatus.PENDING || !challenge.level().covers(level)) {
            // As nomidioAction: a challenge that is not new, or below the level asked for, could never prove it.
            LOG.atWarn().addKeyValue("challengeId", challenge.challengeId()).addKeyValue("requestedLevel", level)
                    .addKeyValue("confirmedLevel", challenge.level()).addKeyValue("status", challenge.status())
                    .log("The gateway created a challenge other than the one asked for; cancelling it, answering ERROR");
            cancelQuietly(turn, challenge.challengeId());
            return turn.close(new FlowAttributes(NomidioStatus.ERROR, identity.fraudFlag(), null, null, false,
                    nomidioId, null, VoiceAuthOutcome.beforeChallenge(NomidioStatus.ERROR)),
                    Messages.ERROR, NomidioStatus.ERROR.name());
        }
        LOG.atInfo().addKeyValue("challengeId", challenge.challengeId()).addKeyValue("authLevel", challenge.level())
                .addKeyValue("channel", Channel.CHAT).log("Challenge created");
        turn.remove(SessionKey.CHECKS);
        FlowAttributes pending = new FlowAttributes(identity.status(), identity.fraudFlag(), challenge.level(),
                ChallengeStatus.PENDING, false, nomidioId, challenge.challengeId(),
                VoiceAuthOutcome.afterChallenge(ChallengeStatus.PENDING));
        // No word of TAC_WARN's terms here: the owner's app shows them, whoever typed the number need not learn it.
        return turn.elicitIntent(pending, Stage.CHALLENGE, Messages.CHALLENGE_SENT, "CREATED");
    }

    /** Any words from the customer ("done") check the result once, briefly; PENDING asks them to go on. */
    private LexOutcome checkChallenge(Turn turn) {
        FlowAttributes known = turn.known;
        String challengeId = known.challengeId();
        if (challengeId == null || known.status() == null) {
            throw new InvalidTurn("session attributes " + ContactAttribute.CHALLENGE_ID.key() + " and "
                    + ContactAttribute.STATUS.key() + " are needed to check a challenge");
        }
        int check = turn.count(SessionKey.CHECKS) + 1;
        ChallengeResult result;
        try {
            Duration wait = CHECK_WAIT.compareTo(turn.deadline.remaining()) < 0 ? CHECK_WAIT : turn.deadline.remaining();
            result = turn.timed(() -> gateway.challengeResult(challengeId, wait, turn.deadline));
        } catch (GatewayException e) {
            if (!e.error().isServiceFault()) {
                throw e;
            }
            // As the voice flow: a transient gateway fault costs one check, not the challenge.
            LOG.atWarn().addKeyValue("challengeId", challengeId).addKeyValue("error", e.error())
                    .addKeyValue("check", check).log("Could not check the challenge, the customer may try again");
            result = null;
        }
        ChallengeStatus status = result == null ? ChallengeStatus.PENDING : result.status();
        AuthLevel level = result == null ? known.challengeAuth() : result.level();
        AuthLevel required = known.challengeAuth() == AuthLevel.HIGH ? AuthLevel.HIGH : requestedLevel(turn);
        if (status == ChallengeStatus.PASSED && !level.covers(required)) {
            LOG.atWarn().addKeyValue("challengeId", challengeId).addKeyValue("requiredLevel", required)
                    .addKeyValue("confirmedLevel", level).log("Challenge passed below the level asked for, answering FAILED");
            status = ChallengeStatus.FAILED;
        }
        if (!status.isFinal() && check >= MAX_CHALLENGE_CHECKS) {
            LOG.atInfo().addKeyValue("challengeId", challengeId).addKeyValue("checks", check)
                    .log("Challenge not completed in the app, answering TIMEOUT");
            status = ChallengeStatus.TIMEOUT;
        }
        boolean authenticatedEnrolled = status == ChallengeStatus.PASSED && known.status().isEnrolled();
        FlowAttributes outputs = new FlowAttributes(known.status(), known.fraudFlag(), level, status,
                authenticatedEnrolled, known.nomidioId(), challengeId, VoiceAuthOutcome.afterChallenge(status));
        if (!status.isFinal()) {
            turn.put(SessionKey.CHECKS, Integer.toString(check));
            return turn.elicitIntent(outputs, Stage.CHALLENGE,
                    result == null ? Messages.CHALLENGE_NOT_CHECKED : Messages.CHALLENGE_WAITING, status.name());
        }
        LOG.atInfo().addKeyValue("challengeId", challengeId).addKeyValue("status", status).addKeyValue("authLevel", level)
                .addKeyValue("authenticatedEnrolled", authenticatedEnrolled).log("Challenge finished");
        String message = switch (status) {
            case PASSED -> Messages.PASSED;
            case FAILED -> Messages.FAILED;
            default -> Messages.TIMEOUT;
        };
        return turn.close(outputs, message, status.name());
    }

    private void cancelQuietly(Turn turn, String challengeId) {
        try {
            turn.timed(() -> gateway.cancelChallenge(challengeId, CancelReason.INTERNAL_ERROR, turn.deadline));
        } catch (GatewayException e) {
            // The gateway expires an unanswered challenge by itself; the answer does not depend on this.
            LOG.atWarn().addKeyValue("challengeId", challengeId).addKeyValue("error", e.error())
                    .log("Could not cancel the challenge");
        }
    }

    // --- voice: the menu choice ----------------------------------------------------------------------------

    private LexOutcome menuChoice(Turn turn) {
        MenuChoice choice = MenuChoice.of(turn.intentName(), turn.event.inputTranscript());
        int attempt = turn.count(SessionKey.ATTEMPTS) + 1;
        if (choice == MenuChoice.UNKNOWN && attempt < MAX_MENU_ATTEMPTS) {
            turn.put(SessionKey.ATTEMPTS, Integer.toString(attempt));
            return turn.elicitIntent(null, Stage.MENU, Messages.MENU_AGAIN, choice.name());
        }
        String flowChoice = switch (choice) {
            case REGISTER -> CHOICE_REGISTER;
            case OPT_OUT -> CHOICE_OPT_OUT;
            case DECLINE, UNKNOWN -> CHOICE_CONTINUE;
        };
        turn.put(SessionKey.CHOICE, flowChoice);
        // No message: the voice flow speaks the result once nomidioAction has acted on the choice.
        return turn.close(null, null, flowChoice);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private LexOutcome gatewayFailure(Turn turn, GatewayException e) {
        GatewayError error = e.error();
        NomidioStatus status;
        if (error.isServiceFault()) {
            status = NomidioStatus.NOMIDIO_UNAVAILABLE;
            LOG.atWarn().addKeyValue("operation", e.operation()).addKeyValue("error", error)
                    .addKeyValue("detail", e.getMessage()).log("Nomidio gateway unavailable, answering NOMIDIO_UNAVAILABLE");
        } else if (error == GatewayError.FREE_TRIAL_LIMIT) {
            status = NomidioStatus.FREE_TRIAL_LIMIT;
            LOG.atWarn().addKeyValue("operation", e.operation()).addKeyValue("error", error)
                    .log("Nomidio free trial limit reached (upgrade via the Nomidio Admin Service), answering FREE_TRIAL_LIMIT");
        } else {
            status = NomidioStatus.ERROR;
            LOG.atError().addKeyValue("operation", e.operation()).addKeyValue("error", error)
                    .addKeyValue("detail", e.getMessage()).log("Nomidio gateway refused the request, answering ERROR");
        }
        String message = switch (status) {
            case ERROR -> Messages.ERROR;
            case FREE_TRIAL_LIMIT -> Messages.NOT_BY_CHAT;
            default -> Messages.NOT_AVAILABLE;
        };
        return turn.close(turn.failure(status), message, status.name());
    }

    /**
     * {@code nomidio_auth_level} read as nomidioAction reads it: absent is STANDARD, STANDARD or HIGH in any case,
     * anything else HIGH with a warning (a stricter check than meant is the safe mistake).
     */
    private static AuthLevel requestedLevel(Turn turn) {
        String raw = turn.session(ContactAttribute.AUTH_LEVEL.key());
        if (raw == null) {
            return AuthLevel.STANDARD;
        }
        return AuthLevel.parse(raw).orElseGet(() -> {
            LOG.atWarn().addKeyValue("attribute", ContactAttribute.AUTH_LEVEL.key())
                    .log("Unknown authentication level, using HIGH");
            return AuthLevel.HIGH;
        });
    }

    private static FlowAttributes beforeChallenge(NomidioStatus status, Identity identity) {
        return new FlowAttributes(status, identity.fraudFlag(), null, null, false, identity.nomidioId(), null,
                VoiceAuthOutcome.beforeChallenge(status));
    }

    /** What the gateway answered replaces the session's values; what it left out keeps them. */
    private static FlowAttributes merged(FlowAttributes known, Identity identity) {
        return new FlowAttributes(identity.status(),
                identity.fraudFlag() != null ? identity.fraudFlag() : known.fraudFlag(), null, null, false,
                identity.nomidioId() != null ? identity.nomidioId() : known.nomidioId(), null,
                VoiceAuthOutcome.beforeChallenge(identity.status()));
    }

    /** A session the conversation cannot continue from: answered ERROR, logged with the problem. */
    private static final class InvalidTurn extends RuntimeException {
        InvalidTurn(String message) {
            super(message, null, false, false);
        }
    }
}
