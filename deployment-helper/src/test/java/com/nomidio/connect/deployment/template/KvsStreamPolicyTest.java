package com.nomidio.connect.deployment.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.testkit.connect.SampleConnectInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stream names the samples use against sampleUpload's read policy as deployed with the samples' parameter
 * values: a sample stream the policy refused would be a deployment where every challenge times out on
 * AccessDenied.
 */
class KvsStreamPolicyTest {

    private static final Path EVENTS = Path.of("..", "events");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** CloudFormation's pseudo parameters and the parameters the policy uses, as for the sample instance. */
    private static final Map<String, String> DEPLOYED = Map.of(
            "AWS::Partition", "aws",
            "AWS::Region", SampleConnectInstance.REGION,
            "AWS::AccountId", SampleConnectInstance.ACCOUNT,
            "KvsStreamNamePrefix", SampleConnectInstance.KVS_STREAM_PREFIX);

    private final Map<String, Object> template = CloudFormationYaml.loadTemplate();

    @Test
    void readPolicy_whenDeployedWithTheSamplePrefix_allowsEverySampleStreamArn() throws IOException {
        Pattern allowed = readPolicy();
        List<String> arns = sampleStreamArns();
        // The simulator's default stream: the sample instance's name form.
        arns.add("arn:aws:kinesisvideo:" + SampleConnectInstance.REGION + ":" + SampleConnectInstance.ACCOUNT
                + ":stream/" + SampleConnectInstance.streamName("5f1d7c3a-8b2e-4c6f-9a0d-2e7b4c9f1a36") + "/1700000000000");

        assertThat(arns).hasSizeGreaterThanOrEqualTo(5);
        assertThat(arns).allSatisfy(arn -> assertThat(arn).matches(allowed));
    }

    @Test
    void readPolicy_whenDeployed_refusesStreamsOfAnotherPrefixAndOtherKinds() {
        Pattern allowed = readPolicy();

        assertThat("arn:aws:kinesisvideo:eu-west-2:111122223333:stream/connect-nomidio-sample-contact-1/1").doesNotMatch(allowed);
        assertThat("arn:aws:kinesisvideo:eu-west-2:111122223333:stream/other-camera/1").doesNotMatch(allowed);
        assertThat("arn:aws:kinesisvideo:eu-west-1:111122223333:stream/nomidio-connect-nomidio-sample-contact-1/1")
                .doesNotMatch(allowed);
    }

    /** The read statement's Resource, its ${…} filled in as deployed, as the regex IAM's wildcards stand for. */
    @SuppressWarnings("unchecked")
    private Pattern readPolicy() {
        Map<String, Object> role = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) template
                .get("Resources")).get("kvsStreamIAMRole")).get("Properties");
        Map<String, Object> statement = ((List<Map<String, Object>>) role.get("Policies")).stream()
                .flatMap(p -> ((List<Map<String, Object>>) ((Map<String, Object>) p.get("PolicyDocument")).get("Statement")).stream())
                .filter(s -> "ReadConnectStreamsOnly".equals(s.get("Sid")))
                .findFirst().orElseThrow();
        assertThat(statement.get("Action")).isEqualTo(List.of("kinesisvideo:GetDataEndpoint", "kinesisvideo:GetMedia"));
        String resource = String.valueOf(((Map<String, Object>) statement.get("Resource")).get("Fn::Sub"));
        for (Map.Entry<String, String> value : DEPLOYED.entrySet()) {
            resource = resource.replace("${" + value.getKey() + "}", value.getValue());
        }
        assertThat(resource).doesNotContain("${");
        StringBuilder regex = new StringBuilder();
        for (char c : resource.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    /** Every StreamARN / streamArn value in events/*.json. */
    private static List<String> sampleStreamArns() throws IOException {
        List<String> arns = new ArrayList<>();
        try (Stream<Path> files = Files.list(EVENTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collect(JSON.readTree(file.toFile()), arns);
            }
        }
        return arns;
    }

    private static void collect(JsonNode node, List<String> into) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equalsIgnoreCase("streamArn") && field.getValue().isTextual()) {
                into.add(field.getValue().asText());
            }
            collect(field.getValue(), into);
        });
        if (node.isArray()) {
            node.forEach(item -> collect(item, into));
        }
    }
}
