package com.nomidio.connect.deployment.lex;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandlerAccess;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.testing.ConnectStubs;
import com.nomidio.connect.deployment.testing.DeploymentHelperHarness;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import com.nomidio.connect.testkit.lex.LocalLexModels;
import com.nomidio.connect.testkit.lex.LocalLexModels.Bot;
import com.nomidio.connect.testkit.lex.LocalLexModels.Intent;
import com.nomidio.connect.testkit.lex.LocalLexModels.Locale;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom::NomidioLexBots through the real handler: lexmodelsv2 on the kit's stateful local Lex and Connect on
 * WireMock, both with the real SDK clients; the answer on a local ResponseURL server.
 */
class LexBotsResourceTest {

    private static final String CREATE = "deployment-helper-create-lex-bots.json";
    private static final String UPDATE = "deployment-helper-update-lex-bots.json";
    private static final String DELETE = "deployment-helper-delete-lex-bots.json";
    private static final BotDefinition DEFINITION = BotDefinition.load("NomidioAuthentication.json");
    private static final String BOT = DEFINITION.botName();
    private static final String PHYSICAL_ID = "nomidio-lex-bots:" + ConnectStubs.INSTANCE_ID;

    @RegisterExtension
    final DeploymentHelperHarness harness = new DeploymentHelperHarness();
    private final DeploymentHelperHandlerAccess handler =
            new DeploymentHelperHandlerAccess(harness.dispatcher(Duration.ofSeconds(2)));

    @Test
    void create_whenNoBotExists_createsDefinesBuildsPublishesPointsTheAliasAndAssociates() {
        stubConnect(List.of());

        JsonNode answer = run(harness.event(CREATE));

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo(PHYSICAL_ID);
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        LocalLexModels.Alias live = alias(bot);
        assertThat(answer.get("Data")).isEqualTo(json(Map.of("BotId", bot.id, "BotAliasId", live.id,
                "BotAliasArn", live.arn(bot.id), "BotName", BOT, "BotVersion", "1")));
        assertThat(harness.lex.requestLines()).containsSubsequence(
                "POST /bots/", "PUT /bots/", "GET /bots/" + bot.id + "/",
                "PUT /bots/" + bot.id + "/botversions/DRAFT/botlocales/",
                "GET /bots/" + bot.id + "/botversions/DRAFT/botlocales/en_GB/",
                "POST /bots/" + bot.id + "/botversions/DRAFT/botlocales/en_GB/intents/",
                "POST /bots/" + bot.id + "/botversions/DRAFT/botlocales/en_GB/",
                "PUT /bots/" + bot.id + "/botversions/",
                "GET /bots/" + bot.id + "/botversions/1/",
                "PUT /bots/" + bot.id + "/botaliases/",
                "GET /bots/" + bot.id + "/botaliases/" + live.id + "/");
        harness.aws.verify(1, putRequestedFor(urlPathEqualTo(ConnectStubs.botPath()))
                .withRequestBody(matchingJsonPath("$.LexV2Bot.AliasArn", equalTo(live.arn(bot.id)))));
    }

    @Test
    void create_whenNoBotExists_definesEveryIntentAndSlotOfTheDefinitionWithTheCodeHooks() {
        stubConnect(List.of());

        run(harness.event(CREATE));

        Bot bot = harness.lex.bot(BOT).orElseThrow();
        assertThat(bot.roleArn).isEqualTo(property(CREATE, "BotRoleArn"));
        assertThat(bot.request.at("/dataPrivacy/childDirected").asBoolean()).isFalse();
        assertThat(bot.request.at("/idleSessionTTLInSeconds").asInt()).isEqualTo(300);
        Locale locale = bot.draftLocales.get("en_GB");
        assertThat(locale.request.at("/voiceSettings/voiceId").asText()).isEqualTo("Amy");
        assertThat(locale.request.at("/nluIntentConfidenceThreshold").asDouble()).isEqualTo(0.40);
        var expected = DEFINITION.locales().getFirst().intents();
        assertThat(locale.intents.values().stream().map(i -> i.name).toList()).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(BotDefinition.IntentDefinition::intentName).toList());
        for (BotDefinition.IntentDefinition definition : expected) {
            Intent intent = locale.intent(definition.intentName()).orElseThrow();
            if (!"FallbackIntent".equals(definition.intentName())) {
                assertThat(intent.request.at("/sampleUtterances").findValuesAsText("utterance"))
                        .containsExactlyElementsOf(definition.sampleUtterances());
            }
            assertThat(intent.request.at("/dialogCodeHook/enabled").asBoolean()).isEqualTo(definition.dialogCodeHook());
            assertThat(intent.request.at("/fulfillmentCodeHook/enabled").asBoolean()).isEqualTo(definition.fulfillmentCodeHook());
        }
        Intent identify = locale.intent("NomidioIdentify").orElseThrow();
        LocalLexModels.Slot slot = identify.slot("customerIdentifier").orElseThrow();
        assertThat(slot.request.at("/slotTypeId").asText()).isEqualTo("AMAZON.AlphaNumeric");
        assertThat(slot.request.at("/valueElicitationSetting/slotConstraint").asText()).isEqualTo("Required");
        assertThat(slot.request.at("/valueElicitationSetting/promptSpecification/messageGroups/0/message/plainTextMessage/value")
                .asText()).startsWith("Please type the mobile number");
        assertThat(slot.request.at("/obfuscationSetting/obfuscationSettingType").asText()).isEqualTo("DefaultObfuscation");
        assertThat(identify.request.at("/slotPriorities/0/slotId").asText()).isEqualTo(slot.id);
        assertThat(locale.intent("FallbackIntent").orElseThrow().id).isEqualTo(LocalLexModels.FALLBACK_INTENT_ID);
    }

    @Test
    void create_whenPublished_versionCarriesTheDefinitionHashAndTheAliasCallsNomidioLexLive() {
        stubConnect(List.of());

        run(harness.event(CREATE));

        Bot bot = harness.lex.bot(BOT).orElseThrow();
        assertThat(bot.versions.get("1").description).contains("nomidio-definition:" + DEFINITION.contentHash());
        LocalLexModels.Alias live = alias(bot);
        assertThat(live.botVersion).isEqualTo("1");
        assertThat(live.localeSettings.at("/en_GB/enabled").asBoolean()).isTrue();
        assertThat(live.localeSettings.at("/en_GB/codeHookSpecification/lambdaCodeHook/lambdaARN").asText())
                .isEqualTo(property(CREATE, "CodeHookArn"));
        assertThat(live.localeSettings.at("/en_GB/codeHookSpecification/lambdaCodeHook/codeHookInterfaceVersion").asText())
                .isEqualTo("1.0");
        String ours = LexBotsResource.createdByValue(CustomResourceRequest.from(harness.event(CREATE)));
        assertThat(bot.tags).containsEntry("nomidio:created-by", ours).containsEntry("nomidio:stack", "nomidio-connect");
        assertThat(live.tags).containsEntry("nomidio:created-by", ours).containsEntry("nomidio:stack", "nomidio-connect");
    }

    @Test
    void create_whenTheBuildTakesSeveralPolls_waitsForBuiltBeforePublishing() {
        stubConnect(List.of());
        harness.lex.buildingPolls(5);

        JsonNode answer = run(harness.event(CREATE));

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        List<String> lines = harness.lex.requestLines();
        String locale = "/bots/" + bot.id + "/botversions/DRAFT/botlocales/en_GB/";
        int build = lines.indexOf("POST " + locale);
        int publish = lines.indexOf("PUT /bots/" + bot.id + "/botversions/");
        assertThat(lines.subList(build, publish)).filteredOn(("GET " + locale)::equals).hasSize(6);
        assertThat(bot.draftLocales.get("en_GB").builds).isEqualTo(1);
    }

    @Test
    void create_whenTheBuildFails_answersFailedWithLexsReasonsAndPublishesNothing() {
        stubConnect(List.of());
        harness.lex.failBuilds(List.of("Failed to build intent NomidioIdentify: slot customerIdentifier has no prompt."));

        JsonNode answer = run(harness.event(CREATE));

        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo(PHYSICAL_ID);
        assertThat(answer.get("Reason").asText()).isEqualTo("Amazon Lex could not build locale en_GB of bot"
                + " NomidioAuthentication: Failed to build intent NomidioIdentify: slot customerIdentifier has no prompt."
                + " Fix the bot definition (nomidio-lex/bots/NomidioAuthentication.json) and retry the stack operation.");
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        assertThat(bot.versions).isEmpty();
        assertThat(bot.aliases.keySet()).containsExactly(LocalLexModels.TEST_ALIAS_ID);
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo(ConnectStubs.botPath())));
    }

    @Test
    void update_whenTheDefinitionChanged_redefinesTheDraftPublishesANewVersionAndMovesTheAlias() {
        stubConnect(List.of());
        run(harness.event(CREATE));
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        // The bot as an older definition left it: an intent since removed, another's utterances different, and its
        // version published from that definition.
        Locale locale = bot.draftLocales.get("en_GB");
        locale.intent("NomidioDecline").orElseThrow().request.putArray("sampleUtterances").addObject().put("utterance", "nope");
        harness.lex.addIntent(bot, "en_GB", "OLDINTENT1", "NomidioLegacyMenu");
        bot.versions.get("1").description = "Nomidio Connect, nomidio-definition:00000000000000000000000000000000";
        harness.lex.clearRequests();
        harness.cloudFormation.clear();

        JsonNode answer = run(harness.event(UPDATE));

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.at("/Data/BotVersion").asText()).isEqualTo("2");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo(PHYSICAL_ID);
        assertThat(bot.versions.get("2").description).contains(DEFINITION.contentHash());
        assertThat(alias(bot).botVersion).isEqualTo("2");
        assertThat(locale.intent("NomidioLegacyMenu")).isEmpty();
        assertThat(locale.intent("NomidioDecline").orElseThrow().request.at("/sampleUtterances").findValuesAsText("utterance"))
                .containsExactly("no", "no thanks", "not now", "later", "three");
        assertThat(harness.lex.requestLines()).contains("PUT /bots/" + bot.id + "/",
                "DELETE /bots/" + bot.id + "/botversions/DRAFT/botlocales/en_GB/intents/OLDINTENT1/",
                "PUT /bots/" + bot.id + "/botaliases/" + alias(bot).id + "/")
                .doesNotContain("PUT /bots/");
    }

    @Test
    void update_whenTheDefinitionIsUnchanged_publishesNothingAndDoesNotAssociateAgain() {
        stubConnect(List.of());
        run(harness.event(CREATE));
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        stubConnect(List.of(alias(bot).arn(bot.id)));
        harness.aws.resetRequests();
        harness.lex.clearRequests();
        harness.cloudFormation.clear();

        JsonNode answer = run(harness.event(UPDATE));

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.at("/Data/BotVersion").asText()).isEqualTo("1");
        assertThat(bot.versions).hasSize(1);
        assertThat(bot.draftLocales.get("en_GB").builds).isEqualTo(1);
        assertThat(harness.lex.requestLines()).doesNotContain("PUT /bots/" + bot.id + "/botversions/",
                "POST /bots/" + bot.id + "/botversions/DRAFT/botlocales/en_GB/",
                "PUT /bots/" + bot.id + "/botversions/DRAFT/botlocales/en_GB/");
        assertThat(alias(bot).botVersion).isEqualTo("1");
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo(ConnectStubs.botPath())));
    }

    @Test
    void update_whenThisDefinitionsVersionIsStillBeingPublished_waitsForItInsteadOfPublishingAnother() {
        stubConnect(List.of());
        run(harness.event(CREATE));
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        // As an earlier attempt left it when its time box ran out while Lex was still versioning.
        bot.versions.get("1").status = "Versioning";
        harness.lex.clearRequests();
        harness.cloudFormation.clear();

        JsonNode answer = run(harness.event(UPDATE));

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.at("/Data/BotVersion").asText()).isEqualTo("1");
        assertThat(bot.versions).hasSize(1);
        assertThat(harness.lex.requestLines()).contains("GET /bots/" + bot.id + "/botversions/1/")
                .doesNotContain("PUT /bots/" + bot.id + "/botversions/");
    }

    @Test
    void create_whenAssociateWithInstanceIsFalse_neverCallsConnect() {
        CloudFormationCustomResourceEvent event = harness.event(CREATE);
        event.getResourceProperties().put("AssociateWithInstance", "false");

        JsonNode answer = run(event);

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        harness.aws.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void update_whenAssociateWithInstanceTurnedOff_disassociatesTheAlias() {
        stubConnect(List.of());
        run(harness.event(CREATE));
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        harness.cloudFormation.clear();
        CloudFormationCustomResourceEvent event = harness.event(UPDATE);
        event.getResourceProperties().put("AssociateWithInstance", "false");

        JsonNode answer = run(event);

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.botPath()))
                .withRequestBody(matchingJsonPath("$.LexV2Bot.AliasArn", equalTo(alias(bot).arn(bot.id)))));
    }

    @Test
    void create_whenABotOfThatNameBelongsToSomeoneElse_answersFailedAndChangesNothing() {
        stubConnect(List.of());
        Bot theirs = harness.lex.existingBot(BOT, Map.of("team", "contact-centre"));

        JsonNode answer = run(harness.event(CREATE));

        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).isEqualTo("Invalid custom resource properties: this account and"
                + " region already have a Lex bot named NomidioAuthentication (id " + theirs.id + ") that this stack did"
                + " not create; Lex bot names are unique per account and region, so delete that bot (or deploy the stack"
                + " in another region).");
        assertThat(harness.lex.requestLines()).allMatch(line -> line.startsWith("GET ") || line.equals("POST /bots/"));
        assertThat(theirs.draftLocales).isEmpty();
    }

    @Test
    void create_whenTheBotWasCreatedByAnotherResourceOfThisStack_takesItOver() {
        stubConnect(List.of());
        Bot earlier = harness.lex.existingBot(BOT, Map.of("nomidio:stack", "nomidio-connect",
                "nomidio:created-by", "nomidio-0123456789ab"));

        JsonNode answer = run(harness.event(CREATE));

        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.at("/Data/BotId").asText()).isEqualTo(earlier.id);
        assertThat(earlier.tags).containsEntry("nomidio:created-by",
                LexBotsResource.createdByValue(CustomResourceRequest.from(harness.event(CREATE))));
    }

    @Test
    void delete_whenThisResourceCreatedTheBot_disassociatesThenDeletesIt() {
        stubConnect(List.of());
        run(harness.event(CREATE));
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        String aliasArn = alias(bot).arn(bot.id);
        harness.cloudFormation.clear();
        harness.lex.clearRequests();

        JsonNode answer = run(harness.event(DELETE));

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.has("Reason") && answer.get("Reason").asText().contains("left behind")).isFalse();
        harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.botPath()))
                .withRequestBody(matchingJsonPath("$.LexV2Bot.AliasArn", equalTo(aliasArn))));
        assertThat(harness.lex.bot(BOT)).isEmpty();
        assertThat(harness.lex.requests()).filteredOn(r -> r.method().equals("DELETE"))
                .singleElement().satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/bots/" + bot.id + "/");
                    assertThat(r.query()).contains("skipResourceInUseCheck=true");
                });
    }

    @Test
    void delete_whenTheBotIsNoLongerThisResources_leavesTheBotAndRemovesOnlyTheAliasItCreated() {
        stubConnect(List.of());
        run(harness.event(CREATE));
        Bot bot = harness.lex.bot(BOT).orElseThrow();
        String aliasId = alias(bot).id;
        bot.tags.put("nomidio:created-by", "nomidio-0123456789ab");
        harness.cloudFormation.clear();

        JsonNode answer = run(harness.event(DELETE));

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(harness.lex.bot(BOT)).isPresent();
        assertThat(bot.aliases).doesNotContainKey(aliasId).containsKey(LocalLexModels.TEST_ALIAS_ID);
        harness.aws.verify(1, postRequestedFor(urlPathEqualTo(ConnectStubs.botPath())));
    }

    @Test
    void delete_whenNoBotExists_succeedsWithoutConnectCalls() {
        JsonNode answer = run(harness.event(DELETE));

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo(PHYSICAL_ID);
        harness.aws.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void delete_whenLexRefuses_stillSucceedsNamingWhatWasLeftBehind() {
        harness.lex.refuse("/bots/?", 403, "AccessDeniedException", "not authorized to perform lex:ListBots");

        JsonNode answer = run(harness.event(DELETE));

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("Reason").asText()).startsWith("Deleted; left behind for manual removal: the Lex bot"
                + " NomidioAuthentication or its association with instance " + ConnectStubs.INSTANCE_ID)
                .contains("AccessDeniedException (HTTP 403)").contains("deploymentHelperIAMRole");
    }

    @Test
    void create_whenTheTimeBoxIsSpentWaitingForTheBuild_answersFailedSayingWhereItStopped() {
        stubConnect(List.of());
        harness.lex.buildingPolls(Integer.MAX_VALUE);
        DeploymentHelperHandlerAccess tight = new DeploymentHelperHandlerAccess(harness.dispatcher(Duration.ofMillis(500)));

        tight.handle(harness.event(CREATE), new LocalLambdaContext("deploymentHelper", 3_500));

        JsonNode answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo(PHYSICAL_ID);
        assertThat(answer.get("Reason").asText())
                .startsWith("Stopped while waiting for locale en_GB of bot NomidioAuthentication to build to answer"
                        + " CloudFormation before the function's timeout. Done so far: bot NomidioAuthentication created,"
                        + " locale en_GB of bot NomidioAuthentication defined.")
                .endsWith("Retry the stack operation (every step is idempotent), or raise the deploymentHelper timeout.");
        harness.aws.verify(0, putRequestedFor(urlPathEqualTo(ConnectStubs.botPath())));
    }

    @Test
    void create_whenTheCodeHookIsNotTheLiveAlias_answersFailedWithoutCallingAws() {
        CloudFormationCustomResourceEvent event = harness.event(CREATE);
        event.getResourceProperties().put("CodeHookArn",
                "arn:aws:lambda:eu-west-2:111122223333:function:nomidio-connect-nomidioLex-Zx9Yw8Vu7");

        JsonNode answer = run(event);

        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).isEqualTo("Invalid custom resource properties: CodeHookArn must be"
                + " the nomidioLex function's published alias ARN ending in :live (pass !Ref nomidioLex.Alias).");
        assertThat(harness.lex.requests()).isEmpty();
        harness.aws.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void create_whenTheBotRoleIsMissingOrNotARole_answersFailedSayingWhatToPass() {
        CloudFormationCustomResourceEvent missing = harness.event(CREATE);
        missing.getResourceProperties().remove("BotRoleArn");
        CloudFormationCustomResourceEvent notARole = harness.event(CREATE);
        notARole.getResourceProperties().put("BotRoleArn", "nomidioLexBotRole");
        notARole.getResourceProperties().put("AssociateWithInstance", "yes");

        JsonNode first = run(missing);
        harness.cloudFormation.clear();
        JsonNode second = run(notARole);

        assertThat(first.get("Reason").asText()).isEqualTo("Invalid custom resource properties: the property BotRoleArn"
                + " is missing or empty: pass the bot's runtime role (!GetAtt nomidioLexBotRole.Arn).");
        assertThat(second.get("Status").asText()).isEqualTo("FAILED");
        assertThat(second.get("Reason").asText()).isEqualTo("Invalid custom resource properties: BotRoleArn must be an"
                + " IAM role ARN (pass !GetAtt nomidioLexBotRole.Arn).");
        assertThat(harness.lex.requests()).isEmpty();
    }

    @Test
    void delete_whenThePropertiesWereNeverUsable_succeedsWithoutCallingAws() {
        CloudFormationCustomResourceEvent event = harness.event(DELETE);
        event.getResourceProperties().remove("CodeHookArn");

        JsonNode answer = run(event);

        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(harness.lex.requests()).isEmpty();
        harness.aws.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- helpers ----

    private JsonNode run(CloudFormationCustomResourceEvent event) {
        handler.handle(event, new LocalLambdaContext("deploymentHelper", 120_000));
        return harness.cloudFormation.onlyAnswer().json();
    }

    private void stubConnect(List<String> associated) {
        harness.connect.associatedBots(associated);
        harness.connect.acceptBotAssociations();
    }

    private String property(String file, String name) {
        return harness.event(file).getResourceProperties().get(name).toString();
    }

    private static LocalLexModels.Alias alias(Bot bot) {
        return bot.aliases.values().stream().filter(a -> a.name.equals("live")).findFirst().orElseThrow();
    }

    private static JsonNode json(Map<String, String> values) {
        return com.nomidio.connect.json.Json.mapper().valueToTree(new java.util.TreeMap<>(values));
    }
}
