package com.nomidio.connect.deployment.flows;

import com.nomidio.connect.deployment.aws.ConnectFlowsApi;
import com.nomidio.connect.deployment.aws.ExistingFlow;
import com.nomidio.connect.deployment.aws.FlowBucket;
import com.nomidio.connect.deployment.resources.CustomResource;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.FailureReasons;
import com.nomidio.connect.deployment.resources.InvalidPropertiesException;
import com.nomidio.connect.deployment.resources.PhysicalIds;
import com.nomidio.connect.deployment.resources.ResourceContext;
import com.nomidio.connect.flows.templates.FlowPlaceholder;
import com.nomidio.connect.flows.templates.FlowDeployment;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.flows.templates.RenderedFlow;
import com.nomidio.connect.flows.validation.ValidationReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.connect.model.DuplicateResourceException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * {@code Custom::NomidioContactFlows}: renders the flow templates the CustomerInteractionConfiguration needs
 * (NOMIDIO-LEX-AUTHENTICATION-FLOW only with chat, talking to LexBotAliasArn), validates them, writes them to
 * {@code contact-flows/} in the bucket and, when DeployContactFlows is true, associates nomidioAction with
 * the instance and creates or updates each flow (found by name) in the guide's order, feeding each flow's ARN
 * into the flows that refer to it. A flow the configuration no longer needs (chat switched off) is removed
 * from the bucket and, if this stack created it, from the instance.
 *
 * <p>Flows this resource creates carry the tag {@value #CREATED_BY_TAG} with a value derived from the stack and
 * logical id; Delete removes exactly those and leaves flows it merely found and updated. The physical id names
 * the instance, so moving to another instance is a replacement whose Delete cleans up the old one.
 */
public final class ContactFlowsResource implements CustomResource {

    private static final Logger LOG = LoggerFactory.getLogger(ContactFlowsResource.class);

    public static final String TYPE = "Custom::NomidioContactFlows";
    public static final String CREATED_BY_TAG = "nomidio:created-by";
    /** Set on a flow this stack found and was told to adopt: later updates manage it, Delete still leaves it. */
    public static final String ADOPTED_BY_TAG = "nomidio:adopted-by";
    static final String STACK_TAG = "nomidio:stack";
    private static final Set<String> FLOW_TYPES = NomidioFlow.deploymentOrder().stream()
            .map(NomidioFlow::contactFlowType).collect(Collectors.toSet());
    private static final Set<String> FLOW_NAMES = NomidioFlow.deploymentOrder().stream()
            .map(NomidioFlow::flowName).collect(Collectors.toSet());

    private final ConnectFlowsApi connect;
    private final FlowBucket bucket;

    public ContactFlowsResource(ConnectFlowsApi connect, FlowBucket bucket) {
        this.connect = connect;
        this.bucket = bucket;
    }

    @Override
    public String resourceType() {
        return TYPE;
    }

    @Override
    public String physicalResourceId(CustomResourceRequest request) {
        return "nomidio-contact-flows:" + ContactFlowsProperties.from(request.properties()).instanceId();
    }

    @Override
    public Response create(CustomResourceRequest request, ResourceContext context) {
        return deploy(request, ContactFlowsProperties.from(request.properties()), context);
    }

    @Override
    public Response update(CustomResourceRequest request, ResourceContext context) {
        ContactFlowsProperties properties = ContactFlowsProperties.from(request.properties());
        Response response = deploy(request, properties, context);
        oldBucketToEmpty(request, properties).ifPresent(oldBucket -> {
            // CloudFormation deletes the replaced bucket after this update; it must be empty by then.
            try {
                context.step("removing the flows from the previous bucket " + oldBucket);
                bucket.deleteFlows(oldBucket, context.callTimeout());
            } catch (SdkException e) {
                LOG.atWarn().addKeyValue("bucket", oldBucket).setCause(e)
                        .log("Could not empty the previous bucket; CloudFormation may fail to delete it");
            }
        });
        if (!properties.deployContactFlows()) {
            LOG.info("DeployContactFlows is false: flows already in the instance are left as they are");
        }
        return response;
    }

    /**
     * Removes what this resource created and succeeds even when that is nothing (a failed Create) or the
     * properties are unusable; what cannot be removed is named in the reason and the log, not left blocking
     * the stack's deletion.
     */
    @Override
    public Response delete(CustomResourceRequest request, ResourceContext context) {
        ContactFlowsProperties properties;
        try {
            properties = ContactFlowsProperties.from(request.properties());
        } catch (InvalidPropertiesException e) {
            LOG.atInfo().addKeyValue("reason", e.getMessage()).log("Nothing to clean up: the properties were never usable");
            return Response.success(request.physicalResourceId());
        }
        List<String> leftBehind = new ArrayList<>();
        try {
            context.step("removing the flows from s3://" + properties.bucketName() + "/" + FlowBucket.PREFIX);
            List<String> keys = bucket.deleteFlows(properties.bucketName(), context.callTimeout());
            context.done("removed " + keys.size() + " file(s) from the bucket");
        } catch (SdkException e) {
            LOG.warn("Could not empty the bucket's contact-flows/", e);
            leftBehind.add("the files in s3://" + properties.bucketName() + "/" + FlowBucket.PREFIX + " ("
                    + FailureReasons.describe(e, context) + ")");
        }
        try {
            deleteCreatedFlows(request, properties, context);
            if (properties.deployContactFlows()) {
                context.step("disassociating nomidioAction from the instance");
                connect.disassociateFunction(properties.instanceId(), properties.nomidioActionFunctionArn(),
                        context.callTimeout());
            }
        } catch (ResourceNotFoundException e) {
            LOG.atInfo().addKeyValue("instanceId", properties.instanceId()).log("The instance is gone; nothing left there");
        } catch (SdkException e) {
            LOG.warn("Could not clean up the instance", e);
            leftBehind.add("flows or the Lambda association in instance " + properties.instanceId() + " ("
                    + FailureReasons.describe(e, context) + ")");
        }
        if (leftBehind.isEmpty()) {
            return Response.success(request.physicalResourceId());
        }
        return Response.builder().status(Response.Status.SUCCESS).physicalResourceId(request.physicalResourceId())
                .reason(FailureReasons.truncate("Deleted; left behind for manual removal: " + String.join("; ", leftBehind)))
                .build();
    }

    private Response deploy(CustomResourceRequest request, ContactFlowsProperties properties, ResourceContext context) {
        String instanceId = properties.instanceId();
        context.step("finding the working queue '" + properties.workingQueueName() + "'");
        String queueArn = connect.queueArn(instanceId, properties.workingQueueName(), context.callTimeout())
                .orElseThrow(() -> new InvalidPropertiesException("the instance " + instanceId + " has no standard"
                        + " queue named '" + properties.workingQueueName() + "'; set WorkingQueueName to one it has"));
        if (properties.deployContactFlows()) {
            context.step("associating nomidioAction with the instance");
            connect.associateFunction(instanceId, properties.nomidioActionFunctionArn(), context.callTimeout());
            context.done("nomidioAction associated");
        }
        context.step("listing the instance's contact flows");
        Map<String, ExistingFlow> existing = new LinkedHashMap<>(
                connect.findFlows(instanceId, FLOW_NAMES, FLOW_TYPES, context.callTimeout()));
        if (properties.deployContactFlows()) {
            // Only the flows this configuration writes must be ours to overwrite; one it does not use is left alone
            // unless this resource created it (removeUnneeded).
            Set<String> used = NomidioFlow.deploymentOrder(properties.interaction()).stream()
                    .map(NomidioFlow::flowName).collect(Collectors.toSet());
            claim(request, properties, existing.values().stream().filter(f -> used.contains(f.name())).toList(), context);
        }

        Map<FlowPlaceholder, String> values = new EnumMap<>(FlowPlaceholder.class);
        values.put(FlowPlaceholder.NOMIDIO_ACTION_FUNCTION_ARN, properties.nomidioActionFunctionArn());
        values.put(FlowPlaceholder.ENTERPRISE_NAME, properties.enterpriseName());
        values.put(FlowPlaceholder.WORKING_QUEUE_ARN, queueArn);
        if (properties.interaction().chatEnabled()) {
            values.put(FlowPlaceholder.LEX_BOT_ALIAS_ARN, properties.lexBotAliasArn());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("BucketName", properties.bucketName());
        data.put("ContactFlowsPrefix", FlowBucket.PREFIX);
        data.put("DeployedToInstance", String.valueOf(properties.deployContactFlows()));
        data.put("CustomerInteractionConfiguration", properties.interaction().parameterValue());
        FlowDeployment.renderInDeploymentOrder(properties.interaction(), values, new FlowDeployment.Placement() {
            @Override
            public void rendering(NomidioFlow flow) {
                context.step("rendering " + flow.flowName());
            }

            @Override
            public String place(RenderedFlow rendered, ValidationReport report) {
                NomidioFlow flow = rendered.flow();
                ExistingFlow found = existing.get(flow.flowName());
                String arn;
                if (properties.deployContactFlows()) {
                    arn = createOrUpdate(request, properties, flow, rendered.content(), found, context).arn();
                } else {
                    // Not deployed: refer to the flow by a name-bearing ARN until it is imported (contact-flows/README.md).
                    arn = found != null ? found.arn() : properties.instanceArn() + "/contact-flow/" + flow.flowName();
                }
                context.step("writing " + FlowBucket.key(flow.flowName()) + " to s3://" + properties.bucketName());
                bucket.put(properties.bucketName(), flow.flowName(), rendered.content(), context.callTimeout());
                context.done(flow.flowName());
                String key = attributePrefix(flow);
                data.put(key + "Name", flow.flowName());
                data.put(key + "Arn", properties.deployContactFlows() ? arn : "");
                return arn;
            }
        });
        removeUnneeded(request, properties, existing, context);
        LOG.atInfo().addKeyValue("deployed", properties.deployContactFlows()).addKeyValue("bucket", properties.bucketName())
                .addKeyValue("interaction", properties.interaction().parameterValue())
                .log("Contact flows ready");
        return Response.builder().status(Response.Status.SUCCESS)
                .physicalResourceId(physicalResourceId(request))
                .value(data)
                .build();
    }

    /**
     * On an update that switches chat off, after the flows in use are placed (so none refers to it any more): a flow
     * the previous configuration deployed and this one does not leaves the bucket and, when this stack created it,
     * the instance; one it did not create is left and logged.
     */
    private void removeUnneeded(CustomResourceRequest request, ContactFlowsProperties properties,
                                Map<String, ExistingFlow> existing, ResourceContext context) {
        if (request.oldProperties().isEmpty()) {
            return;
        }
        InteractionConfiguration previous = request.oldProperties().optional(ContactFlowsProperties.INTERACTION)
                .flatMap(InteractionConfiguration::fromParameter).orElse(InteractionConfiguration.STANDARD_VOICE_ONLY);
        List<NomidioFlow> needed = NomidioFlow.deploymentOrder(properties.interaction());
        String ours = createdByValue(request);
        for (NomidioFlow flow : NomidioFlow.deploymentOrder(previous)) {
            if (needed.contains(flow)) {
                continue;
            }
            context.step("removing " + FlowBucket.key(flow.flowName()) + " from s3://" + properties.bucketName());
            bucket.delete(properties.bucketName(), flow.flowName(), context.callTimeout());
            ExistingFlow found = existing.get(flow.flowName());
            if (!properties.deployContactFlows() || found == null) {
                continue;
            }
            context.step("checking who created " + flow.flowName());
            if (!ours.equals(connect.tags(properties.instanceId(), found.id(), context.callTimeout()).get(CREATED_BY_TAG))) {
                LOG.atInfo().addKeyValue("flowName", flow.flowName()).addKeyValue("flowId", found.id())
                        .log("Leaving a flow the configuration no longer uses: this stack did not create it");
                continue;
            }
            context.step("deleting " + flow.flowName() + ", which " + properties.interaction().parameterValue()
                    + " does not use");
            connect.delete(properties.instanceId(), found.id(), context.callTimeout());
            LOG.atInfo().addKeyValue("flowName", flow.flowName()).addKeyValue("flowId", found.id())
                    .log("Deleted a flow the configuration no longer uses");
        }
    }

    private ExistingFlow createOrUpdate(CustomResourceRequest request, ContactFlowsProperties properties,
                                        NomidioFlow flow, String content, ExistingFlow found, ResourceContext context) {
        String instanceId = properties.instanceId();
        if (found == null) {
            context.step("creating " + flow.flowName());
            try {
                ExistingFlow created = connect.create(instanceId, flow.flowName(), flow.contactFlowType(),
                        flow.description(), content, tags(request), context.callTimeout());
                LOG.atInfo().addKeyValue("flowName", flow.flowName()).addKeyValue("flowId", created.id()).log("Created flow");
                return created;
            } catch (DuplicateResourceException e) {
                // Created by an earlier attempt that did not see its answer, or listed too early: find and update it.
                LOG.atInfo().addKeyValue("flowName", flow.flowName()).log("Flow exists after all; updating it");
                context.step("finding " + flow.flowName() + " by name after a duplicate-name answer");
                found = connect.findFlows(instanceId, Set.of(flow.flowName()), FLOW_TYPES, context.callTimeout())
                        .get(flow.flowName());
                if (found == null) {
                    throw e;
                }
                claim(request, properties, List.of(found), context);
            }
        }
        if (!flow.contactFlowType().equals(found.type())) {
            throw new InvalidPropertiesException("the instance already has a flow named " + flow.flowName()
                    + " of type " + found.type() + " (expected " + flow.contactFlowType() + "); rename or delete it");
        }
        context.step("updating " + flow.flowName());
        connect.updateContent(instanceId, found.id(), content, context.callTimeout());
        LOG.atInfo().addKeyValue("flowName", flow.flowName()).addKeyValue("flowId", found.id()).log("Updated flow");
        return found;
    }

    private void deleteCreatedFlows(CustomResourceRequest request, ContactFlowsProperties properties,
                                    ResourceContext context) {
        String instanceId = properties.instanceId();
        context.step("listing the instance's contact flows");
        Map<String, ExistingFlow> existing = connect.findFlows(instanceId, FLOW_NAMES, FLOW_TYPES, context.callTimeout());
        List<NomidioFlow> reverse = new ArrayList<>(NomidioFlow.deploymentOrder());
        java.util.Collections.reverse(reverse);
        String ours = createdByValue(request);
        for (NomidioFlow flow : reverse) {
            ExistingFlow found = existing.get(flow.flowName());
            if (found == null) {
                continue;
            }
            context.step("checking who created " + flow.flowName());
            if (!ours.equals(connect.tags(instanceId, found.id(), context.callTimeout()).get(CREATED_BY_TAG))) {
                LOG.atInfo().addKeyValue("flowName", flow.flowName()).addKeyValue("flowId", found.id())
                        .log("Leaving a flow this stack did not create");
                continue;
            }
            context.step("deleting " + flow.flowName());
            connect.delete(instanceId, found.id(), context.callTimeout());
            context.done("deleted " + flow.flowName());
            LOG.atInfo().addKeyValue("flowName", flow.flowName()).addKeyValue("flowId", found.id()).log("Deleted flow");
        }
    }

    /**
     * Makes sure every found flow is this stack's to overwrite: one it created, or one it adopted earlier. Others
     * (a previous install, a hand import, another stack) are adopted — tagged, then updated — only when
     * AdoptExistingFlows is true; otherwise the operation fails before it changes anything in the instance.
     */
    private void claim(CustomResourceRequest request, ContactFlowsProperties properties, Iterable<ExistingFlow> found,
                       ResourceContext context) {
        String ours = createdByValue(request);
        List<ExistingFlow> foreign = new ArrayList<>();
        for (ExistingFlow flow : found) {
            context.step("checking who created " + flow.name());
            Map<String, String> tags = connect.tags(properties.instanceId(), flow.id(), context.callTimeout());
            if (!ours.equals(tags.get(CREATED_BY_TAG)) && !ours.equals(tags.get(ADOPTED_BY_TAG))) {
                foreign.add(flow);
            }
        }
        if (foreign.isEmpty()) {
            return;
        }
        List<String> names = foreign.stream().map(ExistingFlow::name).toList();
        if (!properties.adoptExistingFlows()) {
            throw new InvalidPropertiesException("the instance already has " + String.join(", ", names)
                    + ", which this stack did not create (a previous install, a hand import or another stack);"
                    + " set AdoptExistingFlows to true to overwrite and manage them (they are never deleted with the"
                    + " stack), or rename or delete them");
        }
        for (ExistingFlow flow : foreign) {
            context.step("adopting " + flow.name());
            connect.tag(flow.arn(), Map.of(ADOPTED_BY_TAG, ours), context.callTimeout());
            LOG.atInfo().addKeyValue("flowName", flow.name()).addKeyValue("flowId", flow.id()).log("Adopted flow");
        }
    }

    /** Who created a flow: the same value for every request of this stack's resource, and no other. */
    static String createdByValue(CustomResourceRequest request) {
        return PhysicalIds.stable("nomidio", request, "contact-flows");
    }

    private static Map<String, String> tags(CustomResourceRequest request) {
        String stack = request.stackName();
        return Map.of(CREATED_BY_TAG, createdByValue(request),
                STACK_TAG, stack.length() > 256 ? stack.substring(0, 256) : stack);
    }

    private static java.util.Optional<String> oldBucketToEmpty(CustomResourceRequest request,
                                                               ContactFlowsProperties properties) {
        return request.oldProperties().optional(ContactFlowsProperties.BUCKET_NAME)
                .filter(old -> !old.equals(properties.bucketName()));
    }

    /** The attribute name prefix for a flow's Name/Arn in the response data (e.g. AuthenticationFlowName). */
    public static String attributePrefix(NomidioFlow flow) {
        return switch (flow) {
            case POST_FLOW -> "PostFlow";
            case CHALLENGE_FLOW -> "ChallengeFlow";
            case AUTHENTICATION_FLOW -> "AuthenticationFlow";
            case LEX_AUTHENTICATION_FLOW -> "LexAuthenticationFlow";
            case PRE_FLOW -> "PreFlow";
            case AGENT_CHALLENGE_QUEUE -> "AgentChallengeQueueFlow";
        };
    }
}
