package com.nomidio.connect.benchmarks.action;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Before and after the SnapStart priming hook, alternated run by run so that a busy machine weighs on both alike:
 * fresh JVMs with the deployed flags and a snap-start initialisation, answering their first lookup either right after
 * the handler is built ({@link FirstLookup}: what a restored snapshot left to the first contact before the hook) or
 * after the hook's beforeCheckpoint and afterRestore ({@link FirstLookupAfterRestore}). "after init" is the first
 * handleRequest alone; medians of {@code runs} each.
 */
public final class SnapStartProxy {

    private static final List<String> DEPLOYED_FLAGS = List.of("-XX:TieredStopAtLevel=1");
    private static final Map<String, String> SNAP_START = Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");

    private SnapStartProxy() {
    }

    public static void main(String[] args) throws Exception {
        String event = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double[] before = new double[runs];
        double[] after = new double[runs];
        double[] initBefore = new double[runs];
        double[] initAfter = new double[runs];
        for (int i = 0; i < runs; i++) {
            double[] unprimed = ColdStart.run(FirstLookup.class, event, DEPLOYED_FLAGS, SNAP_START);
            double[] primed = ColdStart.run(FirstLookupAfterRestore.class, event, DEPLOYED_FLAGS, SNAP_START);
            before[i] = unprimed[1] - unprimed[2];
            after[i] = primed[1] - primed[2];
            initBefore[i] = unprimed[2];
            initAfter[i] = primed[2];
        }
        System.err.printf(Locale.ROOT, "SnapStart proxy, median of %d fresh JVMs each (-XX:TieredStopAtLevel=1, snap-start init)%n", runs);
        System.err.printf(Locale.ROOT, "%-46s %14s %16s%n", "", "init (ms)", "first lookup (ms)");
        System.err.printf(Locale.ROOT, "%-46s %14.0f %16.1f%n", "before: no priming hook",
                ColdStart.median(initBefore), ColdStart.median(before));
        System.err.printf(Locale.ROOT, "%-46s %14.0f %16.1f%n", "after: beforeCheckpoint + afterRestore run",
                ColdStart.median(initAfter), ColdStart.median(after));
        System.err.printf(Locale.ROOT, "  each run (before/after, ms): %s%n", pairs(before, after));
    }

    private static String pairs(double[] before, double[] after) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < before.length; i++) {
            out.append(String.format(Locale.ROOT, "%s%.0f/%.0f", i == 0 ? "" : " ", before[i], after[i]));
        }
        return out.toString();
    }
}
