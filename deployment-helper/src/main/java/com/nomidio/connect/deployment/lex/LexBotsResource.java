package com.nomidio.connect.deployment.lex;

import com.nomidio.connect.deployment.aws.ConnectFlowsApi;
import com.nomidio.connect.deployment.aws.LexBotsApi;
import com.nomidio.connect.deployment.aws.LexBotsApi.AliasView;
import com.nomidio.connect.deployment.aws.LexBotsApi.BotSummaryView;
import com.nomidio.connect.deployment.aws.LexBotsApi.LocaleState;
import com.nomidio.connect.deployment.aws.LexBotsApi.VersionView;
import com.nomidio.connect.deployment.lex.BotDefinition.IntentDefinition;
import com.nomidio.connect.deployment.lex.BotDefinition.LocaleDefinition;
import com.nomidio.connect.deployment.lex.BotDefinition.SlotDefinition;
import com.nomidio.connect.deployment.resources.CustomResource;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.DeadlineExceededException;
import com.nomidio.connect.deployment.resources.FailureReasons;
import com.nomidio.connect.deployment.resources.InvalidPropertiesException;
import com.nomidio.connect.deployment.resources.OperationFailedException;
import com.nomidio.connect.deployment.resources.PhysicalIds;
import com.nomidio.connect.deployment.resources.ResourceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * {@code Custom::NomidioLexBots}: deploys the repository's Lex V2 bot definitions ({@code nomidio-lex/bots/}, in the
 * jar under {@code bots/}) on lexmodelsv2, with nomidioLex's {@code live} alias as their code hook, and associates the
 * bot alias with the Connect instance when the flows are deployed.
 *
 * <p>Per bot: find it by name or create it (tagged {@value #CREATED_BY_TAG} and {@value #STACK_TAG}); unless a
 * published version already carries the definition's content hash in its description, bring the DRAFT locales,
 * intents and slots in line with the definition, build each locale and wait (a failed build answers FAILED with
 * Lex's reasons), and publish a version; then create or update the alias {@value #ALIAS_NAME} to point at that
 * version with the code hook. An unchanged Update therefore publishes nothing and only re-applies the alias.
 * Every wait polls inside the operation's time box: when it is spent, CloudFormation gets FAILED saying where.
 *
 * <p>Delete disassociates the alias from the instance (when it was associated) and deletes the bot only when its
 * {@value #CREATED_BY_TAG} tag is this resource's (otherwise only an alias this resource created): a bot of that name
 * that was there before the stack stays.
 */
public final class LexBotsResource implements CustomResource {

    private static final Logger LOG = LoggerFactory.getLogger(LexBotsResource.class);

    public static final String TYPE = "Custom::NomidioLexBots";
    public static final String ALIAS_NAME = "live";
    public static final String CREATED_BY_TAG = "nomidio:created-by";
    public static final String STACK_TAG = "nomidio:stack";
    /** In a version's description: the definition it was published from. */
    public static final String VERSION_MARKER = "nomidio-definition:";
    /** How often a wait asks Lex again (builds take a minute or two). */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(3);

    private static final Set<String> BOT_SETTLED = Set.of("Available", "Failed", "Inactive");
    private static final Set<String> LOCALE_SETTLED = Set.of("NotBuilt", "Built", "Failed", "ReadyExpressTesting");
    private static final Set<String> BUILD_SETTLED = Set.of("Built", "Failed");
    private static final Set<String> VERSION_SETTLED = Set.of("Available", "Failed", "Inactive");
    private static final Set<String> ALIAS_SETTLED = Set.of("Available", "Failed");
    private static final String FALLBACK_INTENT = "FallbackIntent";

    private final LexBotsApi lex;
    private final ConnectFlowsApi connect;
    private final Supplier<List<BotDefinition>> definitions;
    private final Duration pollInterval;

    public LexBotsResource(LexBotsApi lex, ConnectFlowsApi connect, Supplier<List<BotDefinition>> definitions,
                           Duration pollInterval) {
        this.lex = lex;
        this.connect = connect;
        this.definitions = definitions;
        this.pollInterval = pollInterval;
    }

    /** The packaged definitions ({@link BotDefinition#BOT_FILES}). */
    public static List<BotDefinition> packagedDefinitions() {
        return BotDefinition.BOT_FILES.stream().map(BotDefinition::load).toList();
    }

    @Override
    public String resourceType() {
        return TYPE;
    }

    /** Names the instance: moving to another instance is a replacement whose Delete disassociates the old one. */
    @Override
    public String physicalResourceId(CustomResourceRequest request) {
        return "nomidio-lex-bots:" + LexBotsProperties.from(request.properties()).instanceId();
    }

    @Override
    public Response create(CustomResourceRequest request, ResourceContext context) {
        return deploy(request, LexBotsProperties.from(request.properties()), context);
    }

    @Override
    public Response update(CustomResourceRequest request, ResourceContext context) {
        LexBotsProperties properties = LexBotsProperties.from(request.properties());
        Map<String, Object> data = deployAll(request, properties, context);
        boolean wasAssociated = request.oldProperties().optional(LexBotsProperties.ASSOCIATE)
                .map("true"::equalsIgnoreCase).orElse(false);
        if (wasAssociated && !properties.associateWithInstance()) {
            context.step("disassociating the bot alias from the instance (AssociateWithInstance is now false)");
            connect.disassociateBot(properties.instanceId(), String.valueOf(data.get("BotAliasArn")), context.callTimeout());
        }
        return success(request, data);
    }

    @Override
    public Response delete(CustomResourceRequest request, ResourceContext context) {
        LexBotsProperties properties;
        try {
            properties = LexBotsProperties.from(request.properties());
        } catch (InvalidPropertiesException e) {
            LOG.atInfo().addKeyValue("reason", e.getMessage()).log("Nothing to clean up: the properties were never usable");
            return Response.success(request.physicalResourceId());
        }
        List<String> leftBehind = new ArrayList<>();
        for (BotDefinition definition : definitions.get()) {
            try {
                removeBot(request, properties, definition, context);
            } catch (DeadlineExceededException e) {
                throw e;
            } catch (SdkException e) {
                LOG.atWarn().addKeyValue("botName", definition.botName()).setCause(e).log("Could not clean up the bot");
                leftBehind.add("the Lex bot " + definition.botName() + " or its association with instance "
                        + properties.instanceId() + " (" + FailureReasons.describe(e, context) + ")");
            }
        }
        if (leftBehind.isEmpty()) {
            return Response.success(request.physicalResourceId());
        }
        return Response.builder().status(Response.Status.SUCCESS).physicalResourceId(request.physicalResourceId())
                .reason(FailureReasons.truncate("Deleted; left behind for manual removal: " + String.join("; ", leftBehind)))
                .build();
    }

    // ---- deploy ----

    private Response deploy(CustomResourceRequest request, LexBotsProperties properties, ResourceContext context) {
        return success(request, deployAll(request, properties, context));
    }

    private Response success(CustomResourceRequest request, Map<String, Object> data) {
        return Response.builder().status(Response.Status.SUCCESS).physicalResourceId(physicalResourceId(request))
                .value(data).build();
    }

    /** Deploys every bot; the answer's data (BotId, BotAliasId, BotAliasArn, BotName, BotVersion). */
    private Map<String, Object> deployAll(CustomResourceRequest request, LexBotsProperties properties,
                                          ResourceContext context) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (BotDefinition definition : definitions.get()) {
            DeployedBot bot = deployBot(request, properties, definition, context);
            if (properties.associateWithInstance()) {
                context.step("associating the bot alias " + bot.aliasArn() + " with the instance");
                if (!connect.botAssociated(properties.instanceId(), bot.aliasArn(), context.callTimeout())) {
                    connect.associateBot(properties.instanceId(), bot.aliasArn(), context.callTimeout());
                }
                context.done("bot alias associated with the instance");
            }
            data.put("BotId", bot.botId());
            data.put("BotAliasId", bot.aliasId());
            data.put("BotAliasArn", bot.aliasArn());
            data.put("BotName", definition.botName());
            data.put("BotVersion", bot.version());
        }
        return data;
    }

    private record DeployedBot(String botId, String version, String aliasId, String aliasArn) {
    }

    private DeployedBot deployBot(CustomResourceRequest request, LexBotsProperties properties, BotDefinition definition,
                                  ResourceContext context) {
        String name = definition.botName();
        context.step("finding the Lex bot " + name);
        Optional<BotSummaryView> found = lex.findBot(name, context.callTimeout());
        String botId;
        if (found.isPresent()) {
            botId = found.get().id();
            claim(request, properties, definition, botId, context);
        } else {
            context.step("creating the Lex bot " + name);
            botId = lex.createBot(name, definition.description(), properties.botRoleArn(),
                    definition.idleSessionTTLInSeconds(), definition.childDirected(), tags(request), context.callTimeout());
            LOG.atInfo().addKeyValue("botName", name).addKeyValue("botId", botId).log("Created the bot");
            context.done("bot " + name + " created");
        }
        awaitBot(botId, name, context);

        String hash = definition.contentHash();
        context.step("listing the versions of bot " + name);
        Optional<VersionView> published = lex.versions(botId, context.callTimeout()).stream()
                .filter(v -> v.description() != null && v.description().contains(VERSION_MARKER + hash))
                .filter(v -> !"Failed".equals(v.status()) && !"Deleting".equals(v.status()))
                .findFirst();
        if (published.isPresent() && !"Available".equals(published.get().status())) {
            // An earlier attempt published it and ran out of time waiting: wait for that one, publish no other.
            String pending = published.get().version();
            String status = await(context, "version " + pending + " of bot " + name,
                    () -> lex.versionStatus(botId, pending, context.callTimeout()), VERSION_SETTLED);
            if (!"Available".equals(status)) {
                published = Optional.empty();
            }
        }
        String version;
        if (published.isPresent()) {
            version = published.get().version();
            LOG.atInfo().addKeyValue("botName", name).addKeyValue("botVersion", version).addKeyValue("definition", hash)
                    .log("Definition unchanged: no new version");
        } else {
            if (found.isPresent()) {
                context.step("updating the Lex bot " + name);
                lex.updateBot(botId, name, definition.description(), properties.botRoleArn(),
                        definition.idleSessionTTLInSeconds(), definition.childDirected(), context.callTimeout());
                awaitBot(botId, name, context);
            }
            for (LocaleDefinition locale : definition.locales()) {
                applyLocale(botId, name, locale, context);
            }
            for (LocaleDefinition locale : definition.locales()) {
                build(botId, name, locale.localeId(), context);
            }
            version = publish(botId, name, hash, localeIds(definition), context);
        }
        String aliasId = pointAlias(request, properties, definition, botId, version, context);
        return new DeployedBot(botId, version, aliasId, properties.botAliasArn(botId, aliasId));
    }

    /**
     * A bot found by name must be this stack's: created by this resource, or by another resource of the same stack
     * (then this one takes it over, so that the other's Delete leaves it). Any other is refused before anything changes;
     * the helper's role cannot even read it when the stack tag is missing (its Lex permissions require that tag).
     */
    private void claim(CustomResourceRequest request, LexBotsProperties properties, BotDefinition definition,
                       String botId, ResourceContext context) {
        String arn = properties.botArn(botId);
        context.step("checking who created the Lex bot " + definition.botName());
        Map<String, String> tags;
        try {
            tags = lex.tags(arn, context.callTimeout());
        } catch (AwsServiceException e) {
            if (e.statusCode() != 403) {
                throw e;
            }
            tags = Map.of();
        }
        String ours = createdByValue(request);
        if (ours.equals(tags.get(CREATED_BY_TAG))) {
            return;
        }
        if (!request.stackName().equals(tags.get(STACK_TAG))) {
            throw new InvalidPropertiesException("this account and region already have a Lex bot named "
                    + definition.botName() + " (id " + botId + ") that this stack did not create; Lex bot names are"
                    + " unique per account and region, so delete that bot (or deploy the stack in another region)");
        }
        context.step("taking over the Lex bot " + definition.botName() + " from another resource of this stack");
        // With the stack tag again: the helper's role may tag only with this stack's tag in the request.
        lex.tag(arn, tags(request), context.callTimeout());
        LOG.atInfo().addKeyValue("botId", botId).log("Took over a bot this stack created under another resource");
    }

    private void applyLocale(String botId, String botName, LocaleDefinition locale, ResourceContext context) {
        String localeId = locale.localeId();
        context.step("reading locale " + localeId + " of bot " + botName);
        Optional<LocaleState> state = lex.locale(botId, localeId, context.callTimeout());
        if (state.isEmpty()) {
            context.step("creating locale " + localeId + " of bot " + botName);
            lex.createLocale(botId, locale, context.callTimeout());
        } else {
            awaitLocale(botId, botName, localeId, LOCALE_SETTLED, context);
            context.step("updating locale " + localeId + " of bot " + botName);
            lex.updateLocale(botId, locale, context.callTimeout());
        }
        awaitLocale(botId, botName, localeId, LOCALE_SETTLED, context);

        context.step("listing the intents of locale " + localeId);
        Map<String, String> existing = lex.intents(botId, localeId, context.callTimeout());
        for (IntentDefinition intent : locale.intents()) {
            applyIntent(botId, localeId, intent, existing.get(intent.intentName()), context);
        }
        Set<String> wanted = new java.util.HashSet<>();
        locale.intents().forEach(i -> wanted.add(i.intentName()));
        for (Map.Entry<String, String> intent : existing.entrySet()) {
            if (!wanted.contains(intent.getKey()) && !FALLBACK_INTENT.equals(intent.getKey())) {
                context.step("deleting intent " + intent.getKey() + " (no longer in the definition)");
                lex.deleteIntent(botId, localeId, intent.getValue(), context.callTimeout());
            }
        }
        context.done("locale " + localeId + " of bot " + botName + " defined");
    }

    private void applyIntent(String botId, String localeId, IntentDefinition intent, String existingId,
                             ResourceContext context) {
        String intentId = existingId;
        Map<String, String> existingSlots = Map.of();
        if (intentId == null) {
            context.step("creating intent " + intent.intentName());
            intentId = lex.createIntent(botId, localeId, intent, context.callTimeout());
        } else {
            context.step("listing the slots of intent " + intent.intentName());
            existingSlots = lex.slots(botId, localeId, intentId, context.callTimeout());
        }
        List<String> slotIds = new ArrayList<>();
        for (SlotDefinition slot : intent.slots()) {
            String slotId = existingSlots.get(slot.slotName());
            if (slotId == null) {
                context.step("creating slot " + slot.slotName() + " of intent " + intent.intentName());
                slotId = lex.createSlot(botId, localeId, intentId, slot, context.callTimeout());
            } else {
                context.step("updating slot " + slot.slotName() + " of intent " + intent.intentName());
                lex.updateSlot(botId, localeId, intentId, slotId, slot, context.callTimeout());
            }
            slotIds.add(slotId);
        }
        if (existingId != null || !slotIds.isEmpty()) {
            // An intent's slots take part in the dialogue only through its slot priorities.
            context.step("updating intent " + intent.intentName());
            lex.updateIntent(botId, localeId, intentId, intent, slotIds, context.callTimeout());
        }
        for (Map.Entry<String, String> slot : existingSlots.entrySet()) {
            if (!slotIds.contains(slot.getValue())) {
                context.step("deleting slot " + slot.getKey() + " of intent " + intent.intentName());
                lex.deleteSlot(botId, localeId, intentId, slot.getValue(), context.callTimeout());
            }
        }
    }

    private void build(String botId, String botName, String localeId, ResourceContext context) {
        context.step("building locale " + localeId + " of bot " + botName);
        lex.buildLocale(botId, localeId, context.callTimeout());
        LocaleState built = awaitLocale(botId, botName, localeId, BUILD_SETTLED, context);
        if ("Failed".equals(built.status())) {
            throw new OperationFailedException(FailureReasons.truncate("Amazon Lex could not build locale " + localeId
                    + " of bot " + botName + ": " + String.join("; ", built.failureReasons().stream()
                            .map(r -> r.endsWith(".") ? r.substring(0, r.length() - 1) : r).toList())
                    + ". Fix the bot definition (nomidio-lex/bots/" + botName + ".json) and retry the stack operation."));
        }
        LOG.atInfo().addKeyValue("botName", botName).addKeyValue("localeId", localeId).log("Locale built");
        context.done("locale " + localeId + " of bot " + botName + " built");
    }

    private String publish(String botId, String botName, String hash, List<String> localeIds, ResourceContext context) {
        context.step("publishing a version of bot " + botName);
        String version = lex.createVersion(botId, "Nomidio Connect, " + VERSION_MARKER + hash, localeIds,
                context.callTimeout());
        String status = await(context, "version " + version + " of bot " + botName,
                () -> lex.versionStatus(botId, version, context.callTimeout()), VERSION_SETTLED);
        if (!"Available".equals(status)) {
            throw new OperationFailedException("Amazon Lex could not publish version " + version + " of bot " + botName
                    + " (status " + status + "). Retry the stack operation; if it fails again, see the bot in the Lex console.");
        }
        LOG.atInfo().addKeyValue("botName", botName).addKeyValue("botVersion", version).addKeyValue("definition", hash)
                .log("Published a version");
        context.done("version " + version + " of bot " + botName + " published");
        return version;
    }

    private String pointAlias(CustomResourceRequest request, LexBotsProperties properties, BotDefinition definition,
                              String botId, String version, ResourceContext context) {
        String name = definition.botName();
        var settings = LexBotsApi.codeHookSettings(localeIds(definition), properties.codeHookArn());
        String description = "Nomidio Connect: version " + version + ", code hook nomidioLex:live";
        context.step("finding the alias " + ALIAS_NAME + " of bot " + name);
        Optional<AliasView> alias = lex.findAlias(botId, ALIAS_NAME, context.callTimeout());
        String aliasId;
        if (alias.isEmpty()) {
            context.step("creating the alias " + ALIAS_NAME + " of bot " + name);
            aliasId = lex.createAlias(botId, ALIAS_NAME, description, version, settings, tags(request), context.callTimeout());
        } else {
            aliasId = alias.get().id();
            await(context, "the alias " + ALIAS_NAME + " of bot " + name,
                    () -> lex.aliasStatus(botId, alias.get().id(), context.callTimeout()), ALIAS_SETTLED);
            context.step("pointing the alias " + ALIAS_NAME + " of bot " + name + " at version " + version);
            lex.updateAlias(botId, aliasId, ALIAS_NAME, description, version, settings, context.callTimeout());
        }
        String status = await(context, "the alias " + ALIAS_NAME + " of bot " + name,
                () -> lex.aliasStatus(botId, aliasId, context.callTimeout()), ALIAS_SETTLED);
        if (!"Available".equals(status)) {
            throw new OperationFailedException("Amazon Lex reports the alias " + ALIAS_NAME + " of bot " + name
                    + " as " + status + ". Retry the stack operation; if it fails again, see the bot in the Lex console.");
        }
        LOG.atInfo().addKeyValue("botName", name).addKeyValue("botAliasId", aliasId).addKeyValue("botVersion", version)
                .log("Alias points at the version");
        context.done("alias " + ALIAS_NAME + " of bot " + name + " at version " + version);
        return aliasId;
    }

    // ---- delete ----

    private void removeBot(CustomResourceRequest request, LexBotsProperties properties, BotDefinition definition,
                           ResourceContext context) {
        String name = definition.botName();
        context.step("finding the Lex bot " + name);
        Optional<BotSummaryView> found = lex.findBot(name, context.callTimeout());
        if (found.isEmpty()) {
            LOG.atInfo().addKeyValue("botName", name).log("No bot of that name: nothing to remove");
            return;
        }
        String botId = found.get().id();
        context.step("finding the alias " + ALIAS_NAME + " of bot " + name);
        Optional<AliasView> alias = lex.findAlias(botId, ALIAS_NAME, context.callTimeout());
        if (alias.isPresent() && properties.associateWithInstance()) {
            context.step("disassociating the bot alias from the instance");
            connect.disassociateBot(properties.instanceId(), properties.botAliasArn(botId, alias.get().id()),
                    context.callTimeout());
            context.done("bot alias disassociated");
        }
        String ours = createdByValue(request);
        context.step("checking who created the Lex bot " + name);
        if (ours.equals(lex.tags(properties.botArn(botId), context.callTimeout()).get(CREATED_BY_TAG))) {
            context.step("deleting the Lex bot " + name);
            lex.deleteBot(botId, context.callTimeout());
            LOG.atInfo().addKeyValue("botName", name).addKeyValue("botId", botId).log("Deleted the bot");
            context.done("bot " + name + " deleted");
            return;
        }
        if (alias.isPresent()) {
            String aliasArn = properties.botAliasArn(botId, alias.get().id());
            context.step("checking who created the alias " + ALIAS_NAME + " of bot " + name);
            if (ours.equals(lex.tags(aliasArn, context.callTimeout()).get(CREATED_BY_TAG))) {
                context.step("deleting the alias " + ALIAS_NAME + " of bot " + name);
                lex.deleteAlias(botId, alias.get().id(), context.callTimeout());
                context.done("alias " + ALIAS_NAME + " of bot " + name + " deleted");
            }
        }
        LOG.atInfo().addKeyValue("botName", name).addKeyValue("botId", botId).log("Leaving a bot this resource did not create");
    }

    // ---- waiting ----

    private void awaitBot(String botId, String name, ResourceContext context) {
        String status = await(context, "the Lex bot " + name + " to be available",
                () -> lex.botStatus(botId, context.callTimeout()), BOT_SETTLED);
        if (!"Available".equals(status)) {
            throw new OperationFailedException("Amazon Lex reports the bot " + name + " (id " + botId + ") as " + status
                    + ". Delete it in the Lex console and retry the stack operation.");
        }
    }

    private LocaleState awaitLocale(String botId, String botName, String localeId, Set<String> settled,
                                    ResourceContext context) {
        LocaleState[] last = new LocaleState[1];
        await(context, "locale " + localeId + " of bot " + botName + (settled == BUILD_SETTLED ? " to build" : ""), () -> {
            last[0] = lex.locale(botId, localeId, context.callTimeout())
                    .orElseThrow(() -> new OperationFailedException("Locale " + localeId + " of bot " + botName
                            + " disappeared while the helper waited for it. Retry the stack operation."));
            return last[0].status();
        }, settled);
        return last[0];
    }

    /**
     * Asks for {@code status} until it is one of {@code settled}, sleeping the poll interval between asks. Each ask
     * is a step, so the time box ends the wait: CloudFormation then gets FAILED saying what was awaited.
     */
    private String await(ResourceContext context, String what, Supplier<String> status, Set<String> settled) {
        while (true) {
            context.step("waiting for " + what);
            String current = status.get();
            if (settled.contains(current)) {
                return current;
            }
            long sleep = Math.min(pollInterval.toMillis(), context.deadline().remaining().toMillis());
            try {
                Thread.sleep(Math.max(1, sleep));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeadlineExceededException(context);
            }
        }
    }

    /** Who created a bot or alias: the same value for every request of this stack resource, and no other. */
    static String createdByValue(CustomResourceRequest request) {
        return PhysicalIds.stable("nomidio", request, "lex-bots");
    }

    private static Map<String, String> tags(CustomResourceRequest request) {
        String stack = request.stackName();
        return Map.of(CREATED_BY_TAG, createdByValue(request),
                STACK_TAG, stack.length() > 256 ? stack.substring(0, 256) : stack);
    }

    private static List<String> localeIds(BotDefinition definition) {
        return definition.locales().stream().map(LocaleDefinition::localeId).toList();
    }
}
