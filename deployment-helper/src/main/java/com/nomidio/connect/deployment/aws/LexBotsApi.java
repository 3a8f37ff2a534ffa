package com.nomidio.connect.deployment.aws;

import com.nomidio.connect.deployment.lex.BotDefinition.IntentDefinition;
import com.nomidio.connect.deployment.lex.BotDefinition.LocaleDefinition;
import com.nomidio.connect.deployment.lex.BotDefinition.SlotDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.lexmodelsv2.LexModelsV2Client;
import software.amazon.awssdk.services.lexmodelsv2.model.BotAliasLocaleSettings;
import software.amazon.awssdk.services.lexmodelsv2.model.BotAliasSummary;
import software.amazon.awssdk.services.lexmodelsv2.model.BotFilterName;
import software.amazon.awssdk.services.lexmodelsv2.model.BotFilterOperator;
import software.amazon.awssdk.services.lexmodelsv2.model.BotSummary;
import software.amazon.awssdk.services.lexmodelsv2.model.BotVersionLocaleDetails;
import software.amazon.awssdk.services.lexmodelsv2.model.BotVersionSortAttribute;
import software.amazon.awssdk.services.lexmodelsv2.model.BotVersionSummary;
import software.amazon.awssdk.services.lexmodelsv2.model.DescribeBotLocaleResponse;
import software.amazon.awssdk.services.lexmodelsv2.model.DialogCodeHookSettings;
import software.amazon.awssdk.services.lexmodelsv2.model.FulfillmentCodeHookSettings;
import software.amazon.awssdk.services.lexmodelsv2.model.IntentSummary;
import software.amazon.awssdk.services.lexmodelsv2.model.Message;
import software.amazon.awssdk.services.lexmodelsv2.model.MessageGroup;
import software.amazon.awssdk.services.lexmodelsv2.model.ObfuscationSettingType;
import software.amazon.awssdk.services.lexmodelsv2.model.PromptSpecification;
import software.amazon.awssdk.services.lexmodelsv2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lexmodelsv2.model.SampleUtterance;
import software.amazon.awssdk.services.lexmodelsv2.model.SlotPriority;
import software.amazon.awssdk.services.lexmodelsv2.model.SlotSummary;
import software.amazon.awssdk.services.lexmodelsv2.model.SlotValueElicitationSetting;
import software.amazon.awssdk.services.lexmodelsv2.model.SortOrder;

/**
 * The Amazon Lex V2 model building calls the bots resource makes (lexmodelsv2), each bounded by the timeout it is
 * given. Only the DRAFT version is ever changed; published versions are immutable.
 */
public final class LexBotsApi {

    public static final String DRAFT = "DRAFT";
    /** The only interface version Lex V2 code hooks have. */
    static final String CODE_HOOK_INTERFACE_VERSION = "1.0";

    private final LexModelsV2Client lex;

    public LexBotsApi(LexModelsV2Client lex) {
        this.lex = lex;
    }

    public record BotSummaryView(String id, String name, String status) {
    }

    public record VersionView(String version, String description, String status) {
    }

    public record AliasView(String id, String name, String version, String status) {
    }

    public record LocaleState(String status, List<String> failureReasons) {
    }

    private static Consumer<AwsRequestOverrideConfiguration.Builder> within(Duration timeout) {
        return c -> c.apiCallTimeout(timeout);
    }

    /** The bot with exactly this name (ListBots, filter BotName EQ; every page). */
    public Optional<BotSummaryView> findBot(String name, Duration timeout) {
        for (BotSummary bot : lex.listBotsPaginator(r -> r
                .filters(f -> f.name(BotFilterName.BOT_NAME).operator(BotFilterOperator.EQ).values(name))
                .maxResults(100)
                .overrideConfiguration(within(timeout))).stream().flatMap(page -> page.botSummaries().stream()).toList()) {
            if (name.equals(bot.botName())) {
                return Optional.of(new BotSummaryView(bot.botId(), bot.botName(), bot.botStatusAsString()));
            }
        }
        return Optional.empty();
    }

    /** Creates the bot; Lex also makes its TestBotAlias, tagged the same. Returns the bot id. */
    public String createBot(String name, String description, String roleArn, int idleSeconds, boolean childDirected,
                            Map<String, String> tags, Duration timeout) {
        return lex.createBot(r -> r.botName(name).description(description).roleArn(roleArn)
                .idleSessionTTLInSeconds(idleSeconds)
                .dataPrivacy(d -> d.childDirected(childDirected))
                .botTags(tags)
                .testBotAliasTags(tags)
                .overrideConfiguration(within(timeout))).botId();
    }

    public void updateBot(String botId, String name, String description, String roleArn, int idleSeconds,
                          boolean childDirected, Duration timeout) {
        lex.updateBot(r -> r.botId(botId).botName(name).description(description).roleArn(roleArn)
                .idleSessionTTLInSeconds(idleSeconds)
                .dataPrivacy(d -> d.childDirected(childDirected))
                .overrideConfiguration(within(timeout)));
    }

    public String botStatus(String botId, Duration timeout) {
        return lex.describeBot(r -> r.botId(botId).overrideConfiguration(within(timeout))).botStatusAsString();
    }

    /** Deletes the bot with its locales, versions and aliases (skipResourceInUseCheck); already gone is fine. */
    public void deleteBot(String botId, Duration timeout) {
        try {
            lex.deleteBot(r -> r.botId(botId).skipResourceInUseCheck(true).overrideConfiguration(within(timeout)));
        } catch (ResourceNotFoundException e) {
            // Already deleted.
        }
    }

    public Map<String, String> tags(String arn, Duration timeout) {
        try {
            return lex.listTagsForResource(r -> r.resourceARN(arn).overrideConfiguration(within(timeout))).tags();
        } catch (ResourceNotFoundException e) {
            return Map.of();
        }
    }

    public void tag(String arn, Map<String, String> tags, Duration timeout) {
        lex.tagResource(r -> r.resourceARN(arn).tags(tags).overrideConfiguration(within(timeout)));
    }

    // ---- the DRAFT locale ----

    /** The DRAFT locale's status and failure reasons; empty when the locale does not exist. */
    public Optional<LocaleState> locale(String botId, String localeId, Duration timeout) {
        try {
            DescribeBotLocaleResponse locale = lex.describeBotLocale(r -> r.botId(botId).botVersion(DRAFT)
                    .localeId(localeId).overrideConfiguration(within(timeout)));
            return Optional.of(new LocaleState(locale.botLocaleStatusAsString(), locale.failureReasons()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    public void createLocale(String botId, LocaleDefinition locale, Duration timeout) {
        lex.createBotLocale(r -> r.botId(botId).botVersion(DRAFT).localeId(locale.localeId())
                .description(locale.description())
                .nluIntentConfidenceThreshold(locale.nluIntentConfidenceThreshold())
                .voiceSettings(v -> v.voiceId(locale.voiceId()))
                .overrideConfiguration(within(timeout)));
    }

    public void updateLocale(String botId, LocaleDefinition locale, Duration timeout) {
        lex.updateBotLocale(r -> r.botId(botId).botVersion(DRAFT).localeId(locale.localeId())
                .description(locale.description())
                .nluIntentConfidenceThreshold(locale.nluIntentConfidenceThreshold())
                .voiceSettings(v -> v.voiceId(locale.voiceId()))
                .overrideConfiguration(within(timeout)));
    }

    public void buildLocale(String botId, String localeId, Duration timeout) {
        lex.buildBotLocale(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId).overrideConfiguration(within(timeout)));
    }

    /** The DRAFT locale's intents by name. */
    public Map<String, String> intents(String botId, String localeId, Duration timeout) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (IntentSummary intent : lex.listIntentsPaginator(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId)
                .maxResults(1000).overrideConfiguration(within(timeout))).stream().flatMap(page -> page.intentSummaries().stream()).toList()) {
            byName.put(intent.intentName(), intent.intentId());
        }
        return byName;
    }

    public String createIntent(String botId, String localeId, IntentDefinition intent, Duration timeout) {
        return lex.createIntent(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId)
                .intentName(intent.intentName())
                .description(intent.description())
                .parentIntentSignature(intent.parentIntentSignature())
                .sampleUtterances(utterances(intent))
                .dialogCodeHook(DialogCodeHookSettings.builder().enabled(intent.dialogCodeHook()).build())
                .fulfillmentCodeHook(FulfillmentCodeHookSettings.builder().enabled(intent.fulfillmentCodeHook()).build())
                .overrideConfiguration(within(timeout))).intentId();
    }

    /** Replaces the intent's whole definition; {@code slotIds} in priority order (the definition's order). */
    public void updateIntent(String botId, String localeId, String intentId, IntentDefinition intent,
                             List<String> slotIds, Duration timeout) {
        List<SlotPriority> priorities = new java.util.ArrayList<>();
        for (int i = 0; i < slotIds.size(); i++) {
            priorities.add(SlotPriority.builder().priority(i + 1).slotId(slotIds.get(i)).build());
        }
        lex.updateIntent(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId).intentId(intentId)
                .intentName(intent.intentName())
                .description(intent.description())
                .parentIntentSignature(intent.parentIntentSignature())
                .sampleUtterances(utterances(intent))
                .dialogCodeHook(DialogCodeHookSettings.builder().enabled(intent.dialogCodeHook()).build())
                .fulfillmentCodeHook(FulfillmentCodeHookSettings.builder().enabled(intent.fulfillmentCodeHook()).build())
                .slotPriorities(priorities)
                .overrideConfiguration(within(timeout)));
    }

    public void deleteIntent(String botId, String localeId, String intentId, Duration timeout) {
        try {
            lex.deleteIntent(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId).intentId(intentId)
                    .overrideConfiguration(within(timeout)));
        } catch (ResourceNotFoundException e) {
            // Already gone.
        }
    }

    /** The intent's slots by name. */
    public Map<String, String> slots(String botId, String localeId, String intentId, Duration timeout) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (SlotSummary slot : lex.listSlotsPaginator(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId)
                .intentId(intentId).maxResults(1000).overrideConfiguration(within(timeout))).stream().flatMap(page -> page.slotSummaries().stream()).toList()) {
            byName.put(slot.slotName(), slot.slotId());
        }
        return byName;
    }

    public String createSlot(String botId, String localeId, String intentId, SlotDefinition slot, Duration timeout) {
        return lex.createSlot(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId).intentId(intentId)
                .slotName(slot.slotName())
                .slotTypeId(slot.slotTypeName())
                .valueElicitationSetting(elicitation(slot))
                // What a customer types to identify themselves stays out of Lex's conversation logs.
                .obfuscationSetting(o -> o.obfuscationSettingType(ObfuscationSettingType.DEFAULT_OBFUSCATION))
                .overrideConfiguration(within(timeout))).slotId();
    }

    public void updateSlot(String botId, String localeId, String intentId, String slotId, SlotDefinition slot,
                           Duration timeout) {
        lex.updateSlot(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId).intentId(intentId).slotId(slotId)
                .slotName(slot.slotName())
                .slotTypeId(slot.slotTypeName())
                .valueElicitationSetting(elicitation(slot))
                .obfuscationSetting(o -> o.obfuscationSettingType(ObfuscationSettingType.DEFAULT_OBFUSCATION))
                .overrideConfiguration(within(timeout)));
    }

    public void deleteSlot(String botId, String localeId, String intentId, String slotId, Duration timeout) {
        try {
            lex.deleteSlot(r -> r.botId(botId).botVersion(DRAFT).localeId(localeId).intentId(intentId).slotId(slotId)
                    .overrideConfiguration(within(timeout)));
        } catch (ResourceNotFoundException e) {
            // Already gone.
        }
    }

    // ---- versions ----

    /** Every version of the bot, newest first. */
    public List<VersionView> versions(String botId, Duration timeout) {
        List<VersionView> versions = new java.util.ArrayList<>();
        for (BotVersionSummary version : lex.listBotVersionsPaginator(r -> r.botId(botId)
                .sortBy(s -> s.attribute(BotVersionSortAttribute.BOT_VERSION).order(SortOrder.DESCENDING))
                .maxResults(100).overrideConfiguration(within(timeout))).stream().flatMap(page -> page.botVersionSummaries().stream()).toList()) {
            versions.add(new VersionView(version.botVersion(), version.description(), version.botStatusAsString()));
        }
        return versions;
    }

    /** Publishes the DRAFT of {@code localeIds} as a new numbered version; returns its number. */
    public String createVersion(String botId, String description, List<String> localeIds, Duration timeout) {
        Map<String, BotVersionLocaleDetails> locales = new LinkedHashMap<>();
        localeIds.forEach(id -> locales.put(id, BotVersionLocaleDetails.builder().sourceBotVersion(DRAFT).build()));
        return lex.createBotVersion(r -> r.botId(botId).description(description).botVersionLocaleSpecification(locales)
                .overrideConfiguration(within(timeout))).botVersion();
    }

    public String versionStatus(String botId, String version, Duration timeout) {
        return lex.describeBotVersion(r -> r.botId(botId).botVersion(version).overrideConfiguration(within(timeout)))
                .botStatusAsString();
    }

    // ---- aliases ----

    public Optional<AliasView> findAlias(String botId, String name, Duration timeout) {
        for (BotAliasSummary alias : lex.listBotAliasesPaginator(r -> r.botId(botId).maxResults(100)
                .overrideConfiguration(within(timeout))).stream().flatMap(page -> page.botAliasSummaries().stream()).toList()) {
            if (name.equals(alias.botAliasName())) {
                return Optional.of(new AliasView(alias.botAliasId(), alias.botAliasName(), alias.botVersion(),
                        alias.botAliasStatusAsString()));
            }
        }
        return Optional.empty();
    }

    public String createAlias(String botId, String name, String description, String version,
                              Map<String, BotAliasLocaleSettings> settings, Map<String, String> tags, Duration timeout) {
        return lex.createBotAlias(r -> r.botId(botId).botAliasName(name).description(description).botVersion(version)
                .botAliasLocaleSettings(settings).tags(tags).overrideConfiguration(within(timeout))).botAliasId();
    }

    public void updateAlias(String botId, String aliasId, String name, String description, String version,
                            Map<String, BotAliasLocaleSettings> settings, Duration timeout) {
        lex.updateBotAlias(r -> r.botId(botId).botAliasId(aliasId).botAliasName(name).description(description)
                .botVersion(version).botAliasLocaleSettings(settings).overrideConfiguration(within(timeout)));
    }

    public String aliasStatus(String botId, String aliasId, Duration timeout) {
        return lex.describeBotAlias(r -> r.botId(botId).botAliasId(aliasId).overrideConfiguration(within(timeout)))
                .botAliasStatusAsString();
    }

    public void deleteAlias(String botId, String aliasId, Duration timeout) {
        try {
            lex.deleteBotAlias(r -> r.botId(botId).botAliasId(aliasId).skipResourceInUseCheck(true)
                    .overrideConfiguration(within(timeout)));
        } catch (ResourceNotFoundException e) {
            // Already gone.
        }
    }

    /** Each locale enabled, calling {@code lambdaArn} as its code hook (interface version 1.0). */
    public static Map<String, BotAliasLocaleSettings> codeHookSettings(List<String> localeIds, String lambdaArn) {
        Map<String, BotAliasLocaleSettings> settings = new LinkedHashMap<>();
        localeIds.forEach(id -> settings.put(id, BotAliasLocaleSettings.builder().enabled(true)
                .codeHookSpecification(c -> c.lambdaCodeHook(l -> l.lambdaARN(lambdaArn)
                        .codeHookInterfaceVersion(CODE_HOOK_INTERFACE_VERSION)))
                .build()));
        return settings;
    }

    private static List<SampleUtterance> utterances(IntentDefinition intent) {
        return intent.sampleUtterances().stream().map(u -> SampleUtterance.builder().utterance(u).build()).toList();
    }

    private static SlotValueElicitationSetting elicitation(SlotDefinition slot) {
        return SlotValueElicitationSetting.builder()
                .slotConstraint(slot.slotConstraint())
                .promptSpecification(PromptSpecification.builder()
                        .messageGroups(MessageGroup.builder().message(Message.builder()
                                .plainTextMessage(p -> p.value(slot.elicitationPrompt())).build()).build())
                        .maxRetries(slot.maxRetries())
                        .allowInterrupt(true)
                        .build())
                .build();
    }
}
