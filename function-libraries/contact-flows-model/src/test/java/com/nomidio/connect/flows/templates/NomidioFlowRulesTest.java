package com.nomidio.connect.flows.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.domain.AgentChallengeRequest;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.flows.analysis.AttributeAnalysis;
import com.nomidio.connect.flows.analysis.FlowGraph;
import com.nomidio.connect.flows.catalog.ActionCatalog;
import com.nomidio.connect.flows.model.ConditionBranch;
import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.flows.model.FlowDocument;
import com.nomidio.connect.flows.testing.SampleFlowValues;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The product's rules for its own flows, beyond what the flow language itself demands. */
class NomidioFlowRulesTest {

    /** The guide's "Contact Attribute Outputs": set on every path out of authentication and challenge. */
    private static final Set<String> GUIDE_OUTPUTS = keys(ContactAttribute.STATUS, ContactAttribute.FRAUD_FLAG,
            ContactAttribute.CHALLENGE_AUTH, ContactAttribute.CHALLENGE_RESULT, ContactAttribute.AUTHENTICATED_ENROLLED);
    /** nomidioAction's `action` parameter values (HELPERS.md contract). */
    private static final Set<String> ACTIONS = Set.of("lookup", "invite", "optOut", "createChallenge",
            "startSampleUpload", "challengeResult", "cancelChallenge");
    private static final ActionCatalog CATALOG = ActionCatalog.standard();

    @ParameterizedTest
    @EnumSource(value = NomidioFlow.class, names = {"AUTHENTICATION_FLOW", "LEX_AUTHENTICATION_FLOW"})
    void authenticationFlow_whenBranchingOnStatus_handlesEveryNomidioStatus(NomidioFlow flow) {
        FlowAction branch = render(flow).action("Branch on Nomidio status").orElseThrow();

        assertThat(branch.textParameter("ComparisonValue")).contains("$.Attributes." + ContactAttribute.STATUS.key());
        assertThat(equalsOperands(branch)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(NomidioStatus.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @EnumSource(value = NomidioFlow.class, names = {"AUTHENTICATION_FLOW", "LEX_AUTHENTICATION_FLOW"})
    void authenticationFlow_whenStatusCanBeChallenged_goesToTheChallengeFlow(NomidioFlow flow) {
        FlowDocument auth = render(flow);
        FlowAction branch = auth.action("Branch on Nomidio status").orElseThrow();

        for (NomidioStatus status : NomidioStatus.values()) {
            String target = targetOf(branch, status.name());
            boolean reachesChallenge = target.equals("Transfer to challenge")
                    || auth.action(target).orElseThrow().transitions().nextAction().equals("Transfer to challenge");
            assertThat(reachesChallenge).as(status + " -> " + target).isEqualTo(status.canBeChallenged());
        }
        assertThat(auth.action("Transfer to challenge").orElseThrow().textParameter("ContactFlowId"))
                .contains(SampleFlowValues.values().get(FlowPlaceholder.CHALLENGE_FLOW_ARN));
    }

    @Test
    void authenticationFlow_whenNotFoundOrExists_offersInvitationAndOptOut() {
        FlowDocument auth = render(NomidioFlow.AUTHENTICATION_FLOW);
        FlowAction branch = auth.action("Branch on Nomidio status").orElseThrow();

        for (String status : List.of("NOT_FOUND", "EXISTS", "INVITED", "PENDING", "INVITATION_SENT")) {
            FlowAction menu = auth.action(targetOf(branch, status)).orElseThrow();
            assertThat(menu.type()).isEqualTo("GetParticipantInput");
            assertThat(menu.textParameter("StoreInput")).contains("False");
            assertThat(invokedAction(auth, targetOf(menu, "1"))).isEqualTo("invite");
            assertThat(invokedAction(auth, targetOf(menu, "2"))).isEqualTo("optOut");
        }
    }

    @Test
    void lexFlow_whenNotFoundOrExistsOnVoice_letsTheBotTakeTheMenuChoice() {
        FlowDocument lex = render(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        FlowAction branch = lex.action("Branch on Nomidio status").orElseThrow();

        for (String status : List.of("NOT_FOUND", "EXISTS", "INVITED", "PENDING", "INVITATION_SENT")) {
            FlowAction menu = lex.action(targetOf(branch, status)).orElseThrow();
            assertThat(menu.type()).isEqualTo("ConnectParticipantWithLexBot");
            assertThat(menu.parameters().path("LexV2Bot").path("AliasArn").asText())
                    .isEqualTo(SampleFlowValues.values().get(FlowPlaceholder.LEX_BOT_ALIAS_ARN));
            assertThat(menu.textParameter("Text").orElseThrow()).contains("press 1").contains("press 2");
            FlowAction choice = lex.action(menu.transitions().nextAction()).orElseThrow();
            assertThat(menu.transitions().error("NoMatchingCondition").orElseThrow().nextAction())
                    .isEqualTo(choice.identifier());
            assertThat(choice.textParameter("ComparisonValue"))
                    .contains("$.Lex.SessionAttributes." + ContactAttribute.LEX_CHOICE.key());
            assertThat(invokedAction(lex, targetOf(choice, "REGISTER"))).isEqualTo("invite");
            assertThat(invokedAction(lex, targetOf(choice, "OPT_OUT"))).isEqualTo("optOut");
            assertThat(choice.transitions().nextAction()).isEqualTo("Transfer to post flow");
        }
    }

    @Test
    void lexFlow_whenChat_talksToTheBotAndCopiesEveryOutputItAnswers() {
        FlowDocument lex = render(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        FlowAction channel = lex.action(lex.action(lex.startAction()).orElseThrow().transitions().nextAction()).orElseThrow();
        FlowAction bot = lex.action(targetOf(channel, "CHAT")).orElseThrow();

        assertThat(channel.textParameter("ComparisonValue")).contains("$.Channel");
        assertThat(channel.transitions().nextAction()).isEqualTo("Lookup caller");
        assertThat(bot.type()).isEqualTo("ConnectParticipantWithLexBot");
        assertThat(bot.parameters().path("LexSessionAttributes").path(ContactAttribute.AUTH_LEVEL.key()).asText())
                .isEqualTo("$.Attributes." + ContactAttribute.AUTH_LEVEL.key());
        FlowAction save = lex.action(bot.transitions().nextAction()).orElseThrow();
        assertThat(AttributeAnalysis.written(save)).containsOnlyKeys(
                com.nomidio.connect.domain.FlowAttributes.OUTPUTS.stream().map(ContactAttribute::key).toList());
        assertThat(save.transitions().nextAction()).isEqualTo("Transfer to default post flow");
    }

    @Test
    void preFlow_whenRouting_sendsChatAndVoiceWhereTheDeploymentDecided() {
        FlowDocument pre = render(NomidioFlow.PRE_FLOW);
        FlowAction route = pre.action("Route by channel").orElseThrow();

        assertThat(route.textParameter("ComparisonValue")).contains("$.Channel");
        assertThat(pre.action(targetOf(route, "CHAT")).orElseThrow().textParameter("ContactFlowId"))
                .contains(SampleFlowValues.values().get(FlowPlaceholder.CHAT_AUTHENTICATION_FLOW_ARN));
        assertThat(pre.action(route.transitions().nextAction()).orElseThrow().textParameter("ContactFlowId"))
                .contains(SampleFlowValues.values().get(FlowPlaceholder.VOICE_AUTHENTICATION_FLOW_ARN));
        assertThat(FlowTemplates.placeholders(NomidioFlow.PRE_FLOW)).doesNotContain(
                FlowPlaceholder.AUTHENTICATION_FLOW_ARN.placeholderName(),
                FlowPlaceholder.LEX_AUTHENTICATION_FLOW_ARN.placeholderName());
    }

    @Test
    void challengeFlow_whenResultArrives_handlesEveryChallengeStatus() {
        FlowAction check = render(NomidioFlow.CHALLENGE_FLOW).action("Check challenge result").orElseThrow();

        assertThat(equalsOperands(check)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ChallengeStatus.values()).map(Enum::name).toList());
        // PENDING comes back only after challengeResult's long-poll has waited: poll again at once (after asking for
        // the face check if the answer says it is now awaited), no extra pause.
        assertThat(targetOf(check, "PENDING")).isEqualTo("Check face check");
    }

    @Test
    void challengeFlow_whenStandard_pollsAsSoonAsTheVoicePromptEnds() {
        FlowDocument challenge = render(NomidioFlow.CHALLENGE_FLOW);
        FlowAction level = challenge.action("Check challenge level").orElseThrow();

        // The verdict is spoken as soon as it is known: no fixed listening time and no "please hold" for STANDARD.
        assertThat(challenge.action("Voice prompt").orElseThrow().transitions().nextAction())
                .isEqualTo("Check challenge level");
        assertThat(level.transitions().nextAction()).isEqualTo("Standard level wait loop");
        assertThat(targetOf(challenge.action("Standard level wait loop").orElseThrow(), "ContinueLooping"))
                .isEqualTo("Get challenge result");
    }

    @Test
    void challengeFlow_whenLevelHigh_waitsLongerAndAsksForTheFaceCheck() {
        FlowDocument challenge = render(NomidioFlow.CHALLENGE_FLOW);
        FlowAction level = challenge.action("Check challenge level").orElseThrow();

        // The level Nomidio confirmed (createChallenge's answer), never the raw nomidio_auth_level: nomidioAction
        // alone reads that attribute, so flow and Lambda cannot disagree on what "high" means.
        assertThat(level.textParameter("ComparisonValue")).contains("$.Attributes." + ContactAttribute.CHALLENGE_AUTH.key());
        assertThat(challenge.action("Choose wait loop").orElseThrow().textParameter("ComparisonValue"))
                .contains("$.Attributes." + ContactAttribute.CHALLENGE_AUTH.key());
        // HIGH polls from the end of the voice prompt too, and asks for the face check once the voice part has
        // passed (challengeResult answers nomidio_face_check=PENDING), then waits in a loop of its own.
        assertThat(targetOf(level, "HIGH")).isEqualTo("High level wait loop");
        FlowAction faceCheck = challenge.action("Check face check").orElseThrow();
        assertThat(faceCheck.textParameter("ComparisonValue")).contains("$.External." + ContactAttribute.FACE_CHECK.key());
        assertThat(faceCheck.transitions().nextAction()).isEqualTo("Choose wait loop");
        String highPrompt = targetOf(faceCheck, "PENDING");
        assertThat(challenge.action(highPrompt).orElseThrow().transitions().nextAction()).isEqualTo("Face check wait loop");
        assertThat(challenge.action(highPrompt).orElseThrow().textParameter("Text").orElseThrow()).contains("face check");
        int high = loopCount(challenge, "High level wait loop");
        int standard = loopCount(challenge, "Standard level wait loop");
        assertThat(high).isGreaterThan(standard);
        assertThat(standard).isPositive();
    }

    @Test
    void challengeFlow_whenStreaming_startsBeforeUploadAndStopsBeforeLeaving() {
        FlowDocument challenge = render(NomidioFlow.CHALLENGE_FLOW);

        assertThat(challenge.action("Start media streaming").orElseThrow().transitions().nextAction())
                .isEqualTo("Start sample upload");
        assertThat(challenge.action("Stop media streaming").orElseThrow().textParameter("MediaStreamingState"))
                .contains("Disabled");
        assertThat(challenge.action("Record challenge not completed").orElseThrow().transitions().nextAction())
                .isEqualTo("Stop media streaming");
    }

    @ParameterizedTest
    @EnumSource(value = NomidioFlow.class, names = {"AUTHENTICATION_FLOW", "CHALLENGE_FLOW", "LEX_AUTHENTICATION_FLOW"})
    void flow_whenLeaving_hasSetEveryGuideOutputOnEveryPath(NomidioFlow flow) {
        // The challenge flow runs after authentication (or the agent's quick connect, after it), which set these.
        Set<String> setBefore = flow == NomidioFlow.CHALLENGE_FLOW
                ? keys(ContactAttribute.STATUS, ContactAttribute.FRAUD_FLAG) : Set.of();
        AttributeAnalysis analysis = AttributeAnalysis.of(render(flow), CATALOG, setBefore);

        assertThat(analysis.missingAtExits(GUIDE_OUTPUTS)).isEmpty();
    }

    @Test
    void preFlow_whenAuthenticationUnreachable_setsEveryGuideOutputBeforeQueueing() {
        AttributeAnalysis analysis = AttributeAnalysis.of(render(NomidioFlow.PRE_FLOW), CATALOG, Set.of());

        assertThat(analysis.missingAtExits(GUIDE_OUTPUTS))
                .containsOnlyKeys("Transfer to authentication", "Transfer to chat authentication");
        assertThat(analysis.setOnArrival("Transfer to working queue")).hasValueSatisfying(
                set -> assertThat(set).containsAll(GUIDE_OUTPUTS));
    }

    @Test
    void analysis_whenOutputsForgotten_reportsTheExit() {
        // Guard the guard: drop the defaults block's outputs and the analysis must notice.
        String template = FlowTemplates.template(NomidioFlow.AUTHENTICATION_FLOW)
                .replace("\"nomidio_challenge_auth\": \"\",", "");
        String rendered = FlowRenderer.render("auth", template, byName(SampleFlowValues.values()));

        Map<String, Set<String>> missing = AttributeAnalysis.of(
                com.nomidio.connect.flows.model.FlowParser.parse(rendered), CATALOG, Set.of())
                .missingAtExits(GUIDE_OUTPUTS);

        assertThat(missing).isNotEmpty();
        assertThat(missing.values()).allSatisfy(m -> assertThat(m).containsExactly(ContactAttribute.CHALLENGE_AUTH.key()));
    }

    @ParameterizedTest
    @EnumSource(value = NomidioFlow.class, names = {"AUTHENTICATION_FLOW", "CHALLENGE_FLOW", "LEX_AUTHENTICATION_FLOW"})
    void flow_whenLeavingForPostFlow_honoursPostFlowIdWithTheDefault(NomidioFlow flow) {
        FlowDocument document = render(flow);
        FlowAction check = document.action("Check post flow").orElseThrow();
        // nomidioAction answers the post flow it accepted (a flow of this instance) or "" for the default.
        FlowAction setDefault = document.action(targetOf(check, "")).orElseThrow();
        String postFlowArn = SampleFlowValues.values().get(FlowPlaceholder.POST_FLOW_ARN);

        assertThat(check.textParameter("ComparisonValue")).contains("$.Attributes." + ContactAttribute.POST_FLOW_ID.key());
        assertThat(document.actions()).filteredOn(a -> a.parameters().has("Attributes")
                        && a.parameters().get("Attributes").has(ContactAttribute.POST_FLOW_ID.key()))
                .extracting(a -> a.parameters().get("Attributes").get(ContactAttribute.POST_FLOW_ID.key()).asText())
                .as("the post flow is only ever nomidioAction's checked answer or the default")
                .containsOnly("$.External." + ContactAttribute.POST_FLOW_ID.key(), postFlowArn);
        assertThat(setDefault.parameters().get("Attributes").get(ContactAttribute.POST_FLOW_ID.key()).asText())
                .isEqualTo(postFlowArn);
        assertThat(document.action("Transfer to post flow").orElseThrow().textParameter("ContactFlowId"))
                .contains("$.Attributes." + ContactAttribute.POST_FLOW_ID.key());
        assertThat(document.action("Transfer to default post flow").orElseThrow().textParameter("ContactFlowId"))
                .contains(postFlowArn);
    }

    @ParameterizedTest
    @EnumSource(NomidioFlow.class)
    void template_whenReferringToAttributes_usesOnlyNamesOfContactAttribute(NomidioFlow flow) {
        Set<String> known = Arrays.stream(ContactAttribute.values()).map(ContactAttribute::key).collect(Collectors.toSet());
        Matcher matcher = Pattern.compile("nomidio_[a-z_]+").matcher(FlowTemplates.template(flow));
        Set<String> used = new TreeSet<>();
        while (matcher.find()) {
            used.add(matcher.group());
        }

        assertThat(known).containsAll(used);
    }

    @ParameterizedTest
    @EnumSource(NomidioFlow.class)
    void template_whenInvokingNomidioAction_usesTheContractsActionsThroughTheAlias(NomidioFlow flow) {
        for (FlowAction action : render(flow).actions()) {
            if (action.type().equals("InvokeLambdaFunction")) {
                assertThat(ACTIONS).contains(action.parameters().get("LambdaInvocationAttributes").get("action").asText());
                assertThat(action.textParameter("InvocationType")).contains("SYNCHRONOUS");
                assertThat(action.textParameter("LambdaFunctionARN")).contains(SampleFlowValues.NOMIDIO_ACTION_ALIAS_ARN);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NomidioFlow.class)
    void template_whenReferringToOtherFlows_refersOnlyToFlowsCreatedBeforeIt(NomidioFlow flow) {
        Set<String> used = FlowTemplates.placeholders(flow);
        Set<String> known = Arrays.stream(FlowPlaceholder.values()).map(FlowPlaceholder::placeholderName)
                .collect(Collectors.toSet());

        assertThat(known).containsAll(used);
        for (NomidioFlow other : NomidioFlow.values()) {
            other.arnPlaceholder().filter(p -> used.contains(p.placeholderName())).ifPresent(p ->
                    assertThat(NomidioFlow.deploymentOrder().indexOf(other))
                            .as(flow + " refers to " + other).isLessThan(NomidioFlow.deploymentOrder().indexOf(flow)));
        }
    }

    @Test
    void agentChallengeQueue_whenEntered_transfersToTheChallengeFlow() {
        FlowDocument queue = render(NomidioFlow.AGENT_CHALLENGE_QUEUE);

        assertThat(NomidioFlow.AGENT_CHALLENGE_QUEUE.contactFlowType()).isEqualTo("QUEUE_TRANSFER");
        assertThat(queue.action("Transfer to challenge").orElseThrow().textParameter("ContactFlowId"))
                .contains(SampleFlowValues.values().get(FlowPlaceholder.CHALLENGE_FLOW_ARN));
    }

    @Test
    void agentChallengeQueue_whenTheAgentIsStillOnTheLeg_startsTheChallengeOnlyOnTheCallersKeypress() {
        // A QUEUE_TRANSFER flow plays to the agent until the agent leaves: a challenge started then would ask the
        // agent to speak. The only way into the challenge flow is the caller pressing 1 at a menu.
        FlowDocument queue = render(NomidioFlow.AGENT_CHALLENGE_QUEUE);
        String challengeArn = SampleFlowValues.values().get(FlowPlaceholder.CHALLENGE_FLOW_ARN);
        List<FlowAction> intoChallenge = queue.actions().stream().filter(a -> a.type().equals("TransferToFlow")
                && a.textParameter("ContactFlowId").orElseThrow().equals(challengeArn)).toList();
        FlowGraph graph = FlowGraph.of(queue);

        assertThat(intoChallenge).hasSize(1);
        List<FlowGraph.Edge> edgesIn = queue.actions().stream().flatMap(a -> graph.outgoing(a.identifier()).stream())
                .filter(e -> e.to().equals(intoChallenge.get(0).identifier())).toList();
        assertThat(edgesIn).isNotEmpty().allSatisfy(edge -> {
            assertThat(edge.kind()).isEqualTo(FlowGraph.EdgeKind.CONDITION);
            assertThat(edge.label()).isEqualTo("Equals 1");
            assertThat(queue.action(edge.from()).orElseThrow().type()).isEqualTo("GetParticipantInput");
        });
        assertThat(queue.actions()).extracting(FlowAction::type)
                .doesNotContain("InvokeLambdaFunction", "UpdateContactMediaStreamingBehavior");
    }

    @Test
    void agentChallengeQueue_beforeLeavingTheFlow_makesThePostFlowTheNextStop() {
        FlowDocument queue = render(NomidioFlow.AGENT_CHALLENGE_QUEUE);
        String postFlowArn = SampleFlowValues.values().get(FlowPlaceholder.POST_FLOW_ARN);
        Set<String> setsPostFlow = queue.actions().stream()
                .filter(a -> postFlowArn.equals(AttributeAnalysis.written(a).get(ContactAttribute.POST_FLOW_ID.key())))
                .map(FlowAction::identifier).collect(Collectors.toSet());

        assertThat(setsPostFlow).isNotEmpty();
        assertThat(reachableAvoiding(queue, queue.startAction(), setsPostFlow)).allSatisfy(id ->
                assertThat(queue.action(id).orElseThrow().type()).as(id).isNotIn("TransferToFlow", "TransferContactToQueue"));
    }

    @Test
    void postFlow_whenAnAgentChallengeWasRequested_queuesToThatAgentAndClearsTheRequestFirst() {
        FlowDocument post = render(NomidioFlow.POST_FLOW);
        FlowAction check = post.action(post.startAction()).orElseThrow();
        String requested = targetOf(check, AgentChallengeRequest.REQUESTED.name());
        Set<String> clears = post.actions().stream().filter(a -> "".equals(AttributeAnalysis.written(a)
                .get(ContactAttribute.AGENT_CHALLENGE.key()))).map(FlowAction::identifier).collect(Collectors.toSet());

        assertThat(check.textParameter("ComparisonValue")).contains("$.Attributes." + ContactAttribute.AGENT_CHALLENGE.key());
        assertThat(post.action(requested).orElseThrow().textParameter("AgentId"))
                .contains("$.Attributes." + ContactAttribute.RETURN_AGENT.key());
        assertThat(clears).isNotEmpty();
        assertThat(reachableAvoiding(post, requested, clears)).allSatisfy(id ->
                assertThat(post.action(id).orElseThrow().type()).as(id).isNotEqualTo("TransferContactToQueue"));
    }

    @Test
    void postFlow_whenNoAgentChallengeWasRequested_neverQueuesToAnAgent() {
        FlowDocument post = render(NomidioFlow.POST_FLOW);
        FlowAction check = post.action(post.startAction()).orElseThrow();
        String notRequested = check.transitions().error("NoMatchingCondition").orElseThrow().nextAction();

        assertThat(reachableAvoiding(post, notRequested, Set.of())).allSatisfy(id ->
                assertThat(post.action(id).orElseThrow().parameter("AgentId")).as(id).isEmpty());
    }

    // ---- helpers ----

    private static FlowDocument render(NomidioFlow flow) {
        return FlowRenderer.render(flow, SampleFlowValues.values()).document();
    }

    private static Map<String, String> byName(Map<FlowPlaceholder, String> values) {
        return values.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().placeholderName(), Map.Entry::getValue));
    }

    private static Set<String> keys(ContactAttribute... attributes) {
        return Arrays.stream(attributes).map(ContactAttribute::key).collect(Collectors.toSet());
    }

    private static List<String> equalsOperands(FlowAction action) {
        return action.transitions().conditions().stream().filter(c -> c.operator().equals("Equals"))
                .flatMap(c -> c.operands().stream()).toList();
    }

    private static String targetOf(FlowAction action, String operand) {
        return action.transitions().conditions().stream().filter(c -> c.operands().contains(operand))
                .map(ConditionBranch::nextAction).findFirst().orElseThrow(() ->
                        new AssertionError(action.identifier() + " has no branch for " + operand));
    }

    private static String invokedAction(FlowDocument flow, String identifier) {
        FlowAction action = flow.action(identifier).orElseThrow();
        assertThat(action.type()).isEqualTo("InvokeLambdaFunction");
        return action.parameters().get("LambdaInvocationAttributes").get("action").asText();
    }

    private static Set<String> reachableAvoiding(FlowDocument flow, String from, Set<String> avoid) {
        FlowGraph graph = FlowGraph.of(flow);
        Set<String> seen = new TreeSet<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(from));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (!avoid.contains(id) && seen.add(id)) {
                graph.outgoing(id).forEach(edge -> pending.push(edge.to()));
            }
        }
        return seen;
    }

    private static int loopCount(FlowDocument flow, String identifier) {
        return Integer.parseInt(flow.action(identifier).orElseThrow().textParameter("LoopCount").orElseThrow());
    }

}
