package com.nomidio.connect.deployment.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.deployment.flows.ContactFlowsResource;
import com.nomidio.connect.deployment.lex.LexBotsResource;
import com.nomidio.connect.deployment.secret.SecretResource;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
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

/**
 * The one test of template.yaml (at the repository root), read whole with snakeyaml: the guide's resources,
 * parameters, conditions and outputs; each function's handler class, jar and environment against the code; and
 * {@code events/sam-local-env.json} against the functions' environments.
 */
class TemplateYamlTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final Path SAM_LOCAL_ENV = Path.of("..", "events", "sam-local-env.json");
    private static final Path EMULATOR_SEED = Path.of("..", "dev-tools", "nomidio-emulator", "src", "main", "resources",
            "seed-identities.json");
    /** The plain secret: only {@code sam local} sets it (the functions refuse it unless AWS_SAM_LOCAL=true). */
    private static final String PLAIN_SECRET = AccessKeySecrets.ACCESS_KEY_SECRET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, Object> template;

    @BeforeAll
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(TEMPLATE)) {
            template = CloudFormationYaml.load(reader);
        }
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
        assertThat(type(resources, "nomidioLexBots")).isEqualTo(LexBotsResource.TYPE);
        assertThat(type(resources, "nomidioLexBotRole")).isEqualTo("AWS::IAM::Role");
        assertThat(type(resources, "deploymentHelperLexPolicy")).isEqualTo("AWS::IAM::Policy");
        // Replaced by SAM's own packaging (see the README).
        assertThat(resources).doesNotContainKeys("deployLambdaPackagesFunction", "deployLambdaPackagesIAMRole");
    }

    @Test
    void functions_whenDeclared_pointAtTheBuiltJarsAndHandlersOnThePublishedAlias() throws ReflectiveOperationException {
        Map<String, Object> resources = section("Resources");

        assertFunction(resources, "nomidioAction", "nomidio-action/target/nomidio-action-lambda.jar",
                "com.nomidio.connect.action.entrypoints.NomidioActionHandler::handleRequest", true);
        assertFunction(resources, "sampleUpload", "sample-upload/target/sample-upload-lambda.jar",
                "com.nomidio.connect.upload.entrypoints.SampleUploadHandler::handleRequest", true);
        assertFunction(resources, "nomidioLex", "nomidio-lex/target/nomidio-lex-lambda.jar",
                "com.nomidio.connect.lex.entrypoints.NomidioLexHandler::handleRequest", true);
        assertFunction(resources, "deploymentHelper", "deployment-helper/target/deployment-helper-lambda.jar",
                "com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandler::handleRequest", false);
        assertFunction(resources, "nomidioAgentApi", "agent-api/target/agent-api-lambda.jar",
                "com.nomidio.connect.agentapi.entrypoints.AgentApiHandler::handleRequest", true);
        Map<String, Object> globals = map(map(template, "Globals"), "Function");
        assertThat(globals).containsEntry("Runtime", "java21");
        assertThat(map(map(globals, "Environment"), "Variables"))
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }

    @Test
    void functions_whenTheirHandlerIsLoaded_haveWhatTheJavaRuntimeCalls() throws ReflectiveOperationException {
        for (String function : functionNames()) {
            String handler = String.valueOf(properties(section("Resources"), function).get("Handler"));
            String className = handler.substring(0, handler.indexOf("::"));
            // Loaded, not initialised: no static set-up runs, the class and its members are what is checked.
            Class<?> type = Class.forName(className, false, getClass().getClassLoader());

            assertThat(handler).as(function).endsWith("::handleRequest");
            assertThat(Modifier.isPublic(type.getModifiers())).as(className).isTrue();
            // Connect and the async invoke send JSON the functions read themselves; CloudFormation's events go
            // through Powertools' RequestHandler, the HTTP API's through the events library's payload format 2.0.
            if (function.equals("deploymentHelper") || function.equals("nomidioAgentApi")) {
                assertThat(RequestHandler.class).as(className).isAssignableFrom(type);
            } else {
                assertThat(RequestStreamHandler.class).as(className).isAssignableFrom(type);
                assertThat(type.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class))
                        .as(className).isNotNull();
            }
            // The Lambda runtime builds the handler with its public no-argument constructor.
            assertThat(type.getConstructor()).as(className).isNotNull();
        }
    }

    @Test
    void functions_whenGivenTheSecret_getOnlyItsCiphertextUnderTheClientsVariableNames() {
        for (String function : List.of("nomidioAction", "sampleUpload", "nomidioLex", "nomidioAgentApi")) {
            Map<String, Object> variables = variables(function);
            assertThat(variables.get(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT))
                    .isEqualTo(Map.of("Fn::GetAtt", List.of("nomidioSecret", SecretResource.CIPHERTEXT_ATTRIBUTE)));
            assertThat(variables).containsKeys(GatewayConfig.GATEWAY_URL, GatewayConfig.SUPPLIER_CODE,
                    GatewayConfig.ENTERPRISE_CODE, GatewayConfig.ACCESS_KEY_ID);
            assertThat(variables.toString()).doesNotContain("AccessKeySecret");
            // Declared only so that sam local --env-vars may set it (SAM sets no variable the template lacks); empty
            // when deployed, where the functions use the ciphertext.
            assertThat(variables).containsEntry(PLAIN_SECRET, "");
        }
    }

    @Test
    void nomidioAction_whenConfigured_getsEveryEnvironmentVariableTheCodeReads() {
        // What nomidioAction's wiring reads: the gateway client's variables and its own two.
        assertThat(variables("nomidioAction")).containsKeys(GatewayConfig.GATEWAY_URL,
                GatewayConfig.SUPPLIER_CODE, GatewayConfig.ENTERPRISE_CODE,
                GatewayConfig.ACCESS_KEY_ID, AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT,
                "DEFAULT_COUNTRY_CODE", "SAMPLE_UPLOAD_FUNCTION");
        assertThat(variables("nomidioAction").get("SAMPLE_UPLOAD_FUNCTION")).isEqualTo(Map.of("Ref", "sampleUpload.Alias"));
    }

    @Test
    void sampleUpload_whenConfigured_getsEveryEnvironmentVariableTheCodeReads() {
        assertThat(variables("sampleUpload")).containsKeys(GatewayConfig.GATEWAY_URL,
                GatewayConfig.SUPPLIER_CODE, GatewayConfig.ENTERPRISE_CODE,
                GatewayConfig.ACCESS_KEY_ID, AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT)
                .containsEntry("KVS_START_SELECTOR", "PRODUCER_TIMESTAMP")
                .containsEntry("UPLOAD_RESERVE_MS", "4000");
    }

    /**
     * The file gives each function exactly the variables template.yaml declares for it: SAM's --env-vars only
     * overrides declared variables (an extra one would silently not arrive), and one left out would keep the
     * deployed value (a parameter SAM cannot resolve). The file keeps the KMS ciphertext variable, set empty, and
     * carries the secret in the plain variable instead, which the functions accept only under AWS_SAM_LOCAL=true.
     * Globals' JAVA_TOOL_OPTIONS stays as deployed.
     */
    @Test
    void samLocalEnvironment_whenComparedWithTheTemplate_namesExactlyEachFunctionsVariables() throws IOException {
        Map<String, Map<String, String>> file = JSON.readValue(SAM_LOCAL_ENV.toFile(), new TypeReference<>() { });

        assertThat(file.keySet()).containsExactlyInAnyOrderElementsOf(functionNames());
        for (String function : functionNames()) {
            assertThat(file.get(function).keySet()).as(function)
                    .containsExactlyInAnyOrderElementsOf(variables(function).keySet());
        }
        for (String function : List.of("nomidioAction", "sampleUpload", "nomidioLex", "nomidioAgentApi")) {
            assertThat(file.get(function)).as(function).containsEntry(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, "")
                    .doesNotContainKey("JAVA_TOOL_OPTIONS");
            assertThat(file.get(function).get(PLAIN_SECRET)).as(function).isNotBlank();
        }
        assertThat(file.get("deploymentHelper")).as("deploymentHelper never calls the gateway").isEmpty();
    }

    @Test
    void samLocalEnvironment_whenRead_pointsEveryFunctionAtTheEmulatorWithItsDefaultCredentials() throws IOException {
        Map<String, Map<String, String>> file = JSON.readValue(SAM_LOCAL_ENV.toFile(), new TypeReference<>() { });
        JsonNode seed = JSON.readTree(EMULATOR_SEED.toFile());
        JsonNode key = seed.path("accessKeys").path(0);

        for (String function : List.of("nomidioAction", "sampleUpload", "nomidioLex", "nomidioAgentApi")) {
            // With --docker-network host the container shares the host's loopback, where the emulator listens on 8090.
            assertThat(file.get(function)).as(function)
                    .containsEntry(GatewayConfig.GATEWAY_URL, "http://127.0.0.1:8090")
                    .containsEntry(GatewayConfig.SUPPLIER_CODE, seed.path("supplierCode").asText())
                    .containsEntry(GatewayConfig.ENTERPRISE_CODE, seed.path("enterpriseCode").asText())
                    .containsEntry(GatewayConfig.ACCESS_KEY_ID, key.path("id").asText())
                    .containsEntry(PLAIN_SECRET, key.path("secret").asText());
        }
        // The other variables as deployed, so that a local run behaves like the deployed one.
        assertThat(file.get("nomidioAction")).containsEntry("DEFAULT_COUNTRY_CODE",
                String.valueOf(map(section("Parameters"), "DefaultCountryCode").get("Default")));
        Map<String, Object> sampleUpload = variables("sampleUpload");
        assertThat(file.get("sampleUpload"))
                .containsEntry("KVS_START_SELECTOR", String.valueOf(sampleUpload.get("KVS_START_SELECTOR")))
                .containsEntry("UPLOAD_RESERVE_MS", String.valueOf(sampleUpload.get("UPLOAD_RESERVE_MS")));
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
        for (String arn : List.of("PreFlowArn", "PostFlowArn", "ChallengeFlowArn", "AgentChallengeQueueFlowArn")) {
            assertThat(map(outputs, arn)).containsEntry("Condition", "DeployContactFlowsToInstance");
        }
        // Issue 10: the keypad AUTHENTICATION flow only while voice keeps the keypad menus (InteractionConfigurationTest).
        assertThat(map(outputs, "AuthenticationFlowArn")).containsEntry("Condition", "KeypadFlowInInstance");
        assertThat(map(outputs, "LexAuthenticationFlowArn")).containsEntry("Condition", "LexFlowInInstance");
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
            if ("Deny".equals(((Map<?, ?>) statement).get("Effect")) || isAccountRootKeyStatement(statement)) {
                continue; // a Deny narrows; the key's recovery statement is AWS's default (checked on its own)
            }
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
    void parameters_whenAddedForDeployment_haveSafeDefaultsAndTheStreamPrefixIsRequired() {
        Map<String, Object> parameters = section("Parameters");

        // Connect has no default prefix: the operator must type the one set on the instance.
        assertThat(map(parameters, "KvsStreamNamePrefix")).doesNotContainKey("Default")
                .containsEntry("AllowedPattern", "^[a-zA-Z0-9_.-]{1,128}$");
        assertThat(String.valueOf(map(parameters, "KvsStreamNamePrefix").get("Description")))
                .doesNotContain("default prefix");
        assertThat(map(parameters, "AdoptExistingFlows")).containsEntry("Default", "false")
                .containsEntry("AllowedValues", List.of("true", "false"));
        assertThat(map(parameters, "LogRetentionInDays")).containsEntry("Default", 30);
    }

    @Test
    void functions_whenTheyLog_writeToAStackLogGroupWithRetentionAndCannotCreateAnother() {
        Map<String, Object> resources = section("Resources");
        for (String function : functionNames()) {
            Map<String, Object> logging = map(properties(resources, function), "LoggingConfig");
            String group = String.valueOf(((Map<?, ?>) logging.get("LogGroup")).get("Ref"));
            assertThat(type(resources, group)).as(function).isEqualTo("AWS::Logs::LogGroup");
            assertThat(properties(resources, group)).as(group)
                    .containsEntry("RetentionInDays", Map.of("Ref", "LogRetentionInDays"))
                    .containsEntry("LogGroupName", Map.of("Fn::Sub", "/aws/lambda/${AWS::StackName}-" + function));
        }
        // AWSLambdaBasicExecutionRole grants logs:CreateLogGroup on every group: no role may carry it.
        assertThat(resources.toString()).doesNotContain("AWSLambdaBasicExecutionRole").doesNotContain("logs:CreateLogGroup");
    }

    @Test
    void bucket_whenCreated_isVersionedAndRefusesEveryRequestWithoutTls() {
        Map<String, Object> resources = section("Resources");
        assertThat(map(properties(resources, "s3Bucket"), "VersioningConfiguration")).containsEntry("Status", "Enabled");

        Map<String, Object> policy = properties(resources, "s3BucketPolicy");
        assertThat(policy.get("Bucket")).isEqualTo(Map.of("Ref", "s3Bucket"));
        List<?> statements = (List<?>) map(policy, "PolicyDocument").get("Statement");
        assertThat(statements.getFirst()).isEqualTo(Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*",
                "Action", "s3:*",
                "Resource", List.of(Map.of("Fn::GetAtt", List.of("s3Bucket", "Arn")), Map.of("Fn::Sub", "${s3Bucket.Arn}/*")),
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        // The one other statement: the softphone's distribution reading softphone/, only when it is deployed
        // (SoftphoneTemplateTest checks its content).
        assertThat(statements).hasSize(2);
        assertThat((List<?>) ((Map<?, ?>) statements.get(1)).get("Fn::If")).first().isEqualTo("DeploySoftphone");
    }

    @Test
    void agentChallengeQuickConnect_whenFlowsAreDeployed_isServedByTheHelperWithItsOwnScopedPolicy() {
        Map<String, Object> resources = section("Resources");
        Map<String, Object> quickConnect = map(resources, "nomidioAgentChallengeQuickConnect");
        Map<String, Object> policy = map(resources, "deploymentHelperQuickConnectPolicy");

        assertThat(quickConnect).containsEntry("Type", "Custom::NomidioAgentChallengeQuickConnect")
                .containsEntry("Condition", "DeployContactFlowsToInstance")
                .containsEntry("DependsOn", "deploymentHelperQuickConnectPolicy");
        assertThat(properties(resources, "nomidioAgentChallengeQuickConnect"))
                .containsEntry("ServiceToken", Map.of("Fn::GetAtt", List.of("deploymentHelper", "Arn")))
                .containsEntry("ServiceTimeout", 360)
                .containsEntry("WorkingQueueName", Map.of("Ref", "WorkingQueueName"))
                .containsEntry("AgentChallengeFlowArn",
                        Map.of("Fn::GetAtt", List.of("nomidioContactFlows", "AgentChallengeQueueFlowArn")));
        assertThat(policy).containsEntry("Condition", "DeployContactFlowsToInstance");
        assertThat(properties(resources, "deploymentHelperQuickConnectPolicy").get("Roles"))
                .isEqualTo(List.of(Map.of("Ref", "deploymentHelperIAMRole")));
    }

    @Test
    void customResources_whenWaitedFor_timeOutSoonAfterTheHelperRatherThanInAnHour() {
        Map<String, Object> resources = section("Resources");
        int helperTimeout = (Integer) properties(resources, "deploymentHelper").get("Timeout");
        for (String resource : List.of("nomidioSecret", "nomidioContactFlows", "nomidioLexBots")) {
            Object serviceTimeout = properties(resources, resource).get("ServiceTimeout");
            assertThat(serviceTimeout).as(resource).isInstanceOf(Integer.class);
            assertThat((Integer) serviceTimeout).as(resource).isGreaterThan(helperTimeout).isLessThan(3600);
        }
        assertThat(properties(resources, "nomidioContactFlows"))
                .containsEntry("AdoptExistingFlows", Map.of("Ref", "AdoptExistingFlows"))
                // The manual import's second pass changes it to get an Update, hence a new render.
                .containsEntry("Revision", Map.of("Ref", "ContactFlowsRevision"));
    }

    @Test
    void encryptionKey_whenItsAdministratorIsGone_canBeRecoveredByTheAccount() {
        List<?> statements = (List<?>) map(properties(section("Resources"), "encryptionKey"), "KeyPolicy").get("Statement");

        assertThat(statements).filteredOn(TemplateYamlTest::isAccountRootKeyStatement).hasSize(1);
    }

    /** AWS's default key policy statement: the account root principal, every KMS action. */
    private static boolean isAccountRootKeyStatement(Object statement) {
        Map<?, ?> map = (Map<?, ?>) statement;
        return "Allow".equals(map.get("Effect")) && "kms:*".equals(map.get("Action")) && "*".equals(map.get("Resource"))
                && Map.of("AWS", Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"))
                .equals(map.get("Principal"));
    }

    @Test
    void sampleUpload_whenInvoked_canBeInvokedOnlyByNomidioActionOnItsAlias() {
        Map<String, Object> resources = section("Resources");

        // No resource policy lets any other principal (no Permission, no event source) in.
        assertThat(properties(resources, "sampleUpload")).doesNotContainKey("Events");
        for (String name : resources.keySet()) {
            if ("AWS::Lambda::Permission".equals(map(resources, name).get("Type"))) {
                assertThat(properties(resources, name).get("FunctionName").toString()).as(name).doesNotContain("sampleUpload");
            }
        }
        // The one identity grant: nomidioAction's role, InvokeFunction, on the published alias only.
        List<String> granting = new ArrayList<>();
        for (String name : resources.keySet()) {
            List<Object> statements = new ArrayList<>();
            collectStatements(resources.get(name), statements);
            for (Object statement : statements) {
                if (statement.toString().contains("lambda:Invoke") && statement.toString().contains("sampleUpload")) {
                    granting.add(name);
                    assertThat(((Map<?, ?>) statement).get("Resource")).isEqualTo(Map.of("Ref", "sampleUpload.Alias"));
                    assertThat(((Map<?, ?>) statement).get("Action")).isEqualTo("lambda:InvokeFunction");
                }
            }
        }
        assertThat(granting).containsExactly("nomidioActionIAMRole");
    }

    @Test
    void nomidioSecret_whenAParameterTheFunctionsUseChanges_isUpdatedAndItsFingerprintIsTheirVersionDescription() {
        Map<String, Object> resources = section("Resources");
        Map<String, Object> secret = properties(resources, "nomidioSecret");
        for (String function : functionNames()) {
            if (!properties(resources, function).containsKey("AutoPublishAlias")) {
                continue;
            }
            assertThat(properties(resources, function).get("VersionDescription")).as(function)
                    .isEqualTo(Map.of("Fn::GetAtt", List.of("nomidioSecret", SecretResource.FINGERPRINT_ATTRIBUTE)));
            Set<String> parameters = new HashSet<>();
            collectParameterRefs(variables(function), section("Parameters").keySet(), parameters);
            for (String parameter : parameters) {
                // Passed as a property of the same name: CloudFormation sends an Update when its value changes.
                assertThat(secret).as(function + " uses " + parameter).containsEntry(parameter, Map.of("Ref", parameter));
            }
        }
    }

    private static void collectParameterRefs(Object node, Set<String> parameters, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Ref".equals(key) && parameters.contains(String.valueOf(value))) {
                    into.add(String.valueOf(value));
                } else if ("Fn::Sub".equals(key)) {
                    Matcher matcher = SUB_REFERENCE.matcher(String.valueOf(value instanceof List<?> l ? l.getFirst() : value));
                    while (matcher.find()) {
                        if (parameters.contains(matcher.group(1))) {
                            into.add(matcher.group(1));
                        }
                    }
                    collectParameterRefs(value, parameters, into);
                } else {
                    collectParameterRefs(value, parameters, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectParameterRefs(item, parameters, into));
        }
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

    @Test
    void lexBots_whenChatIsEnabled_areDeployedByTheHelperWithNomidioLexLiveAsCodeHook() {
        Map<String, Object> resources = section("Resources");
        Map<String, Object> bots = map(resources, "nomidioLexBots");

        assertThat(bots).containsEntry("Type", LexBotsResource.TYPE).containsEntry("Condition", "ChatEnabled")
                .containsEntry("DependsOn", "deploymentHelperLexPolicy");
        assertThat(map(bots, "Properties"))
                .containsEntry("ServiceToken", Map.of("Fn::GetAtt", List.of("deploymentHelper", "Arn")))
                .containsEntry("ServiceTimeout", 360)
                .containsEntry("CodeHookArn", Map.of("Ref", "nomidioLex.Alias"))
                .containsEntry("BotRoleArn", Map.of("Fn::GetAtt", List.of("nomidioLexBotRole", "Arn")))
                .containsEntry("ConnectInstanceId", Map.of("Ref", "ConnectInstanceId"))
                // Automatic association exactly when the flows are deployed; README step 4 otherwise.
                .containsEntry("AssociateWithInstance", Map.of("Ref", "DeployContactFlows"))
                .containsOnlyKeys("ServiceToken", "ServiceTimeout", "CodeHookArn", "BotRoleArn", "ConnectInstanceId",
                        "AssociateWithInstance", "Revision");
        assertThat(map(section("Outputs"), "LexBotAliasArn")).containsEntry("Condition", "ChatEnabled")
                .containsEntry("Value", Map.of("Fn::GetAtt", List.of("nomidioLexBots", "BotAliasArn")));
        assertThat(map(resources, "nomidioLexBotRole")).containsEntry("Condition", "ChatEnabled");
        assertThat(map(resources, "deploymentHelperLexPolicy")).containsEntry("Condition", "ChatEnabled");
    }

    @Test
    void nomidioLexBotRole_whenAssumed_isForLexV2InThisAccountAndAllowsOnlySpeech() {
        Map<String, Object> role = properties(section("Resources"), "nomidioLexBotRole");
        List<Object> trust = new ArrayList<>();
        collectStatements(role.get("AssumeRolePolicyDocument"), trust);
        List<Object> permissions = new ArrayList<>();
        collectStatements(role.get("Policies"), permissions);

        assertThat(trust).singleElement().asString().contains("Service=lexv2.amazonaws.com")
                .contains("aws:SourceAccount={Ref=AWS::AccountId}");
        assertThat(permissions).singleElement().isEqualTo(Map.of("Effect", "Allow", "Action", "polly:SynthesizeSpeech",
                "Resource", "*"));
    }

    @Test
    void deploymentHelperLexPolicy_whenScanned_allowsEveryLexCallTheHelperMakesOnlyOnThisStacksBots() throws IOException {
        Map<String, Object> policy = properties(section("Resources"), "deploymentHelperLexPolicy");
        List<Object> statements = new ArrayList<>();
        collectStatements(policy.get("PolicyDocument"), statements);
        Set<String> allowed = new HashSet<>();

        assertThat(policy.get("Roles")).isEqualTo(List.of(Map.of("Ref", "deploymentHelperIAMRole")));
        for (Object item : statements) {
            Map<?, ?> statement = (Map<?, ?>) item;
            Object actions = statement.get("Action");
            List<String> names = (actions instanceof List<?> list ? list : List.of(actions)).stream()
                    .map(String::valueOf).toList();
            allowed.addAll(names);
            boolean lexOnResources = names.stream().anyMatch(a -> a.startsWith("lex:")) && !names.equals(List.of("lex:ListBots"));
            if (lexOnResources) {
                // Bot ids are generated: the stack's tag, not a name, keeps other bots out of reach.
                assertThat(statement.get("Resource").toString()).contains(":bot/*").contains(":bot-alias/*");
                assertThat(statement.get("Condition").toString())
                        .containsAnyOf("aws:ResourceTag/" + LexBotsResource.STACK_TAG + "={Ref=AWS::StackName}",
                                "aws:RequestTag/" + LexBotsResource.STACK_TAG + "={Ref=AWS::StackName}");
            } else if (names.contains("lex:ListBots")) {
                assertThat(names).containsExactly("lex:ListBots");
            } else if (names.contains("iam:PassRole")) {
                assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of("nomidioLexBotRole", "Arn")));
                assertThat(statement.get("Condition").toString()).contains("iam:PassedToService=lexv2.amazonaws.com");
            } else if (names.stream().anyMatch(a -> a.startsWith("connect:"))) {
                assertThat(statement.get("Resource").toString()).contains("instance/${ConnectInstanceId}");
            } else {
                assertThat(statement.get("Resource").toString()).contains("role/aws-service-role/connect.amazonaws.com/");
            }
        }
        // Every lexmodelsv2 operation LexBotsApi calls, and the Connect bot calls, are granted.
        String api = Files.readString(Path.of("src", "main", "java", "com", "nomidio", "connect", "deployment", "aws",
                "LexBotsApi.java"));
        Matcher calls = Pattern.compile("\\blex\\.([a-z][A-Za-z]+)\\(").matcher(api);
        Set<String> used = new HashSet<>();
        while (calls.find()) {
            String operation = calls.group(1).replace("Paginator", "");
            used.add("lex:" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
        }
        assertThat(used).contains("lex:CreateBot", "lex:BuildBotLocale", "lex:CreateBotVersion", "lex:UpdateBotAlias");
        assertThat(allowed).containsAll(used).contains("connect:AssociateBot", "connect:DisassociateBot",
                "connect:ListBots", "iam:PassRole");
    }

    // ---- helpers ----

    private static void assertFunction(Map<String, Object> resources, String name, String codeUri, String handler,
                                       boolean snapStartAlias) {
        Map<String, Object> function = map(resources, name);
        Map<String, Object> properties = map(function, "Properties");
        assertThat(properties).containsEntry("CodeUri", codeUri).containsEntry("Handler", handler);
        assertThat(map(function, "Metadata")).containsEntry("SkipBuild", true);
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
                for (Object item : list) {
                    // A conditional statement (Fn::If [condition, statement, AWS::NoValue]): each statement branch.
                    if (item instanceof Map<?, ?> conditional && conditional.get("Fn::If") instanceof List<?> branches) {
                        branches.stream().skip(1).filter(b -> b instanceof Map<?, ?> m && m.containsKey("Effect"))
                                .forEach(into::add);
                    } else {
                        into.add(item);
                    }
                }
            }
            map.values().forEach(v -> collectStatements(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStatements(item, into));
        }
    }

    private static List<String> functionNames() {
        Map<String, Object> resources = section("Resources");
        return resources.keySet().stream()
                .filter(name -> "AWS::Serverless::Function".equals(map(resources, name).get("Type")))
                .toList();
    }

    /** The function's own Environment.Variables (none: empty), without Globals'. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(String function) {
        Object environment = properties(section("Resources"), function).get("Environment");
        Object variables = environment == null ? null : ((Map<String, Object>) environment).get("Variables");
        return variables == null ? Map.of() : (Map<String, Object>) variables;
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
}
