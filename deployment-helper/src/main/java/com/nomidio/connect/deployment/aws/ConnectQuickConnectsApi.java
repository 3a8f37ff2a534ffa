package com.nomidio.connect.deployment.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.CreateQuickConnectResponse;
import software.amazon.awssdk.services.connect.model.DuplicateResourceException;
import software.amazon.awssdk.services.connect.model.QuickConnectConfig;
import software.amazon.awssdk.services.connect.model.QuickConnectSummary;
import software.amazon.awssdk.services.connect.model.QuickConnectType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/**
 * The Amazon Connect quick connect calls of the agent challenge: a Queue quick connect names a queue and a flow of
 * type QUEUE_TRANSFER (QueueQuickConnectConfig), and appears in an agent's CCP when it is associated with a queue of
 * the agent's routing profile (AssociateQueueQuickConnects).
 */
public final class ConnectQuickConnectsApi {

    private final ConnectClient connect;

    public ConnectQuickConnectsApi(ConnectClient connect) {
        this.connect = connect;
    }

    public record ExistingQuickConnect(String id, String arn, String name) {
    }

    /** The Queue quick connect of this name, if the instance has one (every page of ListQuickConnects). */
    public Optional<ExistingQuickConnect> find(String instanceId, String name, Duration timeout) {
        for (QuickConnectSummary summary : connect.listQuickConnectsPaginator(r -> r
                .instanceId(instanceId)
                .quickConnectTypes(QuickConnectType.QUEUE)
                .maxResults(100)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout))).quickConnectSummaryList()) {
            if (name.equals(summary.name())) {
                return Optional.of(new ExistingQuickConnect(summary.id(), summary.arn(), summary.name()));
            }
        }
        return Optional.empty();
    }

    public ExistingQuickConnect create(String instanceId, String name, String description, String queueId,
            String flowId, Map<String, String> tags, Duration timeout) {
        CreateQuickConnectResponse response = connect.createQuickConnect(r -> r
                .instanceId(instanceId)
                .name(name)
                .description(description)
                .quickConnectConfig(queueConfig(queueId, flowId))
                .tags(tags)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
        return new ExistingQuickConnect(response.quickConnectId(), response.quickConnectARN(), name);
    }

    public void updateConfig(String instanceId, String quickConnectId, String queueId, String flowId, Duration timeout) {
        connect.updateQuickConnectConfig(r -> r
                .instanceId(instanceId)
                .quickConnectId(quickConnectId)
                .quickConnectConfig(queueConfig(queueId, flowId))
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
    }

    /** The quick connect's tags; empty when it is gone. */
    public Map<String, String> tags(String instanceId, String quickConnectId, Duration timeout) {
        try {
            return connect.describeQuickConnect(r -> r
                    .instanceId(instanceId)
                    .quickConnectId(quickConnectId)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout))).quickConnect().tags();
        } catch (ResourceNotFoundException e) {
            return Map.of();
        }
    }

    /** Shows the quick connect to the queue's agents; already associated is fine. */
    public void associate(String instanceId, String queueId, String quickConnectId, Duration timeout) {
        ConnectFlowsApi.idempotent(() -> connect.associateQueueQuickConnects(r -> r
                        .instanceId(instanceId)
                        .queueId(queueId)
                        .quickConnectIds(quickConnectId)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))),
                DuplicateResourceException.class::isInstance, "quickConnectId", quickConnectId,
                "Quick connect already associated with the queue");
    }

    /** Not associated, or the queue gone, is fine. */
    public void disassociate(String instanceId, String queueId, String quickConnectId, Duration timeout) {
        ConnectFlowsApi.idempotent(() -> connect.disassociateQueueQuickConnects(r -> r
                        .instanceId(instanceId)
                        .queueId(queueId)
                        .quickConnectIds(quickConnectId)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))),
                ResourceNotFoundException.class::isInstance, "quickConnectId", quickConnectId,
                "Quick connect was not associated with the queue");
    }

    /** Already gone counts as deleted. */
    public void delete(String instanceId, String quickConnectId, Duration timeout) {
        ConnectFlowsApi.idempotent(() -> connect.deleteQuickConnect(r -> r
                        .instanceId(instanceId)
                        .quickConnectId(quickConnectId)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))),
                ResourceNotFoundException.class::isInstance, "quickConnectId", quickConnectId, "Quick connect already gone");
    }

    private static QuickConnectConfig queueConfig(String queueId, String flowId) {
        return QuickConnectConfig.builder()
                .quickConnectType(QuickConnectType.QUEUE)
                .queueConfig(q -> q.queueId(queueId).contactFlowId(flowId))
                .build();
    }
}
