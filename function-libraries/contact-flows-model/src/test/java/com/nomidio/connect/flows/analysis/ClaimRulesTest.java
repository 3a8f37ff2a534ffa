package com.nomidio.connect.flows.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.flows.catalog.ActionCatalog;
import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.flows.model.FlowDocument;
import com.nomidio.connect.flows.model.FlowParser;
import com.nomidio.connect.flows.templates.FlowPlaceholder;
import com.nomidio.connect.flows.templates.FlowTemplates;
import com.nomidio.connect.flows.templates.NomidioFlow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9's rule, proved over every path of the templates: no Nomidio flow ends with an outcome attribute claiming
 * more than the contact proved in it. A contact may arrive with any values (a customer flow, an API call, an
 * earlier challenge set them), so every path to an exit must have written each claim itself — fixed
 * non-claiming values, or what nomidioAction answered ({@code $.External}) — and never copied one from
 * {@code $.Attributes}.
 */
class ClaimRulesTest {

    /** What a challenge proves; only a challenge in this flow may set them to anything but "nothing proven". */
    private static final Set<String> CLAIMS = keys(ContactAttribute.CHALLENGE_AUTH, ContactAttribute.CHALLENGE_RESULT,
            ContactAttribute.AUTHENTICATED_ENROLLED, ContactAttribute.CHALLENGE_ID, ContactAttribute.VOICE_AUTH);
    private static final Set<String> ALL_OUTPUTS = keys(ContactAttribute.STATUS, ContactAttribute.FRAUD_FLAG,
            ContactAttribute.CHALLENGE_AUTH, ContactAttribute.CHALLENGE_RESULT, ContactAttribute.AUTHENTICATED_ENROLLED,
            ContactAttribute.NOMIDIO_ID, ContactAttribute.CHALLENGE_ID, ContactAttribute.VOICE_AUTH);
    /** The values a flow may write of its own accord: each says "not proven here". */
    private static final Map<String, Set<String>> NOTHING_PROVEN = Map.of(
            ContactAttribute.CHALLENGE_AUTH.key(), Set.of(""),
            ContactAttribute.CHALLENGE_RESULT.key(), Set.of("", "TIMEOUT"),
            ContactAttribute.AUTHENTICATED_ENROLLED.key(), Set.of("false"),
            ContactAttribute.CHALLENGE_ID.key(), Set.of(""),
            ContactAttribute.VOICE_AUTH.key(), Set.of("Inconclusive"),
            ContactAttribute.STATUS.key(), Set.of("ERROR"));
    private static final ActionCatalog CATALOG = ActionCatalog.standard();
    /** Flows that write every claim at their StartAction, so a transfer into them hands the rule over. */
    private static final Set<String> RESETTING_FLOWS = Set.of(
            FlowPlaceholder.AUTHENTICATION_FLOW_ARN.token(), FlowPlaceholder.CHALLENGE_FLOW_ARN.token(),
            FlowPlaceholder.LEX_AUTHENTICATION_FLOW_ARN.token(),
            // The PRE flow's routes: each is AUTHENTICATION or LEX-AUTHENTICATION, both resetting.
            FlowPlaceholder.VOICE_AUTHENTICATION_FLOW_ARN.token(), FlowPlaceholder.CHAT_AUTHENTICATION_FLOW_ARN.token());
    /** What the bot answers ({@code $.Lex.SessionAttributes}) is nomidioLex's reply: the same contract as nomidioAction's. */
    private static final String BOT_ANSWER = "$.Lex.SessionAttributes.";
    private static final Predicate<FlowAction> HANDS_OVER = a -> "TransferToFlow".equals(a.type())
            && a.textParameter("ContactFlowId").map(RESETTING_FLOWS::contains).orElse(false);

    @ParameterizedTest
    @EnumSource(value = NomidioFlow.class, names = {"PRE_FLOW", "AUTHENTICATION_FLOW", "LEX_AUTHENTICATION_FLOW"})
    void entryFlow_onEveryPathToAnExit_writesEveryOutputItself(NomidioFlow flow) {
        AttributeAnalysis analysis = claims(template(flow));

        assertThat(analysis.missingAtExits(ALL_OUTPUTS, HANDS_OVER)).isEmpty();
    }

    @Test
    void challengeFlow_onEveryPathToAnExit_writesEveryClaimAndTheStatus() {
        // nomidio_id and the fraud flag are createChallenge's input (the identity being challenged): they are
        // rewritten from its answer on success and kept on failure; the status always says how this flow ended.
        Set<String> required = new HashSet<>(CLAIMS);
        required.add(ContactAttribute.STATUS.key());

        AttributeAnalysis analysis = claims(template(NomidioFlow.CHALLENGE_FLOW));

        assertThat(analysis.missingAtExits(required)).isEmpty();
    }

    @Test
    void challengeFlow_resetsEveryClaimBeforeItRunsAnything() {
        FlowDocument challenge = template(NomidioFlow.CHALLENGE_FLOW);
        AttributeAnalysis analysis = claims(challenge);

        assertThat(challenge.actions()).filteredOn(a -> !"UpdateContactAttributes".equals(a.type()))
                .allSatisfy(a -> assertThat(analysis.setOnArrival(a.identifier()))
                        .as("claims written on arrival at %s", a.identifier())
                        .hasValueSatisfying(written -> assertThat(written).containsAll(CLAIMS)));
    }

    @Test
    void agentChallengeQueue_whenTheChallengeFlowCannotBeReached_clearsEveryClaimBeforeQueueing() {
        AttributeAnalysis analysis = claims(template(NomidioFlow.AGENT_CHALLENGE_QUEUE));

        assertThat(analysis.missingAtExits(CLAIMS, HANDS_OVER)).isEmpty();
    }

    @Test
    void postFlow_writesNoClaim() {
        assertThat(template(NomidioFlow.POST_FLOW).actions()).allSatisfy(a ->
                assertThat(AttributeAnalysis.written(a).keySet()).doesNotContainAnyElementsOf(ALL_OUTPUTS));
    }

    @ParameterizedTest
    @EnumSource(NomidioFlow.class)
    void flow_writesAClaimOnlyAsNothingProvenOrAsNomidioActionAnswered(NomidioFlow flow) {
        for (FlowAction action : template(flow).actions()) {
            AttributeAnalysis.written(action).forEach((attribute, value) -> {
                if (NOTHING_PROVEN.containsKey(attribute) || ALL_OUTPUTS.contains(attribute)) {
                    if (value.startsWith("$.")) {
                        assertThat(value).as("%s in %s", attribute, action.identifier())
                                .isIn("$.External." + attribute, BOT_ANSWER + attribute);
                    } else if (NOTHING_PROVEN.containsKey(attribute)) {
                        assertThat(NOTHING_PROVEN.get(attribute)).as("%s in %s", attribute, action.identifier())
                                .contains(value);
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = NomidioFlow.class, names = {"AUTHENTICATION_FLOW", "CHALLENGE_FLOW", "LEX_AUTHENTICATION_FLOW"})
    void resettingFlow_writesEveryClaimAtItsStartAction(NomidioFlow flow) {
        FlowDocument document = template(flow);

        assertThat(AttributeAnalysis.written(document.action(document.startAction()).orElseThrow()).keySet())
                .containsAll(CLAIMS);
    }

    @Test
    void lexFlow_whenTheBotsAnswerCannotBeCopied_clearsEveryOutputBeforeLeaving() {
        FlowDocument lex = template(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        FlowAction save = lex.action("Save chat result").orElseThrow();
        FlowAction failure = lex.action(save.transitions().errors().get(0).nextAction()).orElseThrow();

        assertThat(AttributeAnalysis.written(save)).containsOnlyKeys(ALL_OUTPUTS)
                .allSatisfy((attribute, value) -> assertThat(value).isEqualTo(BOT_ANSWER + attribute));
        assertThat(AttributeAnalysis.written(failure)).containsOnlyKeys(ALL_OUTPUTS)
                .allSatisfy((attribute, value) -> assertThat(NOTHING_PROVEN.getOrDefault(attribute, Set.of(""))).contains(value));
    }

    /** Guard the guard: the challenge flow's old gaps (voice-auth neither reset at entry nor saved) must be found. */
    @Test
    void analysis_whenTheFlowForgetsToWriteAClaim_reportsIt() {
        FlowDocument challenge = template(NomidioFlow.CHALLENGE_FLOW);
        ((ObjectNode) challenge.action(challenge.startAction()).orElseThrow().parameters().get("Attributes"))
                .remove(ContactAttribute.VOICE_AUTH.key());

        assertThat(claims(challenge).setOnArrival("Create challenge"))
                .hasValueSatisfying(written -> assertThat(written).doesNotContain(ContactAttribute.VOICE_AUTH.key()));

        ((ObjectNode) challenge.action("Save challenge").orElseThrow().parameters().get("Attributes"))
                .remove(ContactAttribute.VOICE_AUTH.key());

        assertThat(claims(challenge).missingAtExits(CLAIMS))
                .containsEntry("Transfer to post flow", Set.of(ContactAttribute.VOICE_AUTH.key()));
    }

    /** Guard the walk itself: the two ways of counting a set-attributes block's error branch differ where they should. */
    @Test
    void analysis_whenACopyFails_followsItsErrorBranchWithNothingWrittenButNotAFixedWritesOne() throws IOException {
        FlowDocument flow;
        try (InputStream in = ClaimRulesTest.class.getResourceAsStream("/flows/copy-may-fail.json")) {
            flow = FlowParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Set<String> required = Set.of("nomidio_status", "nomidio_id");

        assertThat(claims(flow).missingAtExits(required))
                .containsExactly(entry("Hang up after failed copy", Set.of("nomidio_id")));
        assertThat(AttributeAnalysis.of(flow, CATALOG, Set.of()).missingAtExits(required)).isEmpty();
    }

    /** Claims are held to the stricter walk: a copy that fails writes nothing, and its error branch is followed. */
    private static AttributeAnalysis claims(FlowDocument document) {
        return AttributeAnalysis.of(document, CATALOG, Set.of(), AttributeAnalysis.ErrorBranch.FOLLOWED_WHEN_COPYING);
    }

    private static FlowDocument template(NomidioFlow flow) {
        return FlowParser.parse(FlowTemplates.template(flow));
    }

    private static Set<String> keys(ContactAttribute... attributes) {
        return Arrays.stream(attributes).map(ContactAttribute::key).collect(Collectors.toSet());
    }
}
