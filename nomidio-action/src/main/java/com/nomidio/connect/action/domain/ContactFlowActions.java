package com.nomidio.connect.action.domain;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.Challenge;
import com.nomidio.connect.domain.ChallengeResult;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.FlowAttributes;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.domain.VoiceAuthOutcome;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.time.GatewayTime;
import com.nomidio.connect.gateway.GatewayError;
import com.nomidio.connect.gateway.GatewayException;
import com.nomidio.connect.gateway.NomidioGateway;
import com.nomidio.connect.phone.CallerNumber;
import com.nomidio.connect.phone.PhoneNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact-flow actions. Every path ends in a complete answer: gateway faults become NOMIDIO_UNAVAILABLE,
 * the free-trial limit FREE_TRIAL_LIMIT, bad input and our own failures ERROR (with a log line saying why),
 * and a withheld caller id WITHHELD_NUMBER without a gateway call.
 */
public final class ContactFlowActions implements ActionPerformer {

    private static final Logger LOG = LoggerFactory.getLogger(ContactFlowActions.class);
    private static final String TRUE = "true";

    private final NomidioGateway gateway;
    private final PhoneNumbers phoneNumbers;
    private final SampleUploadStarter sampleUploads;
    private final Clock clock;
    private final Duration maxLongPoll;

    /** @param maxLongPoll the longest a challengeResult waits at the gateway, whatever the deadline allows */
    public ContactFlowActions(NomidioGateway gateway, PhoneNumbers phoneNumbers, SampleUploadStarter sampleUploads,
                              Clock clock, Duration maxLongPoll) {
        this.gateway = gateway;
        this.phoneNumbers = phoneNumbers;
        this.sampleUploads = sampleUploads;
        this.clock = clock;
        this.maxLongPoll = maxLongPoll;
    }

    @Override
    public ActionOutcome perform(ActionRequest request, Deadline deadline) {
        Invocation invocation = new Invocation(request, deadline);
        Action action = Action.parse(request.actionName()).orElse(null);
        if (action == null) {
            LOG.atError().addKeyValue("value", loggable(request.actionName()))
                    .log("Unknown or missing 'action' invocation parameter, answering ERROR");
            return invocation.failure(ActionOutcome.UNKNOWN_ACTION, NomidioStatus.ERROR);
        }
        try {
            if (isBlank(request.contactId())) {
                throw new InvalidRequest("the event has no ContactId");
            }
            return switch (action) {
                case LOOKUP -> lookup(invocation);
                case INVITE -> invite(invocation);
                case OPT_OUT -> optOut(invocation);
                case CREATE_CHALLENGE -> createChallenge(invocation);
                case START_SAMPLE_UPLOAD -> startSampleUpload(invocation);
                case CHALLENGE_RESULT -> challengeResult(invocation);
                case CANCEL_CHALLENGE -> cancelChallenge(invocation);
            };
        } catch (GatewayException e) {
            return gatewayFailure(invocation, action, e);
        } catch (InvalidRequest e) {
            LOG.atError().addKeyValue("action", action.parameterValue()).addKeyValue("problem", e.getMessage())
                    .log("Invalid request, answering ERROR");
            return invocation.failure(action.parameterValue(), NomidioStatus.ERROR);
        } catch (ConfigurationFailure e) {
            LOG.atError().addKeyValue("action", action.parameterValue()).addKeyValue("problem", e.getMessage())
                    .addKeyValue("exception", String.valueOf(e.getCause()))
                    .log("The deployment's configuration failed this action, answering ERROR");
            return invocation.failure(action.parameterValue(), NomidioStatus.ERROR, true);
        } catch (SampleUploadException e) {
            LOG.atError().addKeyValue("action", action.parameterValue()).addKeyValue("problem", e.getMessage())
                    .setCause(e.getCause()).log("Could not start sampleUpload, answering ERROR");
            return invocation.failure(action.parameterValue(), NomidioStatus.ERROR);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("action", action.parameterValue()).setCause(e)
                    .log("Unexpected failure, answering ERROR");
            return invocation.failure(action.parameterValue(), NomidioStatus.ERROR);
        }
    }

    // --- the actions -----------------------------------------------------------------------------------------

    private ActionOutcome lookup(Invocation in) {
        Channel channel = channel(in.request);
        if (channel == Channel.CHAT && isBlank(in.request.callerAddress())) {
            // Chat customers identify themselves to the Lex bot (nomidioLex); there is no caller id here.
            LOG.atInfo().addKeyValue("channel", channel).log("Chat contact without a phone number, answering IDENTIFICATION_FAILED");
            return in.answer(Action.LOOKUP, NomidioStatus.IDENTIFICATION_FAILED.name(),
                    beforeChallenge(NomidioStatus.IDENTIFICATION_FAILED, null, null, null));
        }
        CallerNumber caller = in.caller(phoneNumbers);
        if (caller instanceof CallerNumber.Withheld) {
            return withheld(in, Action.LOOKUP);
        }
        String e164 = e164(caller);
        Identity identity = in.timed(() -> gateway.identify(Subject.phone(e164), in.deadline));
        return in.answer(Action.LOOKUP, identity.status().name(),
                beforeChallenge(identity.status(), identity.fraudFlag(), identity.nomidioId(), null));
    }

    private ActionOutcome invite(Invocation in) {
        CallerNumber caller = in.caller(phoneNumbers);
        if (caller instanceof CallerNumber.Withheld) {
            return withheld(in, Action.INVITE);
        }
        if (TRUE.equals(in.request.attributes().get(ContactAttribute.INVITE_SENT.key()))) {
            // At most one invitation per contact: each one is an SMS paid for, and the number is only the caller id.
            LOG.atInfo().addKeyValue("action", Action.INVITE.parameterValue())
                    .addKeyValue("attribute", ContactAttribute.INVITE_SENT.key())
                    .log("This contact was already sent an invitation, answering INVITATION_SENT without calling Nomidio");
            NomidioStatus status = NomidioStatus.INVITATION_SENT;
            return in.answer(Action.INVITE, status.name(), beforeChallenge(status, null, in.state.nomidioId(),
                    in.state.challengeId())).withAnswer(ContactAttribute.INVITE_SENT, TRUE);
        }
        String e164 = e164(caller);
        Identity identity = in.timed(() -> gateway.invite(e164, in.request.contactId(), in.deadline));
        return in.answer(Action.INVITE, identity.status().name(), merged(in.state, identity))
                .withAnswer(ContactAttribute.INVITE_SENT, TRUE);
    }

    private ActionOutcome optOut(Invocation in) {
        Subject subject;
        if (in.state.nomidioId() != null) {
            subject = Subject.nomidioId(in.state.nomidioId());
        } else {
            CallerNumber caller = in.caller(phoneNumbers);
            if (caller instanceof CallerNumber.Withheld) {
                return withheld(in, Action.OPT_OUT);
            }
            subject = Subject.phone(e164(caller));
        }
        Identity identity = in.timed(() -> gateway.optOut(subject, in.request.contactId(), in.deadline));
        return in.answer(Action.OPT_OUT, identity.status().name(), merged(in.state, identity));
    }

    private ActionOutcome createChallenge(Invocation in) {
        AuthLevel level = requestedLevel(in.state.requestedAuthLevel());
        Channel channel = channel(in.request);
        Identity identity;
        if (channel == Channel.VOICE) {
            // On voice the challenged identity is the caller's own: identified again from the caller id, whatever
            // nomidio_id says (a customer flow, a chat start or an API call may have set it to someone else's).
            CallerNumber caller = in.caller(phoneNumbers);
            if (caller instanceof CallerNumber.Withheld) {
                return withheld(in, Action.CREATE_CHALLENGE);
            }
            String e164 = e164(caller);
            identity = in.timed(() -> gateway.identify(Subject.phone(e164), in.deadline));
            if (in.state.nomidioId() != null && !in.state.nomidioId().equals(identity.nomidioId())) {
                LOG.atWarn().addKeyValue("attribute", ContactAttribute.NOMIDIO_ID.key())
                        .log("The contact's Nomidio ID is not the caller's; challenging the caller's own identity");
            }
        } else {
            // Chat has no caller id: nomidioLex identified the customer; the gateway still answers status and flag.
            String nomidioId = require(in.state.nomidioId(), ContactAttribute.NOMIDIO_ID);
            identity = in.timed(() -> gateway.identify(Subject.nomidioId(nomidioId), in.deadline));
        }
        if (identity.nomidioId() == null || !identity.status().canBeChallenged()) {
            LOG.atInfo().addKeyValue("status", identity.status()).log("The caller cannot be challenged, answering its status");
            return in.answer(Action.CREATE_CHALLENGE, identity.status().name(),
                    beforeChallenge(identity.status(), identity.fraudFlag(), identity.nomidioId(), null));
        }
        String nomidioId = identity.nomidioId();
        Challenge challenge = in.timed(() ->
                gateway.createChallenge(nomidioId, level, channel, in.request.contactId(), in.deadline));
        if (challenge.status() != ChallengeStatus.PENDING || !covers(challenge.level(), level)) {
            // A new challenge has proved nothing yet, and one below the level asked for could never pass: the flow
            // must not run it, nor take an answer it carries as a result.
            LOG.atWarn().addKeyValue("challengeId", challenge.challengeId())
                    .addKeyValue("requestedLevel", level).addKeyValue("confirmedLevel", challenge.level())
                    .addKeyValue("status", challenge.status())
                    .log("The gateway created a challenge other than the one asked for; cancelling it, answering ERROR");
            cancelQuietly(in, challenge.challengeId(), CancelReason.INTERNAL_ERROR);
            return in.failure(Action.CREATE_CHALLENGE.parameterValue(), NomidioStatus.ERROR);
        }
        LOG.atInfo().addKeyValue("challengeId", challenge.challengeId()).addKeyValue("authLevel", challenge.level())
                .addKeyValue("channel", channel).log("Challenge created");
        return in.answer(Action.CREATE_CHALLENGE, "CREATED", new FlowAttributes(identity.status(), identity.fraudFlag(),
                challenge.level(), challenge.status(), false, nomidioId, challenge.challengeId(),
                VoiceAuthOutcome.afterChallenge(challenge.status())));
    }

    private ActionOutcome startSampleUpload(Invocation in) {
        ContactState state = in.state;
        String challengeId = require(state.challengeId(), ContactAttribute.CHALLENGE_ID);
        CustomerAudio audio = in.request.audio();
        if (audio == null || isBlank(audio.streamArn())) {
            throw new InvalidRequest("no customer audio stream in $.MediaStreams: start media streaming before "
                    + Action.START_SAMPLE_UPLOAD.parameterValue());
        }
        // This caller's audio goes only to this contact's challenge of this identity: a forged challenge id must not
        // get another contact's challenge a sample (nor let this caller's voice answer it).
        if (ownResult(in, challengeId, Duration.ZERO) == null) {
            return notOwnChallenge(in, Action.START_SAMPLE_UPLOAD);
        }
        AuthLevel level = state.challengeAuth() != null ? state.challengeAuth() : requestedLevel(state.requestedAuthLevel());
        SampleUploadRequest upload = new SampleUploadRequest(in.request.contactId(), audio.streamArn().trim(),
                blankToNull(audio.startFragmentNumber()), epochMillis(audio.startTimestamp()), challengeId, level,
                clock.millis());
        String problem = upload.problem();
        if (problem != null) {
            throw new InvalidRequest("cannot start sampleUpload: " + problem);
        }
        sampleUploads.start(upload, in.deadline);
        LOG.atInfo().addKeyValue("challengeId", challengeId).addKeyValue("authLevel", level)
                .addKeyValue("startFragmentNumber", upload.startFragmentNumber())
                .addKeyValue("startTimestamp", upload.startTimestampMillis()).log("sampleUpload started");
        // No gateway call here, so no status or fraud flag: an answer never repeats what an attribute claims.
        return in.answer(Action.START_SAMPLE_UPLOAD, "STARTED", new FlowAttributes(null, null,
                level, ChallengeStatus.PENDING, false, state.nomidioId(), challengeId,
                VoiceAuthOutcome.afterChallenge(ChallengeStatus.PENDING)));
    }

    private ActionOutcome challengeResult(Invocation in) {
        ContactState state = in.state;
        String challengeId = require(state.challengeId(), ContactAttribute.CHALLENGE_ID);
        // Long-poll for as long as this invocation may wait, capped so that the answer is back in Connect's time
        // even when it comes at the very end of the wait; PENDING sends the flow round its loop again.
        Duration remaining = in.deadline.remaining();
        Duration wait = remaining.compareTo(maxLongPoll) < 0 ? remaining : maxLongPoll;
        ChallengeResult result = ownResult(in, challengeId, wait);
        if (result == null) {
            // Its result proves nothing about this caller.
            return notOwnChallenge(in, Action.CHALLENGE_RESULT);
        }
        ChallengeStatus status = result.status();
        AuthLevel required = stricter(state.challengeAuth(), requestedLevel(state.requestedAuthLevel()));
        if (status == ChallengeStatus.PASSED && !covers(result.level(), required)) {
            // Passing a weaker check than the one asked for (voice only when voice and face were required) does
            // not prove what the flow needs: fail closed rather than report it as PASSED.
            LOG.atWarn().addKeyValue("challengeId", challengeId).addKeyValue("requiredLevel", required)
                    .addKeyValue("confirmedLevel", result.level())
                    .log("Challenge passed below the level asked for, answering FAILED");
            status = ChallengeStatus.FAILED;
        }
        boolean authenticatedEnrolled = status == ChallengeStatus.PASSED && result.nomidioStatus().isEnrolled();
        if (status.isFinal()) {
            LOG.atInfo().addKeyValue("challengeId", challengeId).addKeyValue("status", status)
                    .addKeyValue("authLevel", result.level()).addKeyValue("reason", result.reason())
                    .addKeyValue("authenticatedEnrolled", authenticatedEnrolled).log("Challenge finished");
        }
        ActionOutcome answer = in.answer(Action.CHALLENGE_RESULT, status.name(), new FlowAttributes(result.nomidioStatus(),
                result.fraudFlag(), result.level(), status, authenticatedEnrolled, state.nomidioId(), challengeId,
                VoiceAuthOutcome.afterChallenge(status)));
        if (status == ChallengeStatus.PENDING && result.faceCheckPending()) {
            // The voice part has passed: the flow asks for the face check now (a prompt, not a claim).
            return answer.withAnswer(ContactAttribute.FACE_CHECK, ChallengeStatus.PENDING.name());
        }
        return answer;
    }

    /**
     * The flow could not start capturing the caller (media streaming or sampleUpload failed): tell the gateway now,
     * so the challenge does not wait for a sample that will never come. The answer proves nothing either way.
     */
    private ActionOutcome cancelChallenge(Invocation in) {
        ContactState state = in.state;
        String challengeId = require(state.challengeId(), ContactAttribute.CHALLENGE_ID);
        // Only this contact's challenge of this identity: a forged id must not cancel somebody else's challenge.
        if (ownResult(in, challengeId, Duration.ZERO) == null) {
            return notOwnChallenge(in, Action.CANCEL_CHALLENGE);
        }
        ChallengeResult result = in.timed(() ->
                gateway.cancelChallenge(challengeId, CancelReason.STREAM_ERROR, in.deadline));
        LOG.atInfo().addKeyValue("challengeId", challengeId).addKeyValue("reason", CancelReason.STREAM_ERROR)
                .addKeyValue("gatewayStatus", result.status())
                .log("Challenge cancelled because the caller's audio could not be captured");
        // Status and flag only from the gateway, and only for this contact's challenge of this identity.
        boolean ours = result.belongsTo(in.request.contactId(), state.nomidioId());
        return in.answer(Action.CANCEL_CHALLENGE, "CANCELLED", new FlowAttributes(ours ? result.nomidioStatus() : null,
                ours ? result.fraudFlag() : null, state.challengeAuth(), ChallengeStatus.TIMEOUT, false, state.nomidioId(), challengeId,
                VoiceAuthOutcome.afterChallenge(ChallengeStatus.TIMEOUT)));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /**
     * The challenge's result as the gateway has it (waiting at most {@code wait}), or null, with a warning, when the
     * gateway does not say it is this contact's challenge of this identity: the id in the attributes was then set by
     * something other than this contact's createChallenge.
     */
    private ChallengeResult ownResult(Invocation in, String challengeId, Duration wait) {
        ChallengeResult result = in.timed(() -> gateway.challengeResult(challengeId, wait, in.deadline));
        String nomidioId = in.state.nomidioId();
        if (result.belongsTo(in.request.contactId(), nomidioId) && result.nomidioStatus() != null) {
            return result;
        }
        LOG.atWarn().addKeyValue("action", in.request.actionName()).addKeyValue("challengeId", challengeId)
                .addKeyValue("sameContact", in.request.contactId().equals(result.contactId()))
                .addKeyValue("sameIdentity", result.nomidioId() != null && result.nomidioId().equals(nomidioId))
                .log("The challenge does not belong to this contact and identity, answering ERROR");
        return null;
    }

    /** Claims nothing, and keeps neither id: the challenge is somebody else's. */
    private static ActionOutcome notOwnChallenge(Invocation in, Action action) {
        return in.answer(action, NomidioStatus.ERROR.name(), FlowAttributes.failure(NomidioStatus.ERROR));
    }

    private void cancelQuietly(Invocation in, String challengeId, CancelReason reason) {
        try {
            in.timed(() -> gateway.cancelChallenge(challengeId, reason, in.deadline));
        } catch (GatewayException e) {
            // The gateway expires an unanswered challenge by itself; the answer to the flow does not depend on this.
            LOG.atWarn().addKeyValue("challengeId", challengeId).addKeyValue("error", e.error())
                    .log("Could not cancel the challenge");
        }
    }

    /** True when a challenge at {@code confirmed} proves at least what {@code required} asks for. */
    private static boolean covers(AuthLevel confirmed, AuthLevel required) {
        return confirmed == AuthLevel.HIGH || required != AuthLevel.HIGH;
    }

    private static AuthLevel stricter(AuthLevel a, AuthLevel b) {
        return a == AuthLevel.HIGH || b == AuthLevel.HIGH ? AuthLevel.HIGH : AuthLevel.STANDARD;
    }

    private static ActionOutcome withheld(Invocation in, Action action) {
        LOG.atInfo().addKeyValue("action", action.parameterValue()).log("Caller id withheld, not calling Nomidio");
        NomidioStatus status = NomidioStatus.WITHHELD_NUMBER;
        return in.answer(action, status.name(), beforeChallenge(status, null, null, null));
    }

    private static FlowAttributes beforeChallenge(NomidioStatus status, FraudFlag fraudFlag, String nomidioId,
                                                  String challengeId) {
        return new FlowAttributes(status, fraudFlag, null, null, false, nomidioId, challengeId,
                VoiceAuthOutcome.beforeChallenge(status));
    }

    /** Status and fraud flag as the gateway answered them; ids it left out keep the contact's. */
    private static FlowAttributes merged(ContactState state, Identity identity) {
        return beforeChallenge(identity.status(), identity.fraudFlag(),
                identity.nomidioId() != null ? identity.nomidioId() : state.nomidioId(),
                state.challengeId());
    }

    private ActionOutcome gatewayFailure(Invocation in, Action action, GatewayException e) {
        GatewayError error = e.error();
        NomidioStatus status;
        if (error.isServiceFault()) {
            status = NomidioStatus.NOMIDIO_UNAVAILABLE;
            LOG.atWarn().addKeyValue("action", action.parameterValue()).addKeyValue("operation", e.operation())
                    .addKeyValue("error", error).addKeyValue("detail", e.getMessage()).log("Nomidio gateway unavailable, answering NOMIDIO_UNAVAILABLE");
        } else if (error == GatewayError.FREE_TRIAL_LIMIT) {
            status = NomidioStatus.FREE_TRIAL_LIMIT;
            LOG.atWarn().addKeyValue("action", action.parameterValue()).addKeyValue("operation", e.operation())
                    .addKeyValue("error", error).log("Nomidio free trial limit reached (upgrade via the Nomidio Admin Service), answering FREE_TRIAL_LIMIT");
        } else {
            status = NomidioStatus.ERROR;
            LOG.atError().addKeyValue("action", action.parameterValue()).addKeyValue("operation", e.operation())
                    .addKeyValue("error", error).addKeyValue("detail", e.getMessage()).addKeyValue("hint", hint(error))
                    .log("Nomidio gateway refused the request, answering ERROR");
        }
        ActionOutcome failure = in.failure(action.parameterValue(), status);
        if (error == GatewayError.RATE_LIMITED && (action == Action.INVITE || action == Action.OPT_OUT)) {
            // The flows tell the caller to try later rather than that something broke; the outputs mean what they
            // always do (the gateway was not available for this).
            return failure.withAnswer(ContactAttribute.ACTION_RESULT, GatewayError.RATE_LIMITED.name());
        }
        return failure;
    }

    private static String hint(GatewayError error) {
        return switch (error) {
            case BAD_CREDENTIALS -> "check the AccessKeyId and AccessKeySecret stack parameters";
            case NOT_FOUND -> "the Nomidio ID or challenge in the contact attributes is unknown to Nomidio";
            case INVALID_STATE -> "the caller's Nomidio status does not allow this action";
            default -> "none";
        };
    }

    private static Channel channel(ActionRequest request) {
        String raw = request.channel();
        if (isBlank(raw)) {
            return Channel.VOICE;
        }
        return switch (raw.trim()) {
            case "VOICE" -> Channel.VOICE;
            case "CHAT" -> Channel.CHAT;
            default -> throw new InvalidRequest("unsupported channel " + loggable(raw));
        };
    }

    /**
     * The one reading of {@code nomidio_auth_level} (the flows branch on the level this answers, never on the raw
     * attribute): absent or blank is STANDARD; STANDARD or HIGH in any case; anything else HIGH with a warning,
     * because a misspelt "HIGHT" or "voice+face" most likely meant more than voice, and a stricter check than
     * meant costs the caller a face check while a weaker one would let a voice alone through.
     */
    private static AuthLevel requestedLevel(String raw) {
        if (raw == null) {
            return AuthLevel.STANDARD;
        }
        return AuthLevel.parse(raw).orElseGet(() -> {
            LOG.atWarn().addKeyValue("attribute", ContactAttribute.AUTH_LEVEL.key()).addKeyValue("value", loggable(raw))
                    .log("Unknown authentication level, using HIGH");
            return AuthLevel.HIGH;
        });
    }

    /** The contact's {@code nomidio_post_flow_id} if it names a flow of this instance, else "" (the default). */
    private static String checkedPostFlow(ActionRequest request) {
        String requested = request.attributes().get(ContactAttribute.POST_FLOW_ID.key());
        if (isBlank(requested)) {
            return "";
        }
        return PostFlowTarget.accepted(requested, request.instanceArn()).orElseGet(() -> {
            LOG.atWarn().addKeyValue("attribute", ContactAttribute.POST_FLOW_ID.key())
                    .addKeyValue("value", loggable(requested))
                    .log("Post flow is not a flow of this instance, using the default post flow");
            return "";
        });
    }

    private static String e164(CallerNumber caller) {
        if (caller instanceof CallerNumber.E164 e164) {
            return e164.value();
        }
        throw new InvalidRequest("the caller id is not a phone number: " + caller);
    }

    private static String require(String value, ContactAttribute attribute) {
        if (value == null) {
            throw new InvalidRequest("contact attribute " + attribute.key()
                    + " is missing (the flow sets it from an earlier invocation's $.External)");
        }
        return value;
    }

    /** Connect gives StartTimestamp as epoch milliseconds in a string; ISO-8601 is accepted too. */
    private static Long epochMillis(String raw) {
        if (isBlank(raw)) {
            return null;
        }
        String value = raw.trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notMillis) {
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException e) {
                LOG.atWarn().addKeyValue("value", loggable(value)).log("Ignoring an unreadable StartTimestamp");
                return null;
            }
        }
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Input echoed into a log line: short, and with digits masked in case a number was put where it should not be. */
    private static String loggable(String value) {
        if (value == null) {
            return "null";
        }
        String masked = value.replaceAll("[0-9]", "#");
        return masked.length() > 40 ? masked.substring(0, 40) + "..." : masked;
    }

    /** A request the flow should not have sent: answered ERROR, logged with the problem. */
    private static final class InvalidRequest extends RuntimeException {
        InvalidRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** Per-invocation state: the request, its deadline, what the contact knows, and time spent at the gateway. */
    private static final class Invocation {
        private final ActionRequest request;
        private final Deadline deadline;
        private final ContactState state;
        private String maskedCaller = "";
        private final GatewayTime gatewayTime = new GatewayTime();

        Invocation(ActionRequest request, Deadline deadline) {
            this.request = request;
            this.deadline = deadline;
            this.state = ContactState.from(request.attributes());
        }

        CallerNumber caller(PhoneNumbers phoneNumbers) {
            CallerNumber caller = phoneNumbers.classify(request.callerAddress());
            maskedCaller = caller.masked();
            return caller;
        }

        <T> T timed(Supplier<T> call) {
            return gatewayTime.timed(call);
        }

        ActionOutcome answer(Action action, String outcome, FlowAttributes attributes) {
            return new ActionOutcome(action.parameterValue(), outcome, withPostFlow(action.parameterValue(), attributes),
                    maskedCaller, gatewayLatency());
        }

        /**
         * A failed invocation keeps the contact's ids (checked against the id pattern) but claims nothing about the
         * caller: no fraud flag the gateway did not answer, no challenge outcome.
         */
        ActionOutcome failure(String action, NomidioStatus status) {
            return failure(action, status, false);
        }

        ActionOutcome failure(String action, NomidioStatus status, boolean configurationFailure) {
            FlowAttributes attributes = new FlowAttributes(status, null, null, null, false,
                    state.nomidioId(), state.challengeId(), VoiceAuthOutcome.beforeChallenge(status));
            return new ActionOutcome(action, status.name(), withPostFlow(action, attributes), maskedCaller,
                    gatewayLatency(), configurationFailure);
        }

        /**
         * lookup and createChallenge begin the two flows that transfer to the post flow: they tell the flow which
         * post flow it may use (flows cannot log, so the check and its warning live here).
         */
        private FlowAttributes withPostFlow(String action, FlowAttributes attributes) {
            boolean startsAFlow = Action.LOOKUP.parameterValue().equals(action)
                    || Action.CREATE_CHALLENGE.parameterValue().equals(action);
            return startsAFlow ? attributes.withPostFlowId(checkedPostFlow(request)) : attributes;
        }

        private Duration gatewayLatency() {
            return gatewayTime.latency();
        }
    }
}
