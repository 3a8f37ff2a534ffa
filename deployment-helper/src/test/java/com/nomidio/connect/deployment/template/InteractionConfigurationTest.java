package com.nomidio.connect.deployment.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.deployment.flows.ContactFlowsResource;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.lex.entrypoints.NomidioLexWiring;
import com.nomidio.connect.secret.AccessKeySecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10: CustomerInteractionConfiguration decides what is deployed. template.yaml is read whole and its
 * conditions evaluated for each of the three values (the other parameters at their defaults, flows deployed), then
 * compared with the guide: the resources table's ** rows (nomidioLexIAMRole, nomidioLex — "only deployed when
 * Customer Interaction Configuration requires Chat/Lex") and step 4's import list (AUTHENTICATION* and
 * LEX-AUTHENTICATION* "depending on selected Customer Interaction Configuration").
 */
class InteractionConfigurationTest {

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.loadTemplate();
    /** The guide's ** resources (nomidioLexIAMRole, nomidioLex). */
    private static final Set<String> GUIDE_LEX_RESOURCES = Set.of("nomidioLexIAMRole", "nomidioLex");
    /**
     * Everything chat adds: the guide's resources, what every function brings with it here (log group, invoke
     * permission), and the bots with their runtime role and deploymentHelper's permission to deploy them ("deploy
     * the Lex bots (when applicable)" in the guide's deploymentHelper row).
     */
    private static final Set<String> CHAT_RESOURCES = Set.of("nomidioLexIAMRole", "nomidioLex", "nomidioLexLogGroup",
            "nomidioLexInvokePermission", "nomidioLexBots", "nomidioLexBotRole", "deploymentHelperLexPolicy");

    @ParameterizedTest
    @EnumSource(InteractionConfiguration.class)
    void template_whenConfigured_deploysTheGuidesLexResourcesExactlyWhenChatIsOn(InteractionConfiguration configuration) {
        Set<String> deployed = deployedResources(configuration);
        Set<String> voiceOnly = deployedResources(InteractionConfiguration.STANDARD_VOICE_ONLY);
        Set<String> added = new TreeSet<>(deployed);
        added.removeAll(voiceOnly);

        assertThat(voiceOnly).as("Standard Voice Only deploys no Lex resource").doesNotContainAnyElementsOf(CHAT_RESOURCES);
        assertThat(deployed).containsAll(voiceOnly);
        if (configuration.chatEnabled()) {
            assertThat(added).as("only the Lex resources depend on the configuration").containsAll(GUIDE_LEX_RESOURCES)
                    .containsExactlyInAnyOrderElementsOf(CHAT_RESOURCES);
        } else {
            assertThat(added).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(InteractionConfiguration.class)
    void template_whenConfigured_hasTheHelperRenderExactlyTheGuidesFlowsInItsImportOrder(InteractionConfiguration configuration) {
        Conditions conditions = new Conditions(configuration);
        Map<String, Object> flows = properties("nomidioContactFlows");

        String passed = String.valueOf(conditions.value(flows.get("CustomerInteractionConfiguration")));
        Object alias = conditions.value(flows.get("LexBotAliasArn"));
        List<String> rendered = NomidioFlow.deploymentOrder(InteractionConfiguration.fromParameter(passed).orElseThrow())
                .stream().map(NomidioFlow::flowName).toList();

        assertThat(passed).isEqualTo(configuration.parameterValue());
        assertThat(rendered).containsExactlyElementsOf(guideImportOrder(configuration));
        if (configuration.chatEnabled()) {
            assertThat(alias).isEqualTo(Map.of("Fn::GetAtt", List.of("nomidioLexBots", "BotAliasArn")));
        } else {
            assertThat(alias).isEqualTo("");
        }
        // Every deployed flow is named in the outputs, and no output names a flow that is not deployed.
        Set<String> named = new TreeSet<>();
        Map<String, Object> outputs = map(TEMPLATE, "Outputs");
        for (Map.Entry<String, Object> output : outputs.entrySet()) {
            Map<?, ?> body = (Map<?, ?>) output.getValue();
            if (conditions.holds(body.get("Condition")) && body.get("Value") instanceof Map<?, ?> value
                    && value.get("Fn::GetAtt") instanceof List<?> att && "nomidioContactFlows".equals(att.get(0))
                    && String.valueOf(att.get(1)).endsWith("FlowName")) {
                named.add(String.valueOf(att.get(1)));
            }
        }
        assertThat(named).containsExactlyInAnyOrderElementsOf(NomidioFlow.deploymentOrder(configuration).stream()
                .map(flow -> ContactFlowsResource.attributePrefix(flow) + "Name").toList());
    }

    @Test
    void nomidioLex_whenDeclared_isTheCodeHookOfOnlyTheNomidioBotAndMayOnlyDecryptTheSecret() {
        Map<String, Object> permission = properties("nomidioLexInvokePermission");
        Map<String, Object> role = properties("nomidioLexIAMRole");
        Map<String, Object> function = properties("nomidioLex");

        assertThat(permission).containsEntry("Principal", "lexv2.amazonaws.com")
                .containsEntry("Action", "lambda:InvokeFunction")
                .containsEntry("FunctionName", Map.of("Ref", "nomidioLex.Alias"))
                .containsEntry("SourceArn", Map.of("Fn::GetAtt", List.of("nomidioLexBots", "BotAliasArn")));
        assertThat(role.get("ManagedPolicyArns")).isEqualTo(List.of(Map.of("Ref", "decryptNomidioConnectSecretPolicy")));
        assertThat(role.toString()).doesNotContain("lambda:", "kinesisvideo:", "connect:", "lex:", "s3:", "kms:Encrypt");
        assertThat(function).containsEntry("Role", Map.of("Fn::GetAtt", List.of("nomidioLexIAMRole", "Arn")))
                .containsEntry("VersionDescription", Map.of("Fn::GetAtt", List.of("nomidioSecret", "Fingerprint")));
        // What NomidioLexWiring reads, and the secret only as its ciphertext.
        Map<?, ?> variables = (Map<?, ?>) ((Map<?, ?>) function.get("Environment")).get("Variables");
        assertThat(variables.keySet().stream().map(String::valueOf).toList()).containsExactlyInAnyOrder(GatewayConfig.GATEWAY_URL, GatewayConfig.SUPPLIER_CODE,
                GatewayConfig.ENTERPRISE_CODE, GatewayConfig.ACCESS_KEY_ID, AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT,
                AccessKeySecrets.ACCESS_KEY_SECRET, NomidioLexWiring.DEFAULT_COUNTRY_CODE);
        for (String name : List.of("nomidioLex", "nomidioLexIAMRole", "nomidioLexLogGroup", "nomidioLexInvokePermission")) {
            assertThat(map(resources(), name)).as(name).containsEntry("Condition", "ChatEnabled");
        }
    }

    @Test
    void conditions_whenDeclared_areAllUsed() {
        Set<String> used = new TreeSet<>();
        collectConditionUses(TEMPLATE.get("Resources"), used);
        collectConditionUses(TEMPLATE.get("Outputs"), used);
        collectConditionUses(TEMPLATE.get("Conditions"), used);

        assertThat(used).contains("ChatEnabled", "LexVoiceEnabled", "KeypadVoiceEnabled", "LexFlowInInstance",
                "KeypadFlowInInstance");
    }

    // ---- the guide ----

    private static List<String> guideImportOrder(InteractionConfiguration configuration) {
        List<String> order = new ArrayList<>(List.of("NOMIDIO-POST-FLOW", "NOMIDIO-CHALLENGE-FLOW"));
        if (!configuration.lexVoiceEnabled()) {
            order.add("NOMIDIO-AUTHENTICATION-FLOW");
        }
        if (configuration.chatEnabled()) {
            order.add("NOMIDIO-LEX-AUTHENTICATION-FLOW");
        }
        order.addAll(List.of("NOMIDIO-PRE-FLOW", "NOMIDIO-AGENT-CHALLENGE-QUEUE"));
        return order;
    }

    // ---- evaluating the template ----

    private static Set<String> deployedResources(InteractionConfiguration configuration) {
        Conditions conditions = new Conditions(configuration);
        Set<String> deployed = new TreeSet<>();
        resources().forEach((name, body) -> {
            if (conditions.holds(((Map<?, ?>) body).get("Condition"))) {
                deployed.add(name);
            }
        });
        return deployed;
    }

    private static Map<String, Object> resources() {
        return map(TEMPLATE, "Resources");
    }

    private static Map<String, Object> properties(String resource) {
        return map(map(resources(), resource), "Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static void collectConditionUses(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Condition".equals(key) && value instanceof String name) {
                    into.add(name);
                } else if ("Fn::If".equals(key) && value instanceof List<?> list) {
                    into.add(String.valueOf(list.getFirst()));
                    collectConditionUses(list, into);
                } else {
                    collectConditionUses(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectConditionUses(item, into));
        }
    }

    /**
     * The template's Conditions evaluated as CloudFormation does (Fn::Equals, Not, And, Or, Condition, Ref of a
     * parameter), with CustomerInteractionConfiguration set and every other parameter at its default (the
     * required ones at a sample value; only their presence matters to the conditions).
     */
    private static final class Conditions {
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final Map<String, Object> declared = map(TEMPLATE, "Conditions");

        Conditions(InteractionConfiguration configuration) {
            map(TEMPLATE, "Parameters").forEach((name, body) ->
                    parameters.put(name, ((Map<?, ?>) body).containsKey("Default")
                            ? String.valueOf(((Map<?, ?>) body).get("Default")) : "sample-" + name));
            parameters.put("CustomerInteractionConfiguration", configuration.parameterValue());
            parameters.put("DeployContactFlows", "true");
        }

        boolean holds(Object condition) {
            return condition == null || Boolean.TRUE.equals(evaluate(declared.get(String.valueOf(condition))));
        }

        /** A property value with Fn::If and Ref of a parameter resolved; anything else as written. */
        Object value(Object node) {
            if (node instanceof Map<?, ?> map && map.size() == 1) {
                Map.Entry<?, ?> entry = map.entrySet().iterator().next();
                if ("Fn::If".equals(entry.getKey())) {
                    List<?> branches = (List<?>) entry.getValue();
                    return value(holds(branches.get(0)) ? branches.get(1) : branches.get(2));
                }
                if ("Ref".equals(entry.getKey()) && parameters.containsKey(String.valueOf(entry.getValue()))) {
                    return parameters.get(String.valueOf(entry.getValue()));
                }
            }
            return node;
        }

        private Object evaluate(Object node) {
            if (!(node instanceof Map<?, ?> map) || map.size() != 1) {
                return node instanceof String ? node : String.valueOf(node);
            }
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            Object argument = entry.getValue();
            return switch (String.valueOf(entry.getKey())) {
                case "Fn::Equals" -> String.valueOf(evaluate(((List<?>) argument).get(0)))
                        .equals(String.valueOf(evaluate(((List<?>) argument).get(1))));
                case "Fn::Not" -> !Boolean.TRUE.equals(evaluate(((List<?>) argument).getFirst()));
                case "Fn::And" -> ((List<?>) argument).stream().allMatch(a -> Boolean.TRUE.equals(evaluate(a)));
                case "Fn::Or" -> ((List<?>) argument).stream().anyMatch(a -> Boolean.TRUE.equals(evaluate(a)));
                case "Condition" -> Boolean.TRUE.equals(evaluate(declared.get(String.valueOf(argument))));
                case "Ref" -> parameters.getOrDefault(String.valueOf(argument), "");
                case "Fn::Select" -> {
                    List<?> select = (List<?>) argument;
                    Object list = evaluate(select.get(1));
                    List<?> items = list instanceof List<?> l ? l : List.of(String.valueOf(list));
                    int index = Integer.parseInt(String.valueOf(select.get(0)));
                    yield index < items.size() ? items.get(index) : "";
                }
                case "Fn::Split" -> List.of(String.valueOf(evaluate(((List<?>) argument).get(1)))
                        .split(java.util.regex.Pattern.quote(String.valueOf(((List<?>) argument).get(0))), -1));
                default -> throw new IllegalArgumentException("condition function " + entry.getKey() + " not evaluated here");
            };
        }
    }
}
