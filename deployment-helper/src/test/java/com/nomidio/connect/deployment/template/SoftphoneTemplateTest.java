package com.nomidio.connect.deployment.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.agentapi.adapters.HttpApiEvents;
import com.nomidio.connect.agentapi.entrypoints.AgentApiWiring;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's "Softphone and agent API (issue 11)" block: all of it only with DeployStandaloneSoftphone true,
 * the bucket readable by the distribution only, the origin approved on the instance, the agent API scoped to this
 * instance's contacts, CORS for the softphone's origin only, throttled, the optional Cognito authorizer, and the
 * softphone custom resource with the property names deploymentHelper reads.
 */
class SoftphoneTemplateTest {

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");
    private static final Map<String, Object> SOFTPHONE_ORIGIN =
            Map.of("Fn::Sub", "https://${softphoneDistribution.DomainName}");
    private static final Set<String> SOFTPHONE_RESOURCES = Set.of("softphoneOriginAccessControl",
            "softphoneDistribution", "softphoneApprovedOrigin", "nomidioAgentApiLogGroup", "nomidioAgentApiIAMRole",
            "nomidioAgentApi", "agentHttpApi", "agentHttpApiIntegration", "agentHttpApiAuthorizer",
            "agentHttpApiReadRoute", "agentHttpApiActionRoute", "agentHttpApiStage", "agentHttpApiInvokePermission",
            "deploymentHelperSoftphonePolicy", "nomidioSoftphone");

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void load() {
        template = CloudFormationYaml.loadTemplate();
        resources = map(template, "Resources");
    }

    @Test
    void softphoneResources_whenTheSoftphoneIsNotDeployed_doNotExist() {
        for (String name : SOFTPHONE_RESOURCES) {
            Object condition = map(resources, name).get("Condition");
            assertThat(condition).as(name).isIn("DeploySoftphone", "AgentApiCognitoEnabled");
        }
        assertThat(map(map(template, "Conditions"), "AgentApiCognitoEnabled").toString()).contains("DeploySoftphone");
        assertThat(map(map(template, "Outputs"), "SoftphoneUrl"))
                .containsEntry("Condition", "DeploySoftphone")
                .containsEntry("Value", Map.of("Fn::Sub", "https://${softphoneDistribution.DomainName}/"));
    }

    /** CloudFormation refuses a resource that exists without its condition but names one that does not. */
    @Test
    void unconditionedResources_whenTheSoftphoneIsNotDeployed_nameNoneOfItOutsideAnIf() {
        Set<String> conditioned = new HashSet<>();
        resources.forEach((name, resource) -> {
            if (((Map<?, ?>) resource).containsKey("Condition")) {
                conditioned.add(name);
            }
        });
        for (String name : resources.keySet()) {
            if (conditioned.contains(name)) {
                continue;
            }
            Set<String> referenced = new HashSet<>();
            collectReferencesOutsideIf(resources.get(name), resources.keySet(), referenced);
            assertThat(referenced).as(name).doesNotContainAnyElementsOf(conditioned);
        }
    }

    @Test
    void bucket_whenTheSoftphoneIsDeployed_isReadableUnderSoftphoneOnlyByItsDistribution() {
        List<?> statements = (List<?>) map(properties("s3BucketPolicy"), "PolicyDocument").get("Statement");
        List<?> ifSoftphone = (List<?>) ((Map<?, ?>) statements.get(1)).get("Fn::If");

        assertThat(ifSoftphone.get(0)).isEqualTo("DeploySoftphone");
        assertThat(ifSoftphone.get(1)).isEqualTo(Map.of(
                "Sid", "SoftphoneReadByItsDistributionOnly", "Effect", "Allow",
                "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                "Action", "s3:GetObject",
                "Resource", Map.of("Fn::Sub", "${s3Bucket.Arn}/softphone/*"),
                "Condition", Map.of("StringEquals", Map.of("AWS:SourceArn", Map.of("Fn::Sub",
                        "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${softphoneDistribution}")))));
        assertThat(ifSoftphone.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
    }

    @Test
    void distribution_whenServingTheSoftphone_usesOriginAccessControlOnTheSoftphonePrefixOverHttps() {
        Map<String, Object> config = map(properties("softphoneDistribution"), "DistributionConfig");
        Map<?, ?> origin = (Map<?, ?>) ((List<?>) config.get("Origins")).getFirst();

        assertThat(origin.get("DomainName")).isEqualTo(Map.of("Fn::GetAtt", List.of("s3Bucket", "RegionalDomainName")));
        assertThat(origin.get("OriginPath")).isEqualTo("/softphone");
        assertThat(origin.get("OriginAccessControlId"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("softphoneOriginAccessControl", "Id")));
        assertThat(origin.get("S3OriginConfig")).isEqualTo(Map.of("OriginAccessIdentity", ""));
        assertThat(map(config, "DefaultCacheBehavior")).containsEntry("ViewerProtocolPolicy", "redirect-to-https")
                .containsEntry("AllowedMethods", List.of("GET", "HEAD"));
        assertThat(map(properties("softphoneOriginAccessControl"), "OriginAccessControlConfig"))
                .containsEntry("OriginAccessControlOriginType", "s3").containsEntry("SigningBehavior", "always")
                .containsEntry("SigningProtocol", "sigv4");
    }

    @Test
    void approvedOrigin_whenCreated_isTheDistributionOnThisInstance() {
        Map<String, Object> approved = properties("softphoneApprovedOrigin");

        assertThat(map(resources, "softphoneApprovedOrigin")).containsEntry("Type", "AWS::Connect::ApprovedOrigin");
        assertThat(approved).containsEntry("Origin", SOFTPHONE_ORIGIN);
        // The resource takes the instance's ARN only: built from the id when the parameter is one.
        assertThat(approved.get("InstanceId").toString()).contains("ConnectInstanceIdIsArn")
                .contains("instance/${ConnectInstanceId}");
    }

    @Test
    void agentApi_whenConfigured_getsTheVariablesItsWiringReads() {
        Map<String, Object> variables = map(map(properties("nomidioAgentApi"), "Environment"), "Variables");

        assertThat(variables).containsEntry(AgentApiWiring.CONNECT_INSTANCE_ID, Map.of("Ref", "ConnectInstanceId"))
                .containsEntry(AgentApiWiring.SOFTPHONE_ORIGIN, SOFTPHONE_ORIGIN)
                .containsEntry(AgentApiWiring.DEFAULT_COUNTRY_CODE, Map.of("Ref", "DefaultCountryCode"));
        assertThat(properties("nomidioAgentApi")).containsEntry("Timeout", 10)
                .containsEntry("Role", Map.of("Fn::GetAtt", List.of("nomidioAgentApiIAMRole", "Arn")));
    }

    @Test
    void agentApiRole_whenScoped_readsAndAnnotatesOnlyThisInstancesContacts() {
        Map<String, Object> role = properties("nomidioAgentApiIAMRole");
        List<Object> statements = new ArrayList<>();
        collectStatements(role, statements);

        List<Object> connect = statements.stream().filter(s -> s.toString().contains("connect:")).toList();
        assertThat(connect).singleElement().satisfies(statement -> {
            Map<?, ?> map = (Map<?, ?>) statement;
            assertThat(map.get("Action")).isEqualTo(List.of("connect:DescribeContact", "connect:GetContactAttributes",
                    "connect:UpdateContactAttributes"));
            assertThat(map.get("Resource").toString()).contains("${ConnectInstanceId}/contact/*")
                    .contains("instance/${ConnectInstanceId}/contact/*").doesNotContain("instance/*");
        });
        assertThat(role.get("ManagedPolicyArns")).isEqualTo(List.of(Map.of("Ref", "decryptNomidioConnectSecretPolicy")));
        assertThat(role.toString()).doesNotContain("kms:Encrypt").doesNotContain("s3:");
    }

    @Test
    void httpApi_whenCalledFromABrowser_allowsTheSoftphonesOriginOnlyWithTheFunctionsMethodsAndHeaders() {
        Map<String, Object> cors = map(properties("agentHttpApi"), "CorsConfiguration");

        assertThat(properties("agentHttpApi")).containsEntry("ProtocolType", "HTTP");
        assertThat(cors.get("AllowOrigins")).isEqualTo(List.of(SOFTPHONE_ORIGIN));
        assertThat(String.join(",", stringList(cors.get("AllowMethods")))).isEqualTo(HttpApiEvents.ALLOWED_METHODS);
        assertThat(String.join(",", stringList(cors.get("AllowHeaders")))).isEqualTo(HttpApiEvents.ALLOWED_HEADERS);
        assertThat(cors).containsEntry("AllowCredentials", false);
    }

    @Test
    void httpApi_whenRouted_servesTheContractsTwoRoutesOnTheLiveAliasThrottled() {
        assertThat(properties("agentHttpApiReadRoute")).containsEntry("RouteKey", "GET /contacts/{contactId}/nomidio");
        assertThat(properties("agentHttpApiActionRoute")).containsEntry("RouteKey", "POST /contacts/{contactId}/actions");
        assertThat(properties("agentHttpApiIntegration")).containsEntry("IntegrationUri", Map.of("Ref", "nomidioAgentApi.Alias"))
                .containsEntry("PayloadFormatVersion", "2.0").containsEntry("IntegrationType", "AWS_PROXY");
        Map<String, Object> throttling = map(properties("agentHttpApiStage"), "DefaultRouteSettings");
        assertThat((Integer) throttling.get("ThrottlingRateLimit")).isPositive();
        assertThat((Integer) throttling.get("ThrottlingBurstLimit")).isPositive();
        assertThat(properties("agentHttpApiInvokePermission"))
                .containsEntry("FunctionName", Map.of("Ref", "nomidioAgentApi.Alias"))
                .containsEntry("Principal", "apigateway.amazonaws.com");
        // No other Lambda permission lets API Gateway in.
        for (String name : resources.keySet()) {
            if ("AWS::Lambda::Permission".equals(map(resources, name).get("Type"))
                    && "apigateway.amazonaws.com".equals(properties(name).get("Principal"))) {
                assertThat(name).isEqualTo("agentHttpApiInvokePermission");
            }
        }
    }

    @Test
    void cognitoAuthorizer_whenAPoolIsGiven_guardsBothRoutesWithItsJwt() {
        assertThat(map(resources, "agentHttpApiAuthorizer")).containsEntry("Condition", "AgentApiCognitoEnabled");
        Map<String, Object> authorizer = properties("agentHttpApiAuthorizer");
        assertThat(authorizer).containsEntry("AuthorizerType", "JWT")
                .containsEntry("IdentitySource", List.of("$request.header.Authorization"));
        Map<String, Object> jwt = map(authorizer, "JwtConfiguration");
        assertThat(jwt.get("Audience")).isEqualTo(List.of(Map.of("Ref", "AgentApiCognitoAppClientId")));
        assertThat(jwt.get("Issuer").toString()).contains("https://cognito-idp.${PoolRegion}.amazonaws.com/${PoolId}");
        for (String route : List.of("agentHttpApiReadRoute", "agentHttpApiActionRoute")) {
            assertThat(properties(route).get("AuthorizationType"))
                    .isEqualTo(Map.of("Fn::If", List.of("AgentApiCognitoEnabled", "JWT", "NONE")));
            assertThat(properties(route).get("AuthorizerId")).isEqualTo(Map.of("Fn::If", List.of(
                    "AgentApiCognitoEnabled", Map.of("Ref", "agentHttpApiAuthorizer"), Map.of("Ref", "AWS::NoValue"))));
        }
        Map<String, Object> parameters = map(template, "Parameters");
        assertThat(map(parameters, "AgentApiCognitoUserPoolArn")).containsEntry("Default", "");
        assertThat(map(parameters, "AgentApiCognitoAppClientId")).containsEntry("Default", "");
    }

    @Test
    void softphoneResource_whenDeclared_hasThePropertiesTheHelperReadsAndItsOwnPermissions() {
        Map<String, Object> softphone = properties("nomidioSoftphone");

        assertThat(map(resources, "nomidioSoftphone")).containsEntry("Type", "Custom::NomidioSoftphone")
                .containsEntry("DependsOn", "deploymentHelperSoftphonePolicy");
        assertThat(softphone).containsOnlyKeys("ServiceToken", "ServiceTimeout", "BucketName", "DistributionId",
                "ConnectInstanceUrl", "ApiUrl", "Region");
        assertThat(softphone).containsEntry("ServiceToken", Map.of("Fn::GetAtt", List.of("deploymentHelper", "Arn")))
                .containsEntry("ServiceTimeout", 360)
                .containsEntry("BucketName", Map.of("Ref", "s3Bucket"))
                .containsEntry("DistributionId", Map.of("Ref", "softphoneDistribution"))
                .containsEntry("ConnectInstanceUrl", Map.of("Ref", "ConnectInstanceUrl"))
                .containsEntry("ApiUrl", Map.of("Fn::GetAtt", List.of("agentHttpApi", "ApiEndpoint")))
                .containsEntry("Region", Map.of("Ref", "AWS::Region"));
        Map<String, Object> policy = properties("deploymentHelperSoftphonePolicy");
        assertThat(policy.get("Roles")).isEqualTo(List.of(Map.of("Ref", "deploymentHelperIAMRole")));
        String document = policy.get("PolicyDocument").toString();
        assertThat(document).contains("${s3Bucket.Arn}/softphone/*").contains("cloudfront:CreateInvalidation")
                .contains("distribution/${softphoneDistribution}").doesNotContain("contact-flows");
    }

    // ---- helpers ----

    private static List<String> stringList(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static void collectReferencesOutsideIf(Object node, Set<String> names, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Fn::If".equals(key)) {
                    return; // the branch taken without the softphone is checked by CloudFormation's own rules
                }
                if ("Ref".equals(key) || "DependsOn".equals(key)) {
                    add(String.valueOf(value).split("\\.")[0], names, into);
                } else if ("Fn::GetAtt".equals(key) && value instanceof List<?> list) {
                    add(String.valueOf(list.getFirst()), names, into);
                } else if ("Fn::Sub".equals(key)) {
                    Matcher matcher = SUB_REFERENCE.matcher(String.valueOf(value instanceof List<?> l ? l.getFirst() : value));
                    while (matcher.find()) {
                        add(matcher.group(1), names, into);
                    }
                    collectReferencesOutsideIf(value, names, into);
                } else {
                    collectReferencesOutsideIf(value, names, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferencesOutsideIf(item, names, into));
        }
    }

    private static void add(String name, Set<String> names, Set<String> into) {
        if (names.contains(name)) {
            into.add(name);
        }
    }

    private static void collectStatements(Object node, List<Object> into) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("Effect") && map.containsKey("Action")) {
                into.add(map);
                return;
            }
            map.values().forEach(value -> collectStatements(value, into));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStatements(item, into));
        }
    }

    private static Map<String, Object> properties(String name) {
        return map(map(resources, name), "Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
