package com.nomidio.connect.deployment.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** template.yaml as CloudFormation's JSON form: plain maps and lists, intrinsics in their long form. */
final class CloudFormationYaml {

    /** template.yaml at the repository root (tests run in the module directory). */
    static final Path TEMPLATE = Path.of("..", "template.yaml");

    private CloudFormationYaml() {
    }

    static Map<String, Object> load(Reader reader) {
        return new Yaml(new CloudFormationTags()).load(reader);
    }

    static Map<String, Object> loadTemplate() {
        try (Reader reader = Files.newBufferedReader(TEMPLATE)) {
            return load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * snakeyaml with CloudFormation's short-form tags: {@code !Ref x} reads as {@code {Ref: x}}, {@code !Sub ...} as
     * {@code {Fn::Sub: ...}}, {@code !GetAtt a.b} as {@code {Fn::GetAtt: [a, b]}} and so on, so the template is
     * plain maps and lists, as CloudFormation's own JSON form.
     */
    private static final class CloudFormationTags extends SafeConstructor {

        private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
                "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Length",
                "ToJsonString");

        CloudFormationTags() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            FUNCTIONS.forEach(name -> yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name)));
        }

        private Object constructAny(Node node) {
            return switch (node) {
                case ScalarNode scalar -> constructScalar(scalar);
                case SequenceNode sequence -> constructSequence(sequence);
                case MappingNode mapping -> constructMapping(mapping);
                default -> throw new IllegalArgumentException("unexpected YAML node " + node);
            };
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put(key, constructAny(node));
                return value;
            }
        }

        /** {@code !GetAtt a.b} is short for {@code Fn::GetAtt: [a, b]}; the list form stays a list. */
        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = constructAny(node);
                if (value instanceof String text) {
                    int dot = text.indexOf('.');
                    value = List.of(text.substring(0, dot), text.substring(dot + 1));
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("Fn::GetAtt", value);
                return result;
            }
        }
    }
}
