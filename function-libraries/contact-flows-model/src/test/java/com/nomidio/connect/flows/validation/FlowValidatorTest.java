package com.nomidio.connect.flows.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.flows.templates.FlowRenderer;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.flows.testing.SampleFlowValues;
import com.nomidio.connect.testkit.connect.ForeignFlows;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The validator on our rendered flows (no issue at all), on real flows from a public AWS sample (accepted,
 * unknown types named), and on one deliberate fault at a time, each made by editing a valid rendered flow.
 */
class FlowValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FlowValidator strict = FlowValidator.forNomidioFlows();
    private final FlowValidator foreign = FlowValidator.forForeignFlows();

    @ParameterizedTest
    @EnumSource(NomidioFlow.class)
    void validate_whenNomidioFlowRendered_reportsNoIssueAtAll(NomidioFlow flow) {
        ValidationReport report = strict.validate(flow.flowName(),
                FlowRenderer.render(flow, SampleFlowValues.values()).content());

        assertThat(report.issues()).as(report.summary()).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("com.nomidio.connect.testkit.connect.ForeignFlows#FILES")
    void validate_whenForeignFlowInForeignMode_isValid(String file) {
        ValidationReport report = foreign.validate(file, ForeignFlows.read(file));

        assertThat(report.errors()).as(report.summary()).isEmpty();
    }

    @Test
    void validate_whenForeignFlowUsesTypesWeDoNotKnow_namesThemAsWarnings() {
        ValidationReport task = foreign.validate("task", ForeignFlows.read("vmx3-VMXExampleTaskFlow.json"));
        ValidationReport guided = foreign.validate("guided", ForeignFlows.read("vmx3-VMXExampleGuidedTaskAgentFlow.json"));

        assertThat(task.unknownActionTypes()).containsExactly("UpdateContactRoutingCriteria");
        assertThat(task.warnings()).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains("'UpdateContactRoutingCriteria'"));
        assertThat(guided.unknownActionTypes()).containsExactly("ShowView");
    }

    @Test
    void validate_whenForeignFlowValidatedStrictly_failsNamingTheUnknownType() {
        ValidationReport report = strict.validate("task", ForeignFlows.read("vmx3-VMXExampleTaskFlow.json"));

        assertThat(report.isValid()).isFalse();
        assertThat(report.issues(Check.UNKNOWN_TYPE)).extracting(ValidationIssue::severity).containsOnly(Severity.ERROR);
        assertThat(report.summary()).contains("UpdateContactRoutingCriteria");
    }

    @Test
    void validate_whenForeignFlowWithOnlyKnownTypes_namesNoUnknownType() {
        ValidationReport report = foreign.validate("whisper", ForeignFlows.read("vmx3-VMXInQueueAgentWhisper.json"));

        assertThat(report.unknownActionTypes()).isEmpty();
    }

    @Test
    void validate_whenNotJson_reportsStructureErrorInsteadOfThrowing() {
        ValidationReport report = strict.validate("broken", "{ \"Version\": ");

        assertThat(report.issues(Check.STRUCTURE)).hasSize(1);
    }

    @Test
    void validate_whenIdentifierTooLong_reportsIdentifier() {
        assertFault(flow -> renameAction(flow, "Disconnect", "D".repeat(51)), Check.IDENTIFIER, "51 characters");
    }

    @Test
    void validate_whenIdentifierHasForbiddenCharacter_reportsIdentifier() {
        assertFault(flow -> renameAction(flow, "Disconnect", "Disconnect: now"), Check.IDENTIFIER, "':'");
    }

    @Test
    void validate_whenIdentifierDuplicated_reportsIdentifier() {
        assertFault(flow -> action(flow, "Queue full message").put("Identifier", "Unable to connect message"),
                Check.IDENTIFIER, "more than one action");
    }

    @Test
    void validate_whenTransitionPointsNowhere_reportsTransition() {
        assertFault(flow -> ((ObjectNode) action(flow, "Connecting message").get("Transitions"))
                .put("NextAction", "No such action"), Check.TRANSITION, "'No such action'");
    }

    @Test
    void validate_whenStartActionMissing_reportsTransition() {
        assertFault(flow -> flow.put("StartAction", "Nowhere"), Check.TRANSITION, "StartAction 'Nowhere'");
    }

    @Test
    void validate_whenTypeUnknown_namesIt() {
        assertFault(flow -> action(flow, "Connecting message").put("Type", "PlayPrompt"), Check.UNKNOWN_TYPE, "'PlayPrompt'");
    }

    @Test
    void validate_whenRequiredParameterMissing_reportsParameter() {
        assertFault(flow -> ((ObjectNode) action(flow, "Set default working queue").get("Parameters")).remove("QueueId"),
                Check.PARAMETER, "exactly one of [QueueId, AgentId]");
    }

    @Test
    void validate_whenAgentIdIsAQueueArn_reportsParameter() {
        assertFault(flow -> ((ObjectNode) action(flow, "Set requesting agent's queue").get("Parameters"))
                        .put("AgentId", "arn:aws:connect:eu-west-2:111122223333:instance/i-1/queue/q-1"),
                Check.PARAMETER, "AgentId must be an agent ARN, an agent id or one JSONPath");
    }

    @Test
    void validate_whenParameterUnknownToType_reportsParameter() {
        assertFault(flow -> ((ObjectNode) action(flow, "Connecting message").get("Parameters")).put("Voice", "Joanna"),
                Check.PARAMETER, "has no parameter Voice");
    }

    @Test
    void validate_whenErrorBranchMissing_reportsErrorBranch() {
        assertFault(flow -> ((ArrayNode) action(flow, "Transfer to working queue").get("Transitions").get("Errors")).remove(0),
                Check.ERROR_BRANCH, "'QueueAtCapacity'");
    }

    @Test
    void validate_whenErrorTypeNeverRaised_reportsErrorBranch() {
        assertFault(flow -> ((ObjectNode) ((ArrayNode) action(flow, "Connecting message").get("Transitions").get("Errors"))
                .get(0)).put("ErrorType", "QueueAtCapacity"), Check.ERROR_BRANCH, "never raises 'QueueAtCapacity'");
    }

    @Test
    void validate_whenActionUnreachable_reportsUnreachable() {
        assertFault(flow -> ((ArrayNode) flow.get("Actions")).add(JSON.createObjectNode()
                        .put("Identifier", "Orphan").put("Type", "DisconnectParticipant")
                        .set("Parameters", JSON.createObjectNode())),
                Check.UNREACHABLE, "no path from StartAction");
    }

    @Test
    void validate_whenPlaceholderLeftInContent_reportsPlaceholder() {
        assertFault(flow -> ((ObjectNode) action(flow, "Connecting message").get("Parameters"))
                .put("Text", "Welcome to ${EnterpriseName}"), Check.PLACEHOLDER, "[EnterpriseName]");
    }

    @Test
    void validate_whenMediaStreamingStateInvalid_reportsParameter() {
        ObjectNode flow = rendered(NomidioFlow.CHALLENGE_FLOW);
        ((ObjectNode) action(flow, "Start media streaming").get("Parameters")).put("MediaStreamingState", "On");

        ValidationReport report = strict.validate("challenge", flow.toString());

        assertThat(report.issues(Check.PARAMETER)).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains("MediaStreamingState must be one of [Enabled, Disabled]"));
    }

    @Test
    void validate_whenLambdaIsNotThePublishedAlias_reportsLambdaAlias() {
        ObjectNode flow = rendered(NomidioFlow.AUTHENTICATION_FLOW);
        ((ObjectNode) action(flow, "Lookup caller").get("Parameters")).put("LambdaFunctionARN",
                SampleFlowValues.NOMIDIO_ACTION_ALIAS_ARN.replace(":live", ""));

        ValidationReport report = strict.validate("auth", flow.toString());

        assertThat(report.issues(Check.LAMBDA_ALIAS)).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("'live'").contains("unqualified"));
    }

    @Test
    void validate_whenLambdaTimeLimitAboveEightSeconds_reportsParameter() {
        ObjectNode flow = rendered(NomidioFlow.AUTHENTICATION_FLOW);
        ((ObjectNode) action(flow, "Lookup caller").get("Parameters")).put("InvocationTimeLimitSeconds", "9");

        assertThat(strict.validate("auth", flow.toString()).issues(Check.PARAMETER)).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains("InvocationTimeLimitSeconds must be a whole number from 1 to 8"));
    }

    @Test
    void validate_whenLoopLacksDoneLooping_reportsCondition() {
        ObjectNode flow = rendered(NomidioFlow.CHALLENGE_FLOW);
        ((ArrayNode) action(flow, "High level wait loop").get("Transitions").get("Conditions")).remove(1);

        assertThat(strict.validate("challenge", flow.toString()).issues(Check.CONDITION)).isNotEmpty();
    }

    @Test
    void validate_whenLexBotAliasIsNotALexV2AliasArn_reportsParameter() {
        ObjectNode flow = rendered(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        ((ObjectNode) action(flow, "Chat with Nomidio bot").get("Parameters").get("LexV2Bot"))
                .put("AliasArn", "arn:aws:lex:eu-west-2:111122223333:bot/NOMIDIOBOT");

        assertThat(strict.validate("lex", flow.toString()).issues(Check.PARAMETER)).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains("LexV2Bot.AliasArn must be a Lex V2 bot alias ARN"));
    }

    @Test
    void validate_whenLexBlockNamesNoBot_reportsParameter() {
        ObjectNode flow = rendered(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        ((ObjectNode) action(flow, "Registration offer").get("Parameters")).remove("LexV2Bot");

        assertThat(strict.validate("lex", flow.toString()).issues(Check.PARAMETER)).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains("needs exactly one of [LexV2Bot, LexBot]"));
    }

    @Test
    void validate_whenLexBlockBranchesWithOtherThanEquals_reportsCondition() {
        ObjectNode flow = rendered(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        ObjectNode transitions = (ObjectNode) action(flow, "Registration offer").get("Transitions");
        transitions.putArray("Conditions").addObject().put("NextAction", "Send invitation").putObject("Condition")
                .put("Operator", "TextStartsWith").putArray("Operands").add("NomidioReg");

        assertThat(strict.validate("lex", flow.toString()).issues(Check.CONDITION)).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains("supports only the Equals operator"));
    }

    @Test
    void validate_whenLexBlockLeavesInputTimeoutUnrouted_reportsErrorBranch() {
        ObjectNode flow = rendered(NomidioFlow.LEX_AUTHENTICATION_FLOW);
        ArrayNode errors = (ArrayNode) action(flow, "Chat with Nomidio bot").get("Transitions").get("Errors");
        for (int i = errors.size() - 1; i >= 0; i--) {
            if ("InputTimeLimitExceeded".equals(errors.get(i).path("ErrorType").asText())) {
                errors.remove(i);
            }
        }

        assertThat(strict.validate("lex", flow.toString()).issues(Check.ERROR_BRANCH)).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains("InputTimeLimitExceeded"));
    }

    @Test
    void validate_whenOldConsoleFormat_reportsVersion() {
        assertFault(flow -> flow.put("Version", "1"), Check.STRUCTURE, "Version must be");
    }

    @Test
    void validate_whenMoreThan250Actions_reportsSize() {
        assertFault(flow -> {
            ArrayNode actions = (ArrayNode) flow.get("Actions");
            for (int i = 0; actions.size() <= ValidationOptions.CONNECT_MAX_ACTIONS; i++) {
                actions.add(JSON.createObjectNode().put("Identifier", "Filler " + i).put("Type", "DisconnectParticipant")
                        .set("Parameters", JSON.createObjectNode()));
            }
        }, Check.SIZE, "the limit is 250");
    }

    // ---- helpers ----

    private void assertFault(Consumer<ObjectNode> fault, Check check, String messagePart) {
        ObjectNode flow = rendered(NomidioFlow.POST_FLOW);
        assertThat(strict.validate("post", flow.toString()).issues()).as("the unmodified flow is valid").isEmpty();

        fault.accept(flow);
        ValidationReport report = strict.validate("post", flow.toString());

        assertThat(report.isValid()).isFalse();
        assertThat(report.issues(check)).as(report.summary()).isNotEmpty();
        assertThat(report.issues(check)).extracting(ValidationIssue::message)
                .anySatisfy(m -> assertThat(m).contains(messagePart));
    }

    private static ObjectNode rendered(NomidioFlow flow) {
        try {
            return (ObjectNode) JSON.readTree(FlowRenderer.render(flow, SampleFlowValues.values()).content());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode action(ObjectNode flow, String identifier) {
        for (var action : flow.get("Actions")) {
            if (identifier.equals(action.get("Identifier").asText())) {
                return (ObjectNode) action;
            }
        }
        throw new IllegalArgumentException("no action " + identifier);
    }

    private static void renameAction(ObjectNode flow, String from, String to) {
        action(flow, from).put("Identifier", to);
        for (var action : flow.get("Actions")) {
            var transitions = action.get("Transitions");
            if (transitions == null) {
                continue;
            }
            if (from.equals(transitions.path("NextAction").asText())) {
                ((ObjectNode) transitions).put("NextAction", to);
            }
            for (var branch : transitions.path("Errors")) {
                if (from.equals(branch.path("NextAction").asText())) {
                    ((ObjectNode) branch).put("NextAction", to);
                }
            }
            for (var branch : transitions.path("Conditions")) {
                if (from.equals(branch.path("NextAction").asText())) {
                    ((ObjectNode) branch).put("NextAction", to);
                }
            }
        }
    }
}
