package com.nomidio.connect.deployment.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.deployment.flows.ContactFlowsResource;
import com.nomidio.connect.deployment.secret.SecretResource;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml (at the repository root) against the guide's resources, parameters, conditions and outputs. */
class TemplateYamlTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static Map<String, Object> template;

    @BeforeAll
    static void load() throws IOException {
        template = CloudFormationYaml.load(TEMPLATE);
    }

    @Test
    void parameters_whenComparedWithTheGuide_areAllThereWithTheGuidesDefaults() {
        Map<String, Object> parameters = section("Parameters");

        assertThat(parameters).containsKeys("KmsKeyAdministrator", "BucketName", "SupplierCode", "EnterpriseCode",
                "EnterpriseName", "GatewayUrl", "AccessKeyId", "AccessKeySecret", "ConnectInstanceId",
                "ConnectInstanceUrl", "CustomerInteractionConfiguration", "DeployContactFlows",
                "DeployStandaloneSoftphone", "DefaultCountryCode");
        assertThat(map(parameters, "AccessKeySecret")).containsEntry("NoEcho", true);
        assertThat(map(parameters, "DeployContactFlows")).containsEntry("Default", "true");
        assertThat(map(parameters, "DeployStandaloneSoftphone")).containsEntry("Default", "true");
        assertThat(map(parameters, "DefaultCountryCode")).containsEntry("Default", "GB");
        assertThat(map(parameters, "CustomerInteractionConfiguration").get("AllowedValues"))
                .isEqualTo(List.of("Standard Voice Only", "Standard Voice + Chat", "Lex Voice + Chat"));
        // Every guide parameter without a default is required: no Default may sneak in.
        for (String required : List.of("KmsKeyAdministrator", "BucketName", "SupplierCode", "EnterpriseCode",
                "EnterpriseName", "GatewayUrl", "AccessKeyId", "AccessKeySecret", "ConnectInstanceId",
                "ConnectInstanceUrl", "CustomerInteractionConfiguration")) {
            assertThat(map(parameters, required)).as(required).doesNotContainKey("Default");
        }
    }

    @Test
    void resources_whenComparedWithTheGuidesVoiceTable_areAllThereWithTheirTypes() {
        Map<String, Object> resources = section("Resources");

        assertThat(type(resources, "nomidioAction")).isEqualTo("AWS::Serverless::Function");
        assertThat(type(resources, "nomidioActionIAMRole")).isEqualTo("AWS::IAM::Role");
        assertThat(type(resources, "nomidioActionConnectPermission")).isEqualTo("AWS::Lambda::Permission");
        assertThat(type(resources, "deploymentHelper")).isEqualTo("AWS::Serverless::Function");
        assertThat(type(resources, "deploymentHelperIAMRole")).isEqualTo("AWS::IAM::Role");
        assertThat(type(resources, "s3Bucket")).isEqualTo("AWS::S3::Bucket");
        assertThat(type(resources, "encryptionKey")).isEqualTo("AWS::KMS::Key");
        assertThat(type(resources, "encryptionKeyAlias")).isEqualTo("AWS::KMS::Alias");
        assertThat(type(resources, "decryptNomidioConnectSecretPolicy")).isEqualTo("AWS::IAM::ManagedPolicy");
        assertThat(type(resources, "kvsStreamIAMRole")).isEqualTo("AWS::IAM::Role");
        assertThat(type(resources, "sampleUpload")).isEqualTo("AWS::Serverless::Function");
        assertThat(type(resources, "nomidioSecret")).isEqualTo(SecretResource.TYPE);
        assertThat(type(resources, "nomidioContactFlows")).isEqualTo(ContactFlowsResource.TYPE);
        // Replaced by SAM's own packaging (see the README).
        assertThat(resources).doesNotContainKeys("deployLambdaPackagesFunction", "deployLambdaPackagesIAMRole");
    }

    @Test
    void functions_whenDeclared_pointAtTheBuiltJarsAndHandlersOnThePublishedAlias() throws ClassNotFoundException {
        Map<String, Object> resources = section("Resources");

        assertFunction(resources, "nomidioAction", "nomidio-action/target/nomidio-action-lambda.jar",
                "com.nomidio.connect.action.entrypoints.NomidioActionHandler::handleRequest", true);
        assertFunction(resources, "sampleUpload", "sample-upload/target/sample-upload-lambda.jar",
                "com.nomidio.connect.upload.entrypoints.SampleUploadHandler::handleRequest", true);
        assertFunction(resources, "deploymentHelper", "deployment-helper/target/deployment-helper-lambda.jar",
                "com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandler::handleRequest", false);
        Class.forName("com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandler");
    }

    @Test
    void functions_whenGivenTheSecret_getOnlyItsCiphertextUnderTheClientsVariableNames() {
        for (String function : List.of("nomidioAction", "sampleUpload")) {
            Map<String, Object> variables = map(map(map(properties(section("Resources"), function), "Environment"),
                    "Variables"));
            assertThat(variables.get(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT))
                    .isEqualTo(Map.of("Fn::GetAtt", List.of("nomidioSecret", SecretResource.CIPHERTEXT_ATTRIBUTE)));
            assertThat(variables).containsKeys(GatewayConfig.GATEWAY_URL, GatewayConfig.SUPPLIER_CODE,
                    GatewayConfig.ENTERPRISE_CODE, GatewayConfig.ACCESS_KEY_ID);
            assertThat(variables.toString()).doesNotContain("AccessKeySecret");
        }
    }

    @Test
    void customResources_whenDeclared_areServedByTheHelperWithTheirProperties() {
        Map<String, Object> resources = section("Resources");
        Map<String, Object> secret = properties(resources, "nomidioSecret");
        Map<String, Object> flows = properties(resources, "nomidioContactFlows");

        assertThat(secret.get("ServiceToken")).isEqualTo(Map.of("Fn::GetAtt", List.of("deploymentHelper", "Arn")));
        assertThat(flows.get("ServiceToken")).isEqualTo(Map.of("Fn::GetAtt", List.of("deploymentHelper", "Arn")));
        assertThat(secret).containsKeys("KeyId", "AccessKeyId", "AccessKeySecret");
        assertThat(flows).containsKeys("ConnectInstanceId", "BucketName", "EnterpriseName", "NomidioActionFunctionArn",
                "DeployContactFlows", "WorkingQueueName");
        assertThat(flows.get("NomidioActionFunctionArn")).isEqualTo(Map.of("Ref", "nomidioAction.Alias"));
        assertThat(map(resources, "nomidioContactFlows").get("DependsOn")).isEqualTo("deploymentHelperConnectPolicy");
    }

    @Test
    void bucket_whenCreated_blocksPublicAccessEncryptsAndGetsAUniqueName() {
        Map<String, Object> bucket = properties(section("Resources"), "s3Bucket");

        assertThat(map(bucket, "PublicAccessBlockConfiguration")).containsEntry("BlockPublicAcls", true)
                .containsEntry("BlockPublicPolicy", true).containsEntry("IgnorePublicAcls", true)
                .containsEntry("RestrictPublicBuckets", true);
        assertThat(bucket.get("BucketEncryption").toString()).contains("SSEAlgorithm=AES256");
        assertThat(bucket.get("BucketName").toString()).contains("Ref=BucketName").contains("Ref=AWS::StackId");
    }

    @Test
    void conditions_whenComparedWithTheParameters_existAndTheFlowArnsDependOnDeployment() {
        Map<String, Object> conditions = section("Conditions");
        Map<String, Object> outputs = section("Outputs");

        assertThat(conditions).containsKeys("DeployContactFlowsToInstance", "DeploySoftphone", "ChatEnabled",
                "LexVoiceEnabled", "ConnectInstanceIdIsArn");
        for (String arn : List.of("AuthenticationFlowArn", "PreFlowArn", "PostFlowArn", "ChallengeFlowArn",
                "AgentChallengeQueueFlowArn")) {
            assertThat(map(outputs, arn)).containsEntry("Condition", "DeployContactFlowsToInstance");
        }
    }

    @Test
    void outputs_whenComparedWithTheGuide_nameTheBucketAndTheFlows() {
        Map<String, Object> outputs = section("Outputs");

        assertThat(outputs).containsKeys("BucketName", "AuthenticationFlowName", "PreFlowName", "PostFlowName",
                "ChallengeFlowName", "AgentChallengeQueueFlowName", "NomidioActionFunctionArn");
        assertThat(map(outputs, "AuthenticationFlowName").get("Value"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("nomidioContactFlows", "AuthenticationFlowName")));
    }

    @Test
    void iam_whenScanned_grantsNoWildcardActionAndScopesResources() {
        List<Object> statements = new ArrayList<>();
        collectStatements(section("Resources"), statements);

        assertThat(statements).isNotEmpty();
        for (Object statement : statements) {
            Object actions = ((Map<?, ?>) statement).get("Action");
            for (Object action : actions instanceof List<?> list ? list : List.of(actions)) {
                assertThat(action.toString()).as(statement.toString()).isNotEqualTo("*").doesNotEndWith(":*");
            }
        }
        Map<String, Object> helperPolicy = map(properties(section("Resources"), "deploymentHelperConnectPolicy"),
                "PolicyDocument");
        assertThat(helperPolicy.toString()).contains("instance/${ConnectInstanceId}").doesNotContain("Resource=*");
        assertThat(properties(section("Resources"), "deploymentHelperIAMRole").toString())
                .contains("kms:Encrypt").contains("encryptionKey").contains("${s3Bucket.Arn}/contact-flows/*")
                .doesNotContain("kms:Decrypt");
    }

    @Test
    void references_whenFollowed_formNoDependencyCycle() {
        Map<String, Object> resources = section("Resources");
        Map<String, Set<String>> edges = new HashMap<>();
        for (String name : resources.keySet()) {
            Set<String> targets = new HashSet<>();
            collectReferences(resources.get(name), resources.keySet(), targets);
            edges.put(name, targets);
        }

        for (String start : resources.keySet()) {
            assertThat(reachable(start, edges)).as("a cycle through " + start).doesNotContain(start);
        }
        assertThat(edges.get("nomidioContactFlows")).contains("nomidioAction", "deploymentHelper", "s3Bucket");
        assertThat(edges.get("nomidioAction")).contains("nomidioSecret");
    }

    // ---- helpers ----

    private static void assertFunction(Map<String, Object> resources, String name, String codeUri, String handler,
                                       boolean snapStartAlias) {
        Map<String, Object> function = map(resources, name);
        Map<String, Object> properties = map(function, "Properties");
        assertThat(properties).containsEntry("CodeUri", codeUri).containsEntry("Handler", handler);
        assertThat(map(function, "Metadata")).containsEntry("SkipBuild", true);
        assertThat(template.get("Globals").toString()).contains("Runtime=java21")
                .contains("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        if (snapStartAlias) {
            assertThat(properties).containsEntry("AutoPublishAlias", "live");
            assertThat(map(properties, "SnapStart")).containsEntry("ApplyOn", "PublishedVersions");
        }
    }

    private static Set<String> reachable(String start, Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(edges.getOrDefault(start, Set.of()));
        while (!pending.isEmpty()) {
            String next = pending.removeLast();
            if (seen.add(next)) {
                pending.addAll(edges.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    /** Ref, Fn::GetAtt, ${...} in Fn::Sub and DependsOn, resolved to resource names ("x.Alias" is x). */
    private static void collectReferences(Object node, Set<String> resources, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                switch (String.valueOf(key)) {
                    case "Ref" -> addResource(String.valueOf(value).split("\\.")[0], resources, into);
                    case "Fn::GetAtt" -> addResource(String.valueOf(((List<?>) value).getFirst()), resources, into);
                    case "DependsOn" -> (value instanceof List<?> list ? list : List.of(value))
                            .forEach(v -> addResource(String.valueOf(v), resources, into));
                    case "Fn::Sub" -> {
                        Object text = value instanceof List<?> list ? list.getFirst() : value;
                        Matcher matcher = SUB_REFERENCE.matcher(String.valueOf(text));
                        while (matcher.find()) {
                            addResource(matcher.group(1), resources, into);
                        }
                        collectReferences(value, resources, into);
                    }
                    default -> collectReferences(value, resources, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, resources, into));
        }
    }

    private static void addResource(String name, Set<String> resources, Set<String> into) {
        if (resources.contains(name)) {
            into.add(name);
        }
    }

    private static void collectStatements(Object node, List<Object> into) {
        if (node instanceof Map<?, ?> map) {
            Object statement = map.get("Statement");
            if (statement instanceof List<?> list) {
                into.addAll(list);
            }
            map.values().forEach(v -> collectStatements(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStatements(item, into));
        }
    }

    private static Map<String, Object> section(String name) {
        return map(template, name);
    }

    private static String type(Map<String, Object> resources, String name) {
        assertThat(resources).as("resource " + name).containsKey(name);
        return String.valueOf(map(resources, name).get("Type"));
    }

    private static Map<String, Object> properties(Map<String, Object> resources, String name) {
        return map(map(resources, name), "Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> value) {
        return value == null ? new LinkedHashMap<>() : value;
    }
}
