package com.nomidio.connect.deployment.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandlerAccess;
import com.nomidio.connect.deployment.secret.SecretResource;
import com.nomidio.connect.deployment.testing.DeploymentHelperHarness;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A parameter-only update (rotated credentials, a new gateway URL, supplier, enterprise or country code) must
 * reach the {@code live} alias. Checked on template.yaml as SAM translates it, with SAM's rule modelled from its
 * translator (aws/serverless-application-model, samtranslator/model/sam_resources.py, {@code _construct_version}
 * and {@code _construct_alias}), as no SAM CLI runs here:
 * <ul>
 *   <li>the AWS::Lambda::Version's logical id is {@code <Function>Version} + 10 hex of SHA-1 over the CodeUri
 *       with parameter Refs resolved, the Environment <em>unresolved</em>, MemorySize and SnapStart — so a new
 *       parameter value alone keeps the same Version resource;</li>
 *   <li>its Description is the function's VersionDescription, passed through (an intrinsic stays one);</li>
 *   <li>the alias's FunctionVersion is {@code !GetAtt <Version>.Version}.</li>
 * </ul>
 * CloudFormation then resolves the Description; AWS::Lambda::Version's Description is "Update requires:
 * Replacement", so a changed value publishes a new version and moves the alias. The fingerprint it resolves to
 * comes from the real deploymentHelper, given nomidioSecret's properties resolved from the same parameters.
 */
class SamVersionPublishingTest {

    private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String KEY_ARN = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String HELPER_ARN = "arn:aws:lambda:eu-west-2:111122223333:function:nomidio-connect-deploymentHelper-Q1w2E3r4T5y6";
    /** The values of a first deployment. */
    private static final Map<String, String> DEPLOYED = Map.of(
            "AccessKeyId", "9ODO5FL9B50A5V9Y0Q6Q", "AccessKeySecret", "example-secret-not-a-real-one",
            "GatewayUrl", "https://gateway.example.com", "SupplierCode", "SUP-EXAMPLE",
            "EnterpriseCode", "ENT-EXAMPLE", "DefaultCountryCode", "GB");

    private final Map<String, Object> template = CloudFormationYaml.loadTemplate();
    @RegisterExtension
    final DeploymentHelperHarness harness = new DeploymentHelperHarness();
    private final DeploymentHelperHandlerAccess helper = new DeploymentHelperHandlerAccess(harness.dispatcher(Duration.ofSeconds(2)));

    @ParameterizedTest
    @ValueSource(strings = {"AccessKeyId", "GatewayUrl", "SupplierCode", "EnterpriseCode", "DefaultCountryCode"})
    void update_whenOnlyAParameterChanges_replacesEachVersionSoLiveMoves(String parameter) throws Exception {
        Map<String, String> changed = new LinkedHashMap<>(DEPLOYED);
        changed.put(parameter, parameter.equals("AccessKeyId") ? "7KQ2M4X8P1R6T3V9W5Z0" : DEPLOYED.get(parameter) + "-2");
        if (parameter.equals("AccessKeyId")) {
            changed.put("AccessKeySecret", "example-rotated-secret-not-real");
        }
        String before = fingerprint("Create", DEPLOYED);
        String after = fingerprint("Update", changed);

        for (String function : List.of("nomidioAction", "sampleUpload")) {
            Map<String, Object> versionBefore = translatedVersion(function, DEPLOYED);
            Map<String, Object> versionAfter = translatedVersion(function, changed);
            // SAM alone: the same Version resource (the Environment is hashed with its Refs unresolved) ...
            assertThat(versionAfter.get("LogicalId")).as(function).isEqualTo(versionBefore.get("LogicalId"));
            // ... whose Description is the fingerprint ...
            assertThat(versionAfter.get("Description")).as(function)
                    .isEqualTo(Map.of("Fn::GetAtt", List.of("nomidioSecret", SecretResource.FINGERPRINT_ATTRIBUTE)));
            // ... which resolves to another value: CloudFormation replaces the Version (a new published version).
            assertThat(resolve(versionAfter.get("Description"), after)).as(function)
                    .isNotEqualTo(resolve(versionBefore.get("Description"), before));
            // The alias follows the replaced Version's number.
            assertThat(translatedAlias(function, (String) versionAfter.get("LogicalId")))
                    .isEqualTo(Map.of("Fn::GetAtt", List.of(versionAfter.get("LogicalId"), "Version")));
        }
    }

    /** The Fingerprint the real helper answers for nomidioSecret's template properties resolved with {@code values}. */
    @SuppressWarnings("unchecked")
    private String fingerprint(String requestType, Map<String, String> values) {
        harness.kms.holds(values.get("AccessKeySecret"), SecretEncryptionContext.forAccessKey(values.get("AccessKeyId")));
        Map<String, Object> properties = (Map<String, Object>) resources("nomidioSecret").get("Properties");
        CloudFormationCustomResourceEvent event = harness.event("deployment-helper-create-secret.json");
        event.setRequestType(requestType);
        if (requestType.equals("Update")) {
            event.setPhysicalResourceId("nomidio-secret-6d66cd45b549");
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        properties.forEach((name, value) -> resolved.put(name, resolveProperty(value, values)));
        event.setResourceProperties(resolved);
        harness.cloudFormation.clear();

        helper.handle(event, new LocalLambdaContext("deploymentHelper", 60_000));

        var answer = harness.cloudFormation.onlyAnswer().json();
        assertThat(answer.get("Status").asText()).as(answer.toString()).isEqualTo("SUCCESS");
        return answer.at("/Data/" + SecretResource.FINGERPRINT_ATTRIBUTE).asText();
    }

    /** A property value as CloudFormation resolves it (numbers arrive as strings at a custom resource). */
    private static Object resolveProperty(Object value, Map<String, String> values) {
        if (value instanceof Map<?, ?> map && map.get("Ref") instanceof String name) {
            return values.get(name);
        }
        if (value instanceof Map<?, ?> map && map.get("Fn::GetAtt") instanceof List<?> att) {
            return switch (att.getFirst() + "." + att.get(1)) {
                case "encryptionKey.Arn" -> KEY_ARN;
                case "deploymentHelper.Arn" -> HELPER_ARN;
                default -> throw new AssertionError("no value for " + att);
            };
        }
        return String.valueOf(value);
    }

    private static Object resolve(Object description, String fingerprint) {
        return description instanceof Map<?, ?> map && List.of("nomidioSecret", SecretResource.FINGERPRINT_ATTRIBUTE)
                .equals(map.get("Fn::GetAtt")) ? fingerprint : description;
    }

    /** SAM's _construct_version (AutoPublishAliasAllProperties unset): the logical id and the Description. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> translatedVersion(String function, Map<String, String> values) throws Exception {
        Map<String, Object> properties = (Map<String, Object>) resources(function).get("Properties");
        assertThat(properties).doesNotContainKey("AutoPublishAliasAllProperties").doesNotContainKey("AutoPublishCodeSha256");
        Map<String, Object> hashed = new TreeMap<>();
        // CodeUri with parameter Refs resolved (resolve_parameter_refs); ours is a path, packaged to S3 by SAM.
        hashed.put("CodeUri", resolveParameterRefs(properties.get("CodeUri"), values));
        // Environment as written: logical_dict.update(function.Environment) — the Refs stay Refs.
        Map<String, Object> environment = (Map<String, Object>) properties.get("Environment");
        if (environment != null) {
            hashed.putAll(environment);
        }
        if (properties.get("MemorySize") != null) {
            hashed.put("MemorySize", properties.get("MemorySize"));
        }
        Map<String, Object> snapStart = (Map<String, Object>) properties.get("SnapStart");
        if (snapStart != null && !"None".equals(snapStart.get("ApplyOn"))) {
            hashed.put("SnapStart", snapStart);
        }
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(SORTED.writeValueAsString(hashed).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("LogicalId", function + "Version" + HexFormat.of().formatHex(sha1).substring(0, 10));
        version.put("Description", properties.get("VersionDescription"));
        return version;
    }

    /** SAM's _construct_alias: FunctionVersion is the version resource's Version attribute. */
    @SuppressWarnings("unchecked")
    private Object translatedAlias(String function, String versionLogicalId) {
        assertThat(((Map<String, Object>) resources(function).get("Properties")).get("AutoPublishAlias")).isEqualTo("live");
        return Map.of("Fn::GetAtt", List.of(versionLogicalId, "Version"));
    }

    private static Object resolveParameterRefs(Object value, Map<String, String> values) {
        if (value instanceof Map<?, ?> map && map.get("Ref") instanceof String name && values.containsKey(name)) {
            return values.get(name);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resources(String name) {
        return (Map<String, Object>) ((Map<String, Object>) template.get("Resources")).get(name);
    }
}
