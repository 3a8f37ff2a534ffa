package com.nomidio.connect.deployment.quickconnect;

import com.nomidio.connect.deployment.aws.ConnectFlowsApi;
import com.nomidio.connect.deployment.aws.ConnectQuickConnectsApi;
import com.nomidio.connect.deployment.aws.ConnectQuickConnectsApi.ExistingQuickConnect;
import com.nomidio.connect.deployment.flows.ContactFlowsResource;
import com.nomidio.connect.deployment.resources.CustomResource;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.FailureReasons;
import com.nomidio.connect.deployment.resources.InvalidPropertiesException;
import com.nomidio.connect.deployment.resources.PhysicalIds;
import com.nomidio.connect.deployment.resources.ResourceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.connect.model.DuplicateResourceException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * {@code Custom::NomidioAgentChallengeQuickConnect} (the guide's step 5, automated when the flows are deployed): the
 * Queue quick connect {@value #NAME} — the working queue, and NOMIDIO-AGENT-CHALLENGE-QUEUE as its transfer flow —
 * associated with the working queue, so that agents of that queue see it under *Quick connects* in the CCP.
 *
 * <p>Found by name, so a retry or a re-deploy finds the one it made; one this stack created (tag
 * {@value ContactFlowsResource#CREATED_BY_TAG}) is kept pointing at the current queue and flow, one made by hand
 * is left as it is and only associated. Delete removes only the one this stack created.
 */
public final class AgentChallengeQuickConnectResource implements CustomResource {

    private static final Logger LOG = LoggerFactory.getLogger(AgentChallengeQuickConnectResource.class);

    public static final String TYPE = "Custom::NomidioAgentChallengeQuickConnect";
    /** The guide's name: the softphone and README tell agents to pick exactly this. */
    public static final String NAME = "Nomidio Agent Challenge Flow";
    static final String DESCRIPTION = "Nomidio agent challenge: transfer, then leave the call; the caller is challenged "
            + "and comes back to you with the result.";

    private final ConnectFlowsApi flows;
    private final ConnectQuickConnectsApi quickConnects;

    public AgentChallengeQuickConnectResource(ConnectFlowsApi flows, ConnectQuickConnectsApi quickConnects) {
        this.flows = flows;
        this.quickConnects = quickConnects;
    }

    @Override
    public String resourceType() {
        return TYPE;
    }

    @Override
    public String physicalResourceId(CustomResourceRequest request) {
        return "nomidio-agent-challenge-quick-connect:" + QuickConnectProperties.from(request.properties()).instanceId();
    }

    @Override
    public Response create(CustomResourceRequest request, ResourceContext context) {
        return deploy(request, QuickConnectProperties.from(request.properties()), context).response();
    }

    @Override
    public Response update(CustomResourceRequest request, ResourceContext context) {
        QuickConnectProperties properties = QuickConnectProperties.from(request.properties());
        Deployed deployed = deploy(request, properties, context);
        String oldQueue = request.oldProperties().optional(QuickConnectProperties.WORKING_QUEUE_NAME)
                .orElse(QuickConnectProperties.DEFAULT_WORKING_QUEUE);
        if (!oldQueue.equals(properties.workingQueueName())) {
            // Agents of the previous working queue should no longer be offered it; failing here blocks nothing.
            try {
                context.step("removing " + NAME + " from the previous working queue '" + oldQueue + "'");
                Optional<String> oldQueueId = queueId(properties.instanceId(), oldQueue, context);
                String quickConnectId = deployed.quickConnect().id();
                oldQueueId.ifPresent(id -> quickConnects.disassociate(properties.instanceId(), id, quickConnectId,
                        context.callTimeout()));
            } catch (SdkException e) {
                LOG.atWarn().addKeyValue("queue", oldQueue).setCause(e)
                        .log("Could not remove the quick connect from the previous working queue");
            }
        }
        return deployed.response();
    }

    @Override
    public Response delete(CustomResourceRequest request, ResourceContext context) {
        QuickConnectProperties properties;
        try {
            properties = QuickConnectProperties.from(request.properties());
        } catch (InvalidPropertiesException e) {
            LOG.atInfo().addKeyValue("reason", e.getMessage()).log("Nothing to clean up: the properties were never usable");
            return Response.success(request.physicalResourceId());
        }
        String instanceId = properties.instanceId();
        try {
            context.step("finding the quick connect '" + NAME + "'");
            Optional<ExistingQuickConnect> found = quickConnects.find(instanceId, NAME, context.callTimeout());
            if (found.isEmpty()) {
                return Response.success(request.physicalResourceId());
            }
            ExistingQuickConnect quickConnect = found.get();
            context.step("checking who created the quick connect");
            if (!createdByValue(request).equals(quickConnects.tags(instanceId, quickConnect.id(), context.callTimeout())
                    .get(ContactFlowsResource.CREATED_BY_TAG))) {
                LOG.atInfo().addKeyValue("quickConnectId", quickConnect.id()).log("Leaving a quick connect this stack did not create");
                return Response.success(request.physicalResourceId());
            }
            context.step("finding the working queue '" + properties.workingQueueName() + "'");
            Optional<String> queue = queueId(instanceId, properties.workingQueueName(), context);
            if (queue.isPresent()) {
                context.step("removing the quick connect from the working queue");
                quickConnects.disassociate(instanceId, queue.get(), quickConnect.id(), context.callTimeout());
            }
            context.step("deleting the quick connect");
            quickConnects.delete(instanceId, quickConnect.id(), context.callTimeout());
            LOG.atInfo().addKeyValue("quickConnectId", quickConnect.id()).log("Deleted the agent challenge quick connect");
            return Response.success(request.physicalResourceId());
        } catch (ResourceNotFoundException e) {
            LOG.atInfo().addKeyValue("instanceId", instanceId).log("The instance is gone; nothing left there");
            return Response.success(request.physicalResourceId());
        } catch (SdkException e) {
            LOG.warn("Could not remove the agent challenge quick connect", e);
            return Response.builder().status(Response.Status.SUCCESS).physicalResourceId(request.physicalResourceId())
                    .reason(FailureReasons.truncate("Deleted; left behind for manual removal: the quick connect '"
                            + NAME + "' in instance " + instanceId + " (" + FailureReasons.describe(e, context) + ")"))
                    .build();
        }
    }

    private record Deployed(ExistingQuickConnect quickConnect, Response response) {
    }

    private Deployed deploy(CustomResourceRequest request, QuickConnectProperties properties, ResourceContext context) {
        String instanceId = properties.instanceId();
        context.step("finding the working queue '" + properties.workingQueueName() + "'");
        String queueId = queueId(instanceId, properties.workingQueueName(), context).orElseThrow(() ->
                new InvalidPropertiesException("the instance " + instanceId + " has no standard queue named '"
                        + properties.workingQueueName() + "'; set WorkingQueueName to one it has"));
        context.step("finding the quick connect '" + NAME + "'");
        Optional<ExistingQuickConnect> found = quickConnects.find(instanceId, NAME, context.callTimeout());
        ExistingQuickConnect quickConnect;
        boolean managed;
        if (found.isEmpty()) {
            quickConnect = createOrFind(request, instanceId, queueId, properties.flowId(), context);
            managed = true;
        } else {
            quickConnect = found.get();
            context.step("checking who created the quick connect");
            managed = createdByValue(request).equals(quickConnects.tags(instanceId, quickConnect.id(),
                    context.callTimeout()).get(ContactFlowsResource.CREATED_BY_TAG));
            if (managed) {
                // The flow may have been re-created (a new id) or the working queue changed.
                context.step("pointing the quick connect at the working queue and NOMIDIO-AGENT-CHALLENGE-QUEUE");
                quickConnects.updateConfig(instanceId, quickConnect.id(), queueId, properties.flowId(), context.callTimeout());
            } else {
                LOG.atInfo().addKeyValue("quickConnectId", quickConnect.id())
                        .log("Found a quick connect of this name that this stack did not create: left as it is, associated only");
            }
        }
        context.done("quick connect " + quickConnect.id());
        context.step("associating the quick connect with the working queue");
        quickConnects.associate(instanceId, queueId, quickConnect.id(), context.callTimeout());
        context.done("associated with the working queue");
        LOG.atInfo().addKeyValue("quickConnectId", quickConnect.id()).addKeyValue("managed", managed)
                .log("Agent challenge quick connect ready");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("QuickConnectId", quickConnect.id());
        data.put("QuickConnectArn", quickConnect.arn());
        data.put("QuickConnectName", NAME);
        data.put("ManagedByStack", String.valueOf(managed));
        return new Deployed(quickConnect, Response.builder().status(Response.Status.SUCCESS)
                .physicalResourceId(physicalResourceId(request)).value(data).build());
    }

    private ExistingQuickConnect createOrFind(CustomResourceRequest request, String instanceId, String queueId,
            String flowId, ResourceContext context) {
        context.step("creating the quick connect '" + NAME + "'");
        try {
            return quickConnects.create(instanceId, NAME, DESCRIPTION, queueId, flowId,
                    Map.of(ContactFlowsResource.CREATED_BY_TAG, createdByValue(request)), context.callTimeout());
        } catch (DuplicateResourceException e) {
            // An earlier attempt created it and did not see the answer: take that one.
            context.step("finding the quick connect after a duplicate-name answer");
            return quickConnects.find(instanceId, NAME, context.callTimeout()).orElseThrow(() -> e);
        }
    }

    private Optional<String> queueId(String instanceId, String queueName, ResourceContext context) {
        // QueueQuickConnectConfig and AssociateQueueQuickConnects take the queue's id, the last part of its ARN.
        return flows.queueArn(instanceId, queueName, context.callTimeout()).map(arn -> arn.substring(arn.lastIndexOf('/') + 1));
    }

    static String createdByValue(CustomResourceRequest request) {
        return PhysicalIds.stable("nomidio", request, "agent-challenge-quick-connect");
    }
}
