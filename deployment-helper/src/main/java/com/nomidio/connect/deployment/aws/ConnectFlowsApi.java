package com.nomidio.connect.deployment.aws;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowStatus;
import software.amazon.awssdk.services.connect.model.ContactFlowSummary;
import software.amazon.awssdk.services.connect.model.CreateContactFlowResponse;
import software.amazon.awssdk.services.connect.model.DuplicateResourceException;
import software.amazon.awssdk.services.connect.model.LexVersion;
import software.amazon.awssdk.services.connect.model.QueueSummary;
import software.amazon.awssdk.services.connect.model.QueueType;
import software.amazon.awssdk.services.connect.model.ResourceConflictException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** The Amazon Connect calls the flows resource makes, each bounded by the timeout it is given. */
public final class ConnectFlowsApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectFlowsApi.class);

    private final ConnectClient connect;

    public ConnectFlowsApi(ConnectClient connect) {
        this.connect = connect;
    }

    /** The flows of the instance whose names are in {@code names} (every page of ListContactFlows). */
    public Map<String, ExistingFlow> findFlows(String instanceId, Set<String> names, Set<String> types, Duration timeout) {
        Map<String, ExistingFlow> found = new LinkedHashMap<>();
        for (ContactFlowSummary summary : connect.listContactFlowsPaginator(r -> r
                .instanceId(instanceId)
                .contactFlowTypesWithStrings(types)
                .maxResults(1000)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout))).contactFlowSummaryList()) {
            if (names.contains(summary.name())) {
                ExistingFlow flow = new ExistingFlow(summary.id(), summary.arn(), summary.name(), summary.contactFlowTypeAsString());
                if (found.putIfAbsent(summary.name(), flow) != null) {
                    LOG.atWarn().addKeyValue("flowName", summary.name()).addKeyValue("ignoredFlowId", summary.id())
                            .log("Two flows share a name; using the first");
                }
            }
        }
        return found;
    }

    public ExistingFlow create(String instanceId, String name, String type, String description, String content,
                               Map<String, String> tags, Duration timeout) {
        CreateContactFlowResponse response = connect.createContactFlow(r -> r
                .instanceId(instanceId)
                .name(name)
                .type(type)
                .description(description)
                .content(content)
                .status(ContactFlowStatus.PUBLISHED)
                .tags(tags)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
        return new ExistingFlow(response.contactFlowId(), response.contactFlowArn(), name, type);
    }

    public void updateContent(String instanceId, String flowId, String content, Duration timeout) {
        connect.updateContactFlowContent(r -> r
                .instanceId(instanceId)
                .contactFlowId(flowId)
                .content(content)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
    }

    /** Adds tags to a flow (TagResource on its ARN). */
    public void tag(String flowArn, Map<String, String> tags, Duration timeout) {
        connect.tagResource(r -> r
                .resourceArn(flowArn)
                .tags(tags)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
    }

    /** The flow's tags; empty when it is gone. */
    public Map<String, String> tags(String instanceId, String flowId, Duration timeout) {
        try {
            return connect.describeContactFlow(r -> r
                    .instanceId(instanceId)
                    .contactFlowId(flowId)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout))).contactFlow().tags();
        } catch (ResourceNotFoundException e) {
            return Map.of();
        }
    }

    /** Deletes the flow; a flow already gone counts as deleted. */
    public void delete(String instanceId, String flowId, Duration timeout) {
        idempotent(() -> connect.deleteContactFlow(r -> r
                        .instanceId(instanceId)
                        .contactFlowId(flowId)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))),
                ResourceNotFoundException.class::isInstance, "flowId", flowId, "Flow already gone");
    }

    /** Lets the instance's flows invoke the function; already associated is fine. */
    public void associateFunction(String instanceId, String functionArn, Duration timeout) {
        idempotent(() -> connect.associateLambdaFunction(r -> r
                        .instanceId(instanceId)
                        .functionArn(functionArn)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))),
                e -> e instanceof ResourceConflictException || e instanceof DuplicateResourceException,
                "functionArn", functionArn, "Function already associated with the instance");
    }

    /** Removes the association; not associated (or instance gone) is fine. */
    public void disassociateFunction(String instanceId, String functionArn, Duration timeout) {
        idempotent(() -> connect.disassociateLambdaFunction(r -> r
                        .instanceId(instanceId)
                        .functionArn(functionArn)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))),
                ResourceNotFoundException.class::isInstance, "functionArn", functionArn, "Function was not associated");
    }

    /** Whether the Lex V2 bot alias is associated with the instance (ListBots, lexVersion V2, every page). */
    public boolean botAssociated(String instanceId, String botAliasArn, Duration timeout) {
        return connect.listBotsPaginator(r -> r
                        .instanceId(instanceId)
                        .lexVersion(LexVersion.V2)
                        .maxResults(25)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))).lexBots().stream()
                .anyMatch(bot -> bot.lexV2Bot() != null && botAliasArn.equals(bot.lexV2Bot().aliasArn()));
    }

    /** Lets the instance's flows use the Lex V2 bot alias; already associated is fine. */
    public void associateBot(String instanceId, String botAliasArn, Duration timeout) {
        idempotent(() -> connect.associateBot(r -> r
                        .instanceId(instanceId)
                        .lexV2Bot(b -> b.aliasArn(botAliasArn))
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))),
                e -> e instanceof ResourceConflictException || e instanceof DuplicateResourceException,
                "botAliasArn", botAliasArn, "Bot already associated with the instance");
    }

    /** Removes the bot alias from the instance; not associated (or instance gone) is fine. */
    public void disassociateBot(String instanceId, String botAliasArn, Duration timeout) {
        idempotent(() -> connect.disassociateBot(r -> r
                        .instanceId(instanceId)
                        .lexV2Bot(b -> b.aliasArn(botAliasArn))
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))),
                ResourceNotFoundException.class::isInstance, "botAliasArn", botAliasArn, "Bot was not associated");
    }

    /**
     * Runs a call whose goal may already be reached (CloudFormation retries, a half-done earlier run): the answer
     * that says so is logged and taken as success; any other failure propagates.
     */
    static void idempotent(Runnable call, Predicate<AwsServiceException> alreadyDone, String key, String value,
                                   String message) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            if (!alreadyDone.test(e)) {
                throw e;
            }
            LOG.atInfo().addKeyValue(key, value).log(message);
        }
    }

    /** The ARN of the standard queue with this name, if the instance has one. */
    public Optional<String> queueArn(String instanceId, String queueName, Duration timeout) {
        for (QueueSummary queue : connect.listQueuesPaginator(r -> r
                .instanceId(instanceId)
                .queueTypes(QueueType.STANDARD)
                .maxResults(1000)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout))).queueSummaryList()) {
            if (queueName.equals(queue.name())) {
                return Optional.of(queue.arn());
            }
        }
        return Optional.empty();
    }
}
