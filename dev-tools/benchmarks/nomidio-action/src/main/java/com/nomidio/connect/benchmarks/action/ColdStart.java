package com.nomidio.connect.benchmarks.action;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold starts in fresh JVMs: spawn, load, initialise and answer one lookup through the real handler, next to the
 * bare hello handler on the same JVM, classpath and flags. Each pair runs {@code runs} times, alternately;
 * the medians are reported. Times are from process spawn to the answer; "main()" is when the lookup JVM reached
 * main(), "after init" the first handleRequest alone once the handler was constructed (roughly what a SnapStart
 * restore leaves to the first invocation, without the restore itself).
 */
public final class ColdStart {

    private static final String TIERED = "-XX:TieredStopAtLevel=1";

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        String event = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path work = Path.of(args.length > 2 ? args[2] : "benchmarks/target");
        Files.createDirectories(work);

        String lookupArchive = work.resolve("first-lookup.jsa").toString();
        String helloArchive = work.resolve("first-hello.jsa").toString();
        // AppCDS training runs: the classes a first lookup (or hello) loads, archived for the next JVMs.
        run(FirstLookup.class, event, List.of(TIERED, "-XX:ArchiveClassesAtExit=" + lookupArchive), Map.of());
        run(FirstHello.class, event, List.of(TIERED, "-XX:ArchiveClassesAtExit=" + helloArchive), Map.of());

        System.err.printf(Locale.ROOT, "cold start, median of %d fresh JVMs each (ms from spawn)%n", runs);
        System.err.printf(Locale.ROOT, "%-40s %8s %8s %7s %8s %13s%n", "JVM flags", "hello", "lookup", "ratio",
                "main()", "after init");
        variant("default", List.of(), List.of(), Map.of(), event, runs);
        variant(TIERED + " (deployed)", List.of(TIERED), List.of(TIERED), Map.of(), event, runs);
        // What lazy creation of the Lambda client (only startSampleUpload needs it) saves: build it eagerly,
        // as the handler does when Lambda initialises it for a SnapStart snapshot.
        variant(TIERED + ", eager Lambda client", List.of(TIERED), List.of(TIERED),
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"), event, runs);
        // The SnapStart proxy (issue 12): the same snap-start initialisation, then the priming hook run before the
        // "snapshot" and the restore hook after it; "after init" is then what a restored environment's first
        // invocation pays, less the restore and real network connections.
        variant(TIERED + ", SnapStart hooks run", FirstHello.class, FirstLookupAfterRestore.class, List.of(TIERED),
                List.of(TIERED), Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"), event, runs);
        variant(TIERED + " + AppCDS", List.of(TIERED, "-XX:SharedArchiveFile=" + helloArchive),
                List.of(TIERED, "-XX:SharedArchiveFile=" + lookupArchive), Map.of(), event, runs);
        if (Runtime.version().feature() >= 25) {
            // JDK 25's AOT cache (JEPs 483/514): not in Lambda's java21 runtime, shown for what it would give.
            String lookupCache = work.resolve("first-lookup.aot").toString();
            String helloCache = work.resolve("first-hello.aot").toString();
            run(FirstLookup.class, event, List.of(TIERED, "-XX:AOTCacheOutput=" + lookupCache), Map.of());
            run(FirstHello.class, event, List.of(TIERED, "-XX:AOTCacheOutput=" + helloCache), Map.of());
            variant(TIERED + " + AOT cache (JDK 25)", List.of(TIERED, "-XX:AOTCache=" + helloCache),
                    List.of(TIERED, "-XX:AOTCache=" + lookupCache), Map.of(), event, runs);
        }
    }

    private static void variant(String name, List<String> helloFlags, List<String> lookupFlags, Map<String, String> env,
                                String event, int runs) throws Exception {
        variant(name, FirstHello.class, FirstLookup.class, helloFlags, lookupFlags, env, event, runs);
    }

    private static void variant(String name, Class<?> helloMain, Class<?> firstMain, List<String> helloFlags,
                                List<String> lookupFlags, Map<String, String> env, String event, int runs)
            throws Exception {
        double[] hello = new double[runs];
        double[] lookup = new double[runs];
        double[] lookupMain = new double[runs];
        double[] firstInvoke = new double[runs];
        for (int i = 0; i < runs; i++) {
            hello[i] = run(helloMain, event, helloFlags, env)[1];
            double[] first = run(firstMain, event, lookupFlags, env);
            lookupMain[i] = first[0];
            lookup[i] = first[1];
            firstInvoke[i] = first[1] - first[2];
        }
        double h = median(hello);
        double l = median(lookup);
        System.err.printf(Locale.ROOT, "%-40s %8.0f %8.0f %6.1fx %8.0f %13.0f%n", name, h, l, l / h,
                median(lookupMain), median(firstInvoke));
    }

    /** Runs {@code main} in a fresh JVM; returns ms from spawn to MAIN, to ANSWERED and to INIT (-1 if none). */
    static double[] run(Class<?> main, String event, List<String> flags, Map<String, String> env)
            throws IOException, InterruptedException {
        return run(main, List.of(event), flags, env, new ArrayList<>());
    }

    /**
     * As {@link #run(Class, String, List, Map)}, with {@code args} for main; the stderr lines other than the markers
     * are added to {@code lines}.
     */
    static double[] run(Class<?> main, List<String> args, List<String> flags, Map<String, String> env,
                        List<String> lines) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        long spawned = System.nanoTime();
        Process process = builder.start();
        double mainAt = -1;
        double initAt = -1;
        double answeredAt = -1;
        String answer = null;
        StringBuilder other = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                double at = (System.nanoTime() - spawned) / 1e6;
                if (line.equals("MAIN")) {
                    mainAt = at;
                } else if (line.equals("INIT")) {
                    initAt = at;
                } else if (line.startsWith("ANSWERED")) {
                    answeredAt = at;
                    answer = line;
                } else {
                    other.append(line).append('\n');
                    lines.add(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || answeredAt < 0 || (main != FirstHello.class && !answer.contains("ENROLLED"))) {
            throw new IllegalStateException(main.getSimpleName() + " failed [exit=" + exit + "] [answer=" + answer + "]\n" + other);
        }
        return new double[] {mainAt, answeredAt, initAt};
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
