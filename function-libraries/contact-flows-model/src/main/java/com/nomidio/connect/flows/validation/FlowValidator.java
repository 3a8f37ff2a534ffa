package com.nomidio.connect.flows.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.flows.analysis.FlowGraph;
import com.nomidio.connect.flows.catalog.ActionCatalog;
import com.nomidio.connect.flows.catalog.ActionType;
import com.nomidio.connect.flows.catalog.ConditionRule;
import com.nomidio.connect.flows.catalog.ConnectArns;
import com.nomidio.connect.flows.catalog.ExitBehaviour;
import com.nomidio.connect.flows.model.ConditionBranch;
import com.nomidio.connect.flows.model.ErrorBranch;
import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.flows.model.FlowDocument;
import com.nomidio.connect.flows.model.FlowFormatException;
import com.nomidio.connect.flows.model.FlowParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a flow-language document against the rules of the Amazon Connect flow language that can be checked
 * offline, and against this project's own rules (every error routed, nothing unreachable, placeholders
 * resolved, Lambda invoked through its published alias). It never throws on odd input: everything it finds
 * is an issue in the report, and an action type it does not know is named, not guessed at.
 */
public final class FlowValidator {

    /** Characters the flow language forbids in an action Identifier. */
    private static final Pattern FORBIDDEN_IDENTIFIER_CHARS = Pattern.compile("[%:()\\\\/=$,;\\[\\]{}]");
    private static final Set<String> RESERVED_IDENTIFIERS = Set.of("__proto__", "constructor", "__defineGetter__",
            "__defineSetter__", "toString", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
            "toLocaleString", "valueOf");
    public static final int MAX_IDENTIFIER_LENGTH = 50;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final ActionCatalog catalog;
    private final ValidationOptions options;

    public FlowValidator(ActionCatalog catalog, ValidationOptions options) {
        this.catalog = catalog;
        this.options = options;
    }

    public static FlowValidator forNomidioFlows() {
        return new FlowValidator(ActionCatalog.standard(), ValidationOptions.nomidio());
    }

    public static FlowValidator forForeignFlows() {
        return new FlowValidator(ActionCatalog.standard(), ValidationOptions.foreignFlow());
    }

    /** Parses and validates; text that is not a flow at all is one STRUCTURE error, not an exception. */
    public ValidationReport validate(String flowName, String json) {
        try {
            return validate(flowName, FlowParser.parse(json));
        } catch (FlowFormatException e) {
            return new ValidationReport(flowName,
                    List.of(new ValidationIssue(Severity.ERROR, Check.STRUCTURE, null, e.getMessage())), Set.of());
        }
    }

    public ValidationReport validate(String flowName, FlowDocument flow) {
        Run run = new Run();
        if (!FlowDocument.FLOW_LANGUAGE_VERSION.equals(flow.version())) {
            run.error(Check.STRUCTURE, null, "Version must be \"" + FlowDocument.FLOW_LANGUAGE_VERSION + "\" (is "
                    + flow.version() + "); the console's older export format is not flow language");
        }
        if (flow.actions().isEmpty()) {
            run.error(Check.STRUCTURE, null, "there are no Actions");
        }
        if (flow.actions().size() > options.maxActions()) {
            run.error(Check.SIZE, null, flow.actions().size() + " actions; the limit is " + options.maxActions());
        }
        if (flow.startAction() == null) {
            run.error(Check.TRANSITION, null, "StartAction is missing");
        } else if (flow.action(flow.startAction()).isEmpty()) {
            run.error(Check.TRANSITION, null, "StartAction '" + flow.startAction() + "' is not an action of this flow");
        }
        checkIdentifiers(flow, run);
        for (FlowAction action : flow.actions()) {
            checkTransitionsResolve(flow, action, run);
            ActionType type = catalog.find(action.type()).orElse(null);
            if (type == null) {
                run.unknownTypes.add(String.valueOf(action.type()));
                run.report(options.foreign(), Check.UNKNOWN_TYPE, action.identifier(),
                        "action type '" + action.type() + "' is not one this project knows");
                continue;
            }
            checkParameters(type, action, run);
            checkConditions(type, action, run);
            checkErrors(type, action, run);
            checkExit(type, action, run);
            checkLambdaAlias(action, run);
        }
        checkPlaceholders(flow, run);
        checkReachable(flow, run);
        return new ValidationReport(flowName, run.issues, run.unknownTypes);
    }

    private void checkIdentifiers(FlowDocument flow, Run run) {
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (FlowAction action : flow.actions()) {
            String id = action.identifier();
            if (id == null || id.isBlank()) {
                run.error(Check.IDENTIFIER, null, "action #" + index + " has no Identifier");
            } else {
                if (!seen.add(id)) {
                    run.error(Check.IDENTIFIER, id, "Identifier is used by more than one action");
                }
                if (id.length() > MAX_IDENTIFIER_LENGTH) {
                    run.error(Check.IDENTIFIER, id, "Identifier is " + id.length() + " characters; the limit is "
                            + MAX_IDENTIFIER_LENGTH);
                }
                Matcher forbidden = FORBIDDEN_IDENTIFIER_CHARS.matcher(id);
                if (forbidden.find()) {
                    run.error(Check.IDENTIFIER, id, "Identifier contains '" + forbidden.group()
                            + "', which the flow language does not allow");
                }
                if (RESERVED_IDENTIFIERS.contains(id)) {
                    run.error(Check.IDENTIFIER, id, "Identifier is a reserved word");
                }
            }
            if (action.type() == null) {
                run.error(Check.STRUCTURE, id, "action has no Type");
            }
            index++;
        }
    }

    private void checkTransitionsResolve(FlowDocument flow, FlowAction action, Run run) {
        for (String target : action.transitions().targets()) {
            if (target == null) {
                run.error(Check.TRANSITION, action.identifier(), "a transition has no NextAction");
            } else if (flow.action(target).isEmpty()) {
                run.error(Check.TRANSITION, action.identifier(), "transition to '" + target + "', which does not exist");
            }
        }
    }

    private void checkParameters(ActionType type, FlowAction action, Run run) {
        for (String required : type.requiredParameters()) {
            if (!action.parameters().has(required)) {
                run.report(options.foreign(), Check.PARAMETER, action.identifier(), type.name() + " needs parameter " + required);
            }
        }
        action.parameters().fieldNames().forEachRemaining(name -> {
            if (!type.knowsParameter(name)) {
                run.report(options.foreign(), Check.PARAMETER, action.identifier(),
                        type.name() + " has no parameter " + name);
            }
        });
        ActionCatalog.checkRules(type, action,
                problem -> run.report(options.foreign(), Check.PARAMETER, action.identifier(), problem));
    }

    private void checkConditions(ActionType type, FlowAction action, Run run) {
        List<ConditionBranch> conditions = action.transitions().conditions();
        switch (type.conditions()) {
            case NONE -> {
                if (!conditions.isEmpty()) {
                    run.error(Check.CONDITION, action.identifier(), type.name() + " takes no Conditions");
                }
            }
            case COMPARISONS -> {
                boolean storing = action.textParameter("StoreInput").map("True"::equals).orElse(false);
                if (storing && !conditions.isEmpty()) {
                    run.error(Check.CONDITION, action.identifier(), "StoreInput True takes no Conditions");
                }
                for (ConditionBranch c : conditions) {
                    if (!ConditionRule.OPERATORS.contains(c.operator())) {
                        run.error(Check.CONDITION, action.identifier(), "unknown condition operator '" + c.operator() + "'");
                    }
                    if (c.operands().size() != 1) {
                        run.error(Check.CONDITION, action.identifier(), "a condition takes exactly one operand");
                    }
                }
            }
            case LOOP -> {
                Set<String> operands = operandsOfEquals(conditions);
                if (conditions.size() != 2 || !operands.equals(Set.of("ContinueLooping", "DoneLooping"))) {
                    run.error(Check.CONDITION, action.identifier(),
                            "Loop needs exactly the conditions Equals ContinueLooping and Equals DoneLooping");
                }
            }
            case WAIT -> {
                if (!operandsOfEquals(conditions).contains("WaitCompleted")) {
                    run.error(Check.CONDITION, action.identifier(), "Wait needs the condition Equals WaitCompleted");
                }
            }
            case EQUALS -> {
                for (ConditionBranch c : conditions) {
                    if (!"Equals".equals(c.operator())) {
                        run.error(Check.CONDITION, action.identifier(), type.name() + " supports only the Equals "
                                + "operator (is '" + c.operator() + "')");
                    }
                    if (c.operands().size() != 1) {
                        run.error(Check.CONDITION, action.identifier(), "a condition takes exactly one operand");
                    }
                }
            }
        }
    }

    private static Set<String> operandsOfEquals(List<ConditionBranch> conditions) {
        Set<String> operands = new TreeSet<>();
        conditions.stream().filter(c -> "Equals".equals(c.operator())).forEach(c -> operands.addAll(c.operands()));
        return operands;
    }

    private void checkErrors(ActionType type, FlowAction action, Run run) {
        Set<String> handled = new HashSet<>();
        for (ErrorBranch error : action.transitions().errors()) {
            if (!type.errorTypes().contains(error.errorType())) {
                run.error(Check.ERROR_BRANCH, action.identifier(), type.name() + " never raises '" + error.errorType()
                        + "' (it raises " + new TreeSet<>(type.errorTypes()) + ")");
            }
            if (!handled.add(error.errorType())) {
                run.error(Check.ERROR_BRANCH, action.identifier(), "error '" + error.errorType() + "' is routed twice");
            }
        }
        boolean storing = action.textParameter("StoreInput").map("True"::equals).orElse(false);
        for (String required : type.requiredErrors()) {
            boolean conditionError = "NoMatchingCondition".equals(required) && "GetParticipantInput".equals(type.name());
            if (!handled.contains(required) && !(conditionError && storing)) {
                run.report(options.foreign(), Check.ERROR_BRANCH, action.identifier(),
                        "error '" + required + "' of " + type.name() + " has no branch");
            }
        }
    }

    private void checkExit(ActionType type, FlowAction action, Run run) {
        boolean hasNext = action.transitions().nextAction() != null;
        if (type.exit() == ExitBehaviour.ENDS && !action.transitions().targets().isEmpty()) {
            run.error(Check.TRANSITION, action.identifier(), type.name() + " ends the flow; it takes no transitions");
        }
        if (type.exit() == ExitBehaviour.CONTINUES && !hasNext && action.transitions().conditions().isEmpty()) {
            run.error(Check.TRANSITION, action.identifier(), type.name() + " needs a NextAction");
        }
    }

    private void checkLambdaAlias(FlowAction action, Run run) {
        if (!"InvokeLambdaFunction".equals(action.type())) {
            return;
        }
        String arn = action.textParameter("LambdaFunctionARN").orElse(null);
        if (arn == null || ActionCatalog.isJsonPath(arn) || PLACEHOLDER.matcher(arn).find()) {
            return;
        }
        if (!ConnectArns.isLambdaArn(arn)) {
            run.error(Check.PARAMETER, action.identifier(), "LambdaFunctionARN is not a Lambda function ARN: " + arn);
            return;
        }
        options.requiredLambdaAlias().ifPresent(alias -> {
            String qualifier = ConnectArns.lambdaQualifier(arn).orElse(null);
            if (!alias.equals(qualifier)) {
                run.error(Check.LAMBDA_ALIAS, action.identifier(), "LambdaFunctionARN must invoke the published alias '"
                        + alias + "' (…:function:NAME:" + alias + "), not " + (qualifier == null ? "the unqualified function" : "'" + qualifier + "'"));
            }
        });
    }

    private void checkPlaceholders(FlowDocument flow, Run run) {
        for (FlowAction action : flow.actions()) {
            Set<String> names = new TreeSet<>();
            collectPlaceholders(action.parameters(), names);
            if (!names.isEmpty()) {
                run.report(options.foreign(), Check.PLACEHOLDER, action.identifier(),
                        "unresolved placeholder(s) " + names);
            }
        }
    }

    private static void collectPlaceholders(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.asText());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        } else {
            node.forEach(child -> collectPlaceholders(child, names));
        }
    }

    private void checkReachable(FlowDocument flow, Run run) {
        Set<String> reachable = FlowGraph.of(flow).reachable();
        if (reachable.isEmpty()) {
            return;
        }
        for (FlowAction action : flow.actions()) {
            if (action.identifier() != null && !reachable.contains(action.identifier())) {
                run.report(options.foreign(), Check.UNREACHABLE, action.identifier(),
                        "no path from StartAction reaches this action");
            }
        }
    }

    /** The findings of one validation. */
    private static final class Run {
        private final List<ValidationIssue> issues = new ArrayList<>();
        private final Set<String> unknownTypes = new TreeSet<>();

        void error(Check check, String actionId, String message) {
            issues.add(new ValidationIssue(Severity.ERROR, check, actionId, message));
        }

        /** An error for our own flows, a warning for foreign ones. */
        void report(boolean foreign, Check check, String actionId, String message) {
            issues.add(new ValidationIssue(foreign ? Severity.WARNING : Severity.ERROR, check, actionId, message));
        }
    }
}
