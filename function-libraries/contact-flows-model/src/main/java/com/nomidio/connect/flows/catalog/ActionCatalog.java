package com.nomidio.connect.flows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.flows.model.FlowAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The flow-language action types this project understands, with the parameter names of the Amazon Connect
 * flow-language reference ("Actions in the Amazon Connect Flow language"). Types outside this catalog are not
 * guessed at: the validator names them (an error for our flows, a warning for foreign ones).
 */
public final class ActionCatalog {

    private static final String NO_MATCHING_ERROR = "NoMatchingError";
    private static final String NO_MATCHING_CONDITION = "NoMatchingCondition";
    private static final Pattern JSON_PATH = Pattern.compile("^\\$\\.[A-Za-z0-9_.\\[\\]'\"-]+$");
    private static final Pattern INTEGER = Pattern.compile("^\\d+$");

    private final Map<String, ActionType> types;

    private ActionCatalog(Collection<ActionType> types) {
        Map<String, ActionType> byName = new LinkedHashMap<>();
        types.forEach(t -> byName.put(t.name(), t));
        this.types = Collections.unmodifiableMap(byName);
    }

    public Optional<ActionType> find(String type) {
        return Optional.ofNullable(type == null ? null : types.get(type));
    }

    /** True for a single flow-language JSONPath reference such as {@code $.Attributes.x}. */
    public static boolean isJsonPath(String value) {
        return value != null && JSON_PATH.matcher(value).matches();
    }

    public static ActionCatalog standard() {
        List<ActionType> all = new ArrayList<>();
        all.add(type("MessageParticipant").optional("Text", "SSML", "PromptId", "Media", "LanguageCode")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR)
                .rule(exactlyOneOf("Text", "SSML", "PromptId", "Media")).rule(ssmlIsSpeak()).build());
        all.add(type("GetParticipantInput")
                .required("StoreInput")
                .optional("Text", "SSML", "PromptId", "Media", "InputTimeLimitSeconds", "InputValidation",
                        "InputEncryption", "DTMFConfiguration", "LanguageCode")
                .errors("InputTimeLimitExceeded", NO_MATCHING_CONDITION, NO_MATCHING_ERROR, "InvalidPhoneNumber")
                .requiredErrors("InputTimeLimitExceeded", NO_MATCHING_CONDITION, NO_MATCHING_ERROR)
                .conditions(ConditionRule.COMPARISONS)
                .rule(atMostOneOf("Text", "SSML", "PromptId", "Media")).rule(ssmlIsSpeak())
                .rule(oneOf("StoreInput", "True", "False"))
                .rule(integerText("InputTimeLimitSeconds", 1, 180)).build());
        // "Results and conditions": the result is the bot's intent; only Equals is supported. LexV2Bot.AliasArn
        // (Lex V2) or LexBot (classic Lex) names the bot; LexSessionAttributes is a flat map, static or dynamic.
        // "LexInitilizationData" is spelt as the API reference spells it.
        all.add(type("ConnectParticipantWithLexBot")
                .optional("Text", "SSML", "PromptId", "Media", "LexV2Bot", "LexBot", "LexSessionAttributes",
                        "LexInitilizationData", "LexTimeoutSeconds")
                .errors("InputTimeLimitExceeded", NO_MATCHING_CONDITION, NO_MATCHING_ERROR)
                .requiredErrors("InputTimeLimitExceeded", NO_MATCHING_CONDITION, NO_MATCHING_ERROR)
                .conditions(ConditionRule.EQUALS)
                .rule(atMostOneOf("Text", "SSML", "PromptId", "Media")).rule(ssmlIsSpeak())
                .rule(exactlyOneOf("LexV2Bot", "LexBot"))
                .rule(lexV2AliasArn())
                .rule(flatStringMap("LexSessionAttributes")).build());
        all.add(type("InvokeLambdaFunction")
                .required("LambdaFunctionARN", "InvocationTimeLimitSeconds")
                .optional("InvocationType", "LambdaInvocationAttributes", "ResponseValidation")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR)
                .rule(integerText("InvocationTimeLimitSeconds", 1, 8))
                .rule(oneOf("InvocationType", "SYNCHRONOUS", "ASYNCHRONOUS"))
                .rule(flatStringMap("LambdaInvocationAttributes"))
                .rule(responseValidation()).build());
        all.add(type("UpdateContactAttributes").required("Attributes").optional("TargetContact")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR)
                .rule(flatStringMap("Attributes")).rule(notEmptyObject("Attributes"))
                .rule(oneOf("TargetContact", "Current", "Related")).build());
        all.add(type("Compare").required("ComparisonValue")
                .errors(NO_MATCHING_CONDITION).requiredErrors(NO_MATCHING_CONDITION)
                .conditions(ConditionRule.COMPARISONS).rule(jsonPath("ComparisonValue")).build());
        all.add(type("TransferToFlow").required("ContactFlowId")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR)
                .exit(ExitBehaviour.LEAVES_ON_SUCCESS)
                .rule(reference("ContactFlowId", "a contact flow ARN, a flow id or one JSONPath", ConnectArns::isFlowReference))
                .build());
        all.add(type("UpdateContactTargetQueue").optional("QueueId", "AgentId")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR)
                .rule(exactlyOneOf("QueueId", "AgentId"))
                .rule(reference("QueueId", "a queue ARN, a queue id or one JSONPath", ConnectArns::isQueueReference))
                .rule(reference("AgentId", "an agent ARN, an agent id or one JSONPath", ConnectArns::isAgentReference))
                .build());
        all.add(type("TransferContactToQueue")
                .errors("QueueAtCapacity", NO_MATCHING_ERROR).requiredErrors("QueueAtCapacity", NO_MATCHING_ERROR)
                .exit(ExitBehaviour.LEAVES_ON_SUCCESS).build());
        all.add(type("UpdateContactMediaStreamingBehavior")
                .required("MediaStreamingState", "Participants", "MediaStreamType")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR)
                .rule(oneOf("MediaStreamingState", "Enabled", "Disabled"))
                .rule(oneOf("MediaStreamType", "Audio"))
                .rule(streamingParticipants()).build());
        all.add(type("Loop").required("LoopCount").conditions(ConditionRule.LOOP)
                .rule(integerOrPath("LoopCount", 0, 100)).build());
        all.add(type("Wait").required("TimeoutSeconds").optional("Events")
                .errors(NO_MATCHING_ERROR, "ParticipantNotFound").requiredErrors(NO_MATCHING_ERROR)
                .conditions(ConditionRule.WAIT).rule(integerOrPath("TimeoutSeconds", 1, 604_800)).build());
        all.add(type("DisconnectParticipant").exit(ExitBehaviour.ENDS).build());
        all.add(type("EndFlowExecution").exit(ExitBehaviour.ENDS).build());
        all.add(type("EndFlowModuleExecution").exit(ExitBehaviour.ENDS).build());
        all.add(type("UpdateFlowLoggingBehavior").required("FlowLoggingBehavior")
                .rule(oneOf("FlowLoggingBehavior", "Enabled", "Disabled")).build());
        all.add(type("UpdateContactRecordingBehavior").required("RecordingBehavior")
                .errors(NO_MATCHING_ERROR).build());
        all.add(type("UpdateContactEventHooks").required("EventHooks").optional("EventHooksConfiguration")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR).build());
        all.add(type("UpdateFlowAttributes").required("FlowAttributes")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR).build());
        all.add(type("TagContact").required("Tags")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR).build());
        all.add(type("InvokeFlowModule").required("FlowModuleId")
                .errors(NO_MATCHING_ERROR).requiredErrors(NO_MATCHING_ERROR).build());
        return new ActionCatalog(all);
    }

    // ---- rules ----

    private static ParameterRule exactlyOneOf(String... names) {
        return (action, problems) -> {
            long given = List.of(names).stream().filter(n -> action.parameters().has(n)).count();
            if (given != 1) {
                problems.accept("needs exactly one of " + List.of(names) + " (has " + given + ")");
            }
        };
    }

    private static ParameterRule atMostOneOf(String... names) {
        return (action, problems) -> {
            long given = List.of(names).stream().filter(n -> action.parameters().has(n)).count();
            if (given > 1) {
                problems.accept("takes at most one of " + List.of(names));
            }
        };
    }

    private static ParameterRule oneOf(String name, String... allowed) {
        return (action, problems) -> action.parameter(name).ifPresent(value -> {
            if (!value.isTextual() || !List.of(allowed).contains(value.asText())) {
                problems.accept(name + " must be one of " + List.of(allowed) + " (is " + value + ")");
            }
        });
    }

    private static ParameterRule integerText(String name, int min, int max) {
        return (action, problems) -> action.parameter(name).ifPresent(value -> {
            if (!value.isTextual() || !INTEGER.matcher(value.asText()).matches()
                    || Long.parseLong(value.asText()) < min || Long.parseLong(value.asText()) > max) {
                problems.accept(name + " must be a whole number from " + min + " to " + max
                        + ", written as text (is " + value + ")");
            }
        });
    }

    private static ParameterRule integerOrPath(String name, int min, int max) {
        ParameterRule integer = integerText(name, min, max);
        return (action, problems) -> {
            if (!action.textParameter(name).filter(ActionCatalog::isJsonPath).isPresent()) {
                integer.check(action, problems);
            }
        };
    }

    private static ParameterRule reference(String name, String expected, java.util.function.Predicate<String> valid) {
        return (action, problems) -> action.parameter(name).ifPresent(value -> {
            if (!value.isTextual() || !valid.test(value.asText())) {
                problems.accept(name + " must be " + expected + " (is " + value + ")");
            }
        });
    }

    private static ParameterRule jsonPath(String name) {
        return (action, problems) -> action.parameter(name).ifPresent(value -> {
            if (!value.isTextual() || !isJsonPath(value.asText())) {
                problems.accept(name + " must be a single JSONPath reference such as $.Attributes.x (is " + value + ")");
            }
        });
    }

    private static ParameterRule flatStringMap(String name) {
        return (action, problems) -> action.parameter(name).ifPresent(value -> {
            if (!value.isObject()) {
                problems.accept(name + " must be an object of strings");
                return;
            }
            value.properties().forEach(e -> {
                if (!e.getValue().isTextual()) {
                    problems.accept(name + "." + e.getKey() + " must be a string (is " + e.getValue() + ")");
                }
            });
        });
    }

    private static ParameterRule notEmptyObject(String name) {
        return (action, problems) -> action.parameter(name).ifPresent(value -> {
            if (value.isObject() && value.isEmpty()) {
                problems.accept(name + " is empty");
            }
        });
    }

    private static ParameterRule ssmlIsSpeak() {
        return (action, problems) -> action.textParameter("SSML").ifPresent(ssml -> {
            String trimmed = ssml.trim();
            if (!isJsonPath(trimmed) && !(trimmed.startsWith("<speak>") && trimmed.endsWith("</speak>"))) {
                problems.accept("SSML must be wrapped in <speak>...</speak>");
            }
        });
    }

    private static ParameterRule responseValidation() {
        return (action, problems) -> action.parameter("ResponseValidation").ifPresent(value -> {
            JsonNode type = value.get("ResponseType");
            if (type == null || !List.of("STRING_MAP", "JSON").contains(type.asText())) {
                problems.accept("ResponseValidation.ResponseType must be STRING_MAP or JSON");
            }
        });
    }

    private static ParameterRule lexV2AliasArn() {
        return (action, problems) -> action.parameter("LexV2Bot").ifPresent(value -> {
            JsonNode arn = value.get("AliasArn");
            if (arn == null || !arn.isTextual() || !ConnectArns.isLexBotAliasReference(arn.asText())) {
                problems.accept("LexV2Bot.AliasArn must be a Lex V2 bot alias ARN or one JSONPath (is " + arn + ")");
            }
        });
    }

    private static ParameterRule streamingParticipants() {
        return (action, problems) -> action.parameter("Participants").ifPresent(value -> {
            if (!value.isArray() || value.isEmpty()) {
                problems.accept("Participants must be a non-empty list");
                return;
            }
            for (JsonNode participant : value) {
                if (!"Customer".equals(participant.path("ParticipantType").asText())) {
                    problems.accept("Participants[].ParticipantType must be Customer (the only one Connect streams)");
                }
                JsonNode directions = participant.get("MediaDirections");
                if (directions == null || !directions.isArray() || directions.isEmpty()) {
                    problems.accept("Participants[].MediaDirections must list From and/or To");
                } else {
                    for (JsonNode direction : directions) {
                        if (!List.of("From", "To").contains(direction.asText())) {
                            problems.accept("Participants[].MediaDirections has " + direction + "; only From and To exist");
                        }
                    }
                }
            }
        });
    }

    // ---- builder ----

    private static Builder type(String name) {
        return new Builder(name);
    }

    private static final class Builder {
        private final String name;
        private Set<String> required = Set.of();
        private Set<String> optional = Set.of();
        private Set<String> errors = Set.of();
        private Set<String> requiredErrors = Set.of();
        private ConditionRule conditions = ConditionRule.NONE;
        private ExitBehaviour exit = ExitBehaviour.CONTINUES;
        private final List<ParameterRule> rules = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder required(String... names) {
            required = Set.of(names);
            return this;
        }

        Builder optional(String... names) {
            optional = Set.of(names);
            return this;
        }

        Builder errors(String... names) {
            errors = Set.of(names);
            return this;
        }

        Builder requiredErrors(String... names) {
            requiredErrors = Set.of(names);
            return this;
        }

        Builder conditions(ConditionRule rule) {
            conditions = rule;
            return this;
        }

        Builder exit(ExitBehaviour behaviour) {
            exit = behaviour;
            return this;
        }

        Builder rule(ParameterRule rule) {
            rules.add(rule);
            return this;
        }

        ActionType build() {
            return new ActionType(name, required, optional, errors, requiredErrors, conditions, exit, rules);
        }
    }

    /** Runs every rule of the action's type; used by the validator, handy for a simulator's own checks. */
    public static void checkRules(ActionType type, FlowAction action, Consumer<String> problems) {
        type.rules().forEach(rule -> rule.check(action, problems));
    }
}
