package com.nomidio.connect.action.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's nomidioAction section names this handler, this module's shaded jar and the environment
 * variables the code reads (a plain-text check: the deploy section's test parses the whole template).
 */
class TemplateConsistencyTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");

    @Test
    void nomidioAction_namesThisHandlerAndTheShadedJar() throws Exception {
        String section = nomidioActionSection();

        assertThat(value(section, "Handler")).isEqualTo(NomidioActionHandler.class.getName() + "::handleRequest");
        assertThat(value(section, "CodeUri")).isEqualTo("nomidio-action/target/nomidio-action-lambda.jar");
        assertThat(value(globalsSection(), "Runtime")).isEqualTo("java21");
        assertThat(value(section, "AutoPublishAlias")).isEqualTo("live");
        assertThat(NomidioActionHandler.class.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class))
                .isNotNull();
        assertThat(NomidioActionHandler.class.getConstructor()).isNotNull();
    }

    @Test
    void nomidioAction_setsEveryEnvironmentVariableTheCodeReads() throws Exception {
        String section = nomidioActionSection();
        List<String> variables = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^ {10}([A-Z_]+):").matcher(section);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }

        assertThat(variables).containsAll(NOMIDIO_ACTION_VARIABLES);
        assertThat(globalsSection()).contains("JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }

    /** What NomidioActionWiring reads. */
    private static final List<String> NOMIDIO_ACTION_VARIABLES = List.of(GatewayConfig.GATEWAY_URL,
            GatewayConfig.SUPPLIER_CODE, GatewayConfig.ENTERPRISE_CODE, GatewayConfig.ACCESS_KEY_ID,
            AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, NomidioActionWiring.DEFAULT_COUNTRY_CODE,
            NomidioActionWiring.SAMPLE_UPLOAD_FUNCTION);

    private static String globalsSection() throws IOException {
        String template = Files.readString(TEMPLATE);
        int start = template.indexOf("\nGlobals:\n");
        assertThat(start).as("Globals in template.yaml").isPositive();
        return template.substring(start, template.indexOf("\nResources:\n", start));
    }

    private static String nomidioActionSection() throws IOException {
        String template = Files.readString(TEMPLATE);
        int start = template.indexOf("\n  nomidioAction:\n");
        assertThat(start).as("nomidioAction resource in template.yaml").isPositive();
        Matcher next = Pattern.compile("\n  [A-Za-z]+:\n").matcher(template);
        int end = next.find(start + 1) ? next.start() : template.length();
        return template.substring(start, end);
    }

    private static String value(String section, String key) {
        Matcher matcher = Pattern.compile("(?m)^ +" + key + ": *(\\S+)").matcher(section);
        assertThat(matcher.find()).as("%s in nomidioAction", key).isTrue();
        return matcher.group(1);
    }
}
