package com.nomidio.connect.agentapi.adapters;

import com.nomidio.connect.agentapi.domain.ConnectedContact;
import com.nomidio.connect.agentapi.domain.ContactDirectory;
import com.nomidio.connect.time.Deadline;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.AgentInfo;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/**
 * The contacts of one Connect instance through the SDK: DescribeContact for the binding, GetContactAttributes and
 * UpdateContactAttributes for the Nomidio attributes. Each call is limited to what is left of the request's deadline.
 */
public final class ConnectContactDirectory implements ContactDirectory {

    private static final Duration MIN_CALL = Duration.ofMillis(100);

    private final Supplier<ConnectClient> connect;
    private final String instanceId;

    public ConnectContactDirectory(Supplier<ConnectClient> connect, String instanceId) {
        this.connect = connect;
        this.instanceId = instanceId;
    }

    @Override
    public Optional<ConnectedContact> describe(String contactId, Deadline deadline) {
        try {
            Contact contact = connect.get().describeContact(b -> b.instanceId(instanceId).contactId(contactId)
                    .overrideConfiguration(timeout(deadline))).contact();
            if (contact == null || !contactId.equals(contact.id())) {
                return Optional.empty();
            }
            AgentInfo agent = contact.agentInfo();
            return Optional.of(new ConnectedContact(contactId,
                    agent == null ? null : agent.id(),
                    agent != null && agent.connectedToAgentTimestamp() != null,
                    contact.disconnectTimestamp() != null,
                    contact.customerEndpoint() == null ? null : contact.customerEndpoint().address()));
        } catch (ResourceNotFoundException | InvalidParameterException | InvalidRequestException e) {
            // Unknown here (another instance's, expired, never existed): the caller answers 403 with no detail.
            return Optional.empty();
        } catch (SdkException e) {
            throw new DirectoryException("DescribeContact failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public Map<String, String> attributes(String contactId, Deadline deadline) {
        try {
            return connect.get().getContactAttributes(b -> b.instanceId(instanceId).initialContactId(contactId)
                    .overrideConfiguration(timeout(deadline))).attributes();
        } catch (SdkException e) {
            throw new DirectoryException("GetContactAttributes failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void update(String contactId, Map<String, String> attributes, Deadline deadline) {
        try {
            connect.get().updateContactAttributes(b -> b.instanceId(instanceId).initialContactId(contactId)
                    .attributes(attributes).overrideConfiguration(timeout(deadline)));
        } catch (SdkException e) {
            throw new DirectoryException("UpdateContactAttributes failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static AwsRequestOverrideConfiguration timeout(Deadline deadline) {
        Duration remaining = deadline.remaining();
        return AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(remaining.compareTo(MIN_CALL) < 0 ? MIN_CALL : remaining).build();
    }
}
