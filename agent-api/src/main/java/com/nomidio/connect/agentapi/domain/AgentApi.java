package com.nomidio.connect.agentapi.domain;

import com.nomidio.connect.domain.AgentChallengeRequest;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeResult;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.FlowAttributes;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.GatewayIds;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.gateway.GatewayError;
import com.nomidio.connect.gateway.GatewayException;
import com.nomidio.connect.gateway.NomidioGateway;
import com.nomidio.connect.phone.CallerNumber;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.time.Deadline;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent API's rules. A request is served only while Connect shows its contact on this instance, connected to
 * the agent who asks (the contact binding); the identity acted on is the contact's own (its {@code nomidio_id}, its
 * caller's number as Connect has it), never one the request names; ENROL also needs this contact's own passed HIGH
 * challenge, as the gateway (not an attribute) says. After an action the changed outputs are written back onto the
 * contact, so that the panel and the flows' routing see them.
 */
public final class AgentApi implements AgentRequests {

    /**
     * What the panel reads, in this order (the contract's {@code attributes}; a missing one is ""): the flows' outputs
     * but the challenge id (an internal handle the agent has no use for), then whether an agent challenge is on its way.
     */
    public static final List<ContactAttribute> PANEL_ATTRIBUTES = Stream.concat(
            FlowAttributes.OUTPUTS.stream().filter(attribute -> attribute != ContactAttribute.CHALLENGE_ID),
            Stream.of(ContactAttribute.AGENT_CHALLENGE)).toList();

    private static final Logger LOG = LoggerFactory.getLogger(AgentApi.class);

    private final String instanceId;
    private final ContactDirectory contacts;
    private final NomidioGateway gateway;
    private final PhoneNumbers phoneNumbers;

    /** {@code instanceId}: this deployment's Connect instance (the id, not its ARN). */
    public AgentApi(String instanceId, ContactDirectory contacts, NomidioGateway gateway, PhoneNumbers phoneNumbers) {
        this.instanceId = instanceId;
        this.contacts = contacts;
        this.gateway = gateway;
        this.phoneNumbers = phoneNumbers;
    }

    @Override
    public ApiAnswer answer(AgentRequest request, Deadline deadline) {
        if (!instanceId.equals(request.agent().instanceId())) {
            return ApiAnswer.forbidden("agent of another instance");
        }
        ConnectedContact contact;
        try {
            Optional<ConnectedContact> found = contacts.describe(request.contactId(), deadline);
            if (found.isEmpty()) {
                return ApiAnswer.forbidden("no such contact on this instance");
            }
            contact = found.get();
        } catch (ContactDirectory.DirectoryException e) {
            LOG.atWarn().addKeyValue("problem", e.getMessage()).log("Could not describe the contact, answering ERROR");
            return ApiAnswer.error("connect unavailable");
        }
        if (!contact.isInCallWith(request.agent().agentId())) {
            return ApiAnswer.forbidden(contact.disconnected() ? "contact ended"
                    : contact.agentId() == null || !contact.agentId().equals(request.agent().agentId())
                    ? "contact of another agent" : "agent not connected");
        }
        String masked = contact.customerAddress() == null ? null : PhoneNumbers.mask(contact.customerAddress());
        return serve(request, contact, deadline).withCaller(masked);
    }

    private ApiAnswer serve(AgentRequest request, ConnectedContact contact, Deadline deadline) {
        try {
            Map<String, String> attributes = contacts.attributes(contact.contactId(), deadline);
            if (request.action() == null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("contactId", contact.contactId());
                body.put("attributes", panel(attributes));
                return ApiAnswer.ok(body);
            }
            return switch (request.action()) {
                case CHALLENGE -> challenge(request, contact, attributes, deadline);
                case ENROL -> enrol(contact, attributes, deadline);
                case BLOCK, UNBLOCK -> block(request.action(), contact, attributes, deadline);
                case SET_FRAUD, CLEAR_FRAUD, CONFIRM_FRAUD -> fraudFlag(request.action(), contact, attributes, deadline);
            };
        } catch (GatewayException e) {
            LOG.atWarn().addKeyValue("operation", e.operation()).addKeyValue("error", e.error())
                    .log("Nomidio gateway refused or failed");
            if (e.error().isServiceFault()) {
                return ApiAnswer.nomidioUnavailable(e.error().name());
            }
            if (e.error() == GatewayError.INVALID_STATE || e.error() == GatewayError.NOT_FOUND) {
                return ApiAnswer.notAllowed("Nomidio refused the action for this caller");
            }
            return ApiAnswer.error(e.error().name());
        } catch (ContactDirectory.DirectoryException e) {
            LOG.atWarn().addKeyValue("problem", e.getMessage()).log("Could not read or write the contact's attributes");
            return ApiAnswer.error("connect unavailable");
        }
    }

    private ApiAnswer challenge(AgentRequest request, ConnectedContact contact, Map<String, String> attributes,
                                Deadline deadline) {
        Optional<NomidioStatus> status = NomidioStatus.parse(attributes.get(ContactAttribute.STATUS.key()));
        if (status.isEmpty() || !status.get().canBeChallenged() || nomidioId(attributes).isEmpty()) {
            return ApiAnswer.notAllowed("only an authenticated caller (AWAITING_APPROVAL, ENROLLED, TAC_WARN) can be challenged");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(ContactAttribute.AUTH_LEVEL.key(), request.level().name());
        changes.put(ContactAttribute.AGENT_CHALLENGE.key(), AgentChallengeRequest.REQUESTED.name());
        changes.put(ContactAttribute.RETURN_AGENT.key(), request.agent().arn());
        return written(AgentAction.CHALLENGE, contact, attributes, changes, null, deadline);
    }

    private ApiAnswer enrol(ConnectedContact contact, Map<String, String> attributes, Deadline deadline) {
        Optional<String> nomidioId = nomidioId(attributes);
        String challengeId = attributes.get(ContactAttribute.CHALLENGE_ID.key());
        if (nomidioId.isEmpty() || !GatewayIds.isValid(challengeId)) {
            return ApiAnswer.notAllowed("this contact has no passed HIGH challenge");
        }
        // The gateway's word, not the attributes': the challenge must be this identity's, made for this contact.
        ChallengeResult result = gateway.challengeResult(challengeId, Duration.ZERO, deadline);
        if (result.status() != ChallengeStatus.PASSED || result.level() != AuthLevel.HIGH
                || !result.belongsTo(contact.contactId(), nomidioId.get())) {
            return ApiAnswer.notAllowed("this contact has no passed HIGH challenge");
        }
        NomidioStatus current = result.nomidioStatus() != null ? result.nomidioStatus()
                : NomidioStatus.parse(attributes.get(ContactAttribute.STATUS.key())).orElse(null);
        if (current != NomidioStatus.AWAITING_APPROVAL) {
            return ApiAnswer.notAllowed("only a caller AWAITING_APPROVAL can be enrolled");
        }
        Identity identity = gateway.enrol(nomidioId.get(), challengeId, deadline);
        if (identity.nomidioId() != null && !identity.nomidioId().equals(nomidioId.get())) {
            return ApiAnswer.error("gateway answered another identity");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(ContactAttribute.STATUS.key(), identity.status().name());
        changes.put(ContactAttribute.FRAUD_FLAG.key(), text(identity.fraudFlag()));
        changes.put(ContactAttribute.AUTHENTICATED_ENROLLED.key(), Boolean.toString(identity.status().isEnrolled()));
        return written(AgentAction.ENROL, contact, attributes, changes, nomidioId.get(), deadline);
    }

    private ApiAnswer block(AgentAction action, ConnectedContact contact, Map<String, String> attributes,
                            Deadline deadline) {
        if (!(phoneNumbers.classify(contact.customerAddress()) instanceof CallerNumber.E164 number)) {
            return ApiAnswer.notAllowed("this contact has no caller number to block");
        }
        Identity identity = gateway.setBlocked(number.value(), action == AgentAction.BLOCK, deadline);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(ContactAttribute.STATUS.key(), identity.status().name());
        changes.put(ContactAttribute.FRAUD_FLAG.key(), text(identity.fraudFlag()));
        // Never upgraded here: only a challenge proves a caller; a block takes "authenticated and enrolled" away.
        boolean wasAuthenticated = "true".equals(attributes.get(ContactAttribute.AUTHENTICATED_ENROLLED.key()));
        changes.put(ContactAttribute.AUTHENTICATED_ENROLLED.key(),
                Boolean.toString(wasAuthenticated && identity.status().isEnrolled()));
        return written(action, contact, attributes, changes, null, deadline);
    }

    private ApiAnswer fraudFlag(AgentAction action, ConnectedContact contact, Map<String, String> attributes,
                                Deadline deadline) {
        Optional<Subject> subject = nomidioId(attributes).map(Subject::nomidioId)
                .or(() -> phoneNumbers.classify(contact.customerAddress()) instanceof CallerNumber.E164 number
                        ? Optional.of(Subject.phone(number.value())) : Optional.empty());
        if (subject.isEmpty()) {
            return ApiAnswer.notAllowed("this contact has neither a Nomidio ID nor a caller number");
        }
        if (action == AgentAction.CONFIRM_FRAUD
                && !FraudFlag.FRAUD_WARNING.name().equals(attributes.get(ContactAttribute.FRAUD_FLAG.key()))) {
            return ApiAnswer.notAllowed("there is no FRAUD_WARNING to confirm");
        }
        Identity identity = gateway.setFraudFlag(subject.get(), action != AgentAction.CLEAR_FRAUD, deadline);
        Map<String, String> changes = Map.of(ContactAttribute.FRAUD_FLAG.key(), text(identity.fraudFlag()));
        return written(action, contact, attributes, changes, null, deadline);
    }

    /** Writes {@code changes} onto the contact and answers OK with the attributes as they now are. */
    private ApiAnswer written(AgentAction action, ConnectedContact contact, Map<String, String> before,
                              Map<String, String> changes, String enrolledId, Deadline deadline) {
        contacts.update(contact.contactId(), changes, deadline);
        Map<String, String> after = new LinkedHashMap<>(before);
        after.putAll(changes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", ApiAnswer.OK);
        body.put("action", action.name());
        body.put("attributes", panel(after));
        if (enrolledId != null) {
            body.put("nomidioId", enrolledId);
        }
        return ApiAnswer.ok(body);
    }

    private static Map<String, String> panel(Map<String, String> attributes) {
        Map<String, String> panel = new LinkedHashMap<>();
        for (ContactAttribute attribute : PANEL_ATTRIBUTES) {
            String value = attributes.get(attribute.key());
            panel.put(attribute.key(), value == null ? "" : value);
        }
        return panel;
    }

    private static Optional<String> nomidioId(Map<String, String> attributes) {
        String id = attributes.get(ContactAttribute.NOMIDIO_ID.key());
        return GatewayIds.isValid(id) ? Optional.of(id) : Optional.empty();
    }

    private static String text(Enum<?> value) {
        return value == null ? "" : value.name();
    }
}
