package com.nomidio.connect.flows.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The flow templates shipped on the classpath under {@code contact-flows/} (copied from the repository root). */
public final class FlowTemplates {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private FlowTemplates() {
    }

    public static String template(NomidioFlow flow) {
        try (InputStream in = FlowTemplates.class.getClassLoader().getResourceAsStream(flow.resourcePath())) {
            if (in == null) {
                throw new IllegalStateException("template " + flow.resourcePath() + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + flow.resourcePath(), e);
        }
    }

    /** The placeholder names a template uses. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public static Set<String> placeholders(NomidioFlow flow) {
        return placeholders(template(flow));
    }
}
