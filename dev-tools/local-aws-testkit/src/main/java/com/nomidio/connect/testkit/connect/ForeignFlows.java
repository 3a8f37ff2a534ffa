package com.nomidio.connect.testkit.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Amazon Connect flows we did not write: the public samples under foreign-flows/ (see SOURCE.md there). */
public final class ForeignFlows {

    public static final List<String> FILES = List.of(
            "vmx3-VMXInQueueAgentWhisper.json",
            "vmx3-VMXExampleTaskFlow.json",
            "vmx3-VMXExampleGuidedTaskAgentFlow.json");

    private ForeignFlows() {
    }

    public static String read(String file) {
        try (InputStream in = ForeignFlows.class.getClassLoader().getResourceAsStream("foreign-flows/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no foreign flow " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
