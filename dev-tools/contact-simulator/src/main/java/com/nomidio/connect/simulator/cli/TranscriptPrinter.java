package com.nomidio.connect.simulator.cli;

import com.nomidio.connect.simulator.CallResult;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import java.io.PrintStream;
import java.util.Locale;
import java.util.TreeMap;

/** The call for people: one line per event at its call time, then the contact attributes it ended with. */
public final class TranscriptPrinter {

    private TranscriptPrinter() {
    }

    public static void print(CallResult call, String heading, PrintStream out) {
        out.println(heading);
        out.println();
        out.println("  call time  event");
        for (TranscriptEvent event : call.transcript()) {
            String label = event.kind().label();
            String text = event.kind() == TranscriptEvent.Kind.PROMPT
                    || event.kind() == TranscriptEvent.Kind.AGENT_PROMPT ? "\"" + event.text() + "\"" : event.text();
            if (event.kind() == TranscriptEvent.Kind.FLOW_ENTERED || event.kind() == TranscriptEvent.Kind.ENDED) {
                out.printf(Locale.ROOT, "%9s  %s %s%n", seconds(event.atMillis()), label, text);
            } else {
                out.printf(Locale.ROOT, "%9s     %-7s %s%n", seconds(event.atMillis()), label, text);
            }
        }
        out.println();
        out.println("Contact attributes at the end of the call:");
        new TreeMap<>(call.attributes()).forEach((name, value) ->
                out.printf(Locale.ROOT, "  %-32s %s%n", name, value.isEmpty() ? "\"\"" : value));
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
