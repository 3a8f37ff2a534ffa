package com.nomidio.connect.simulator.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nomidio.connect.simulator.SimulatorSettings;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./simulate-call.sh --load}: many calls at once through the simulated deployment ({@link LoadSimulator}). */
@Command(name = "simulate-call.sh --load", sortOptions = false, usageHelpWidth = 110,
        description = {
            "Plays many calls at once through the Nomidio flows and the real functions, each function in its own pool",
            "of execution environments (one invocation per environment, new ones built on demand, each paying its",
            "init), callers rotating through the emulator's seeded customers. Reports throughput, p50/p99 per action,",
            "environments built, KMS decrypts, gateway requests, errors, and any audio in a challenge's sample that",
            "came from another contact.",
            ""},
        footer = {"", "Exit status: 0 no errors and no cross-contact audio, 1 otherwise, 2 bad options."})
public final class LoadCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--calls", paramLabel = "N", description = "Calls to play (default: ${DEFAULT-VALUE}).")
    int calls = 200;

    @Option(names = "--concurrency", paramLabel = "C", description =
            "Calls in progress at once (default: all of them).")
    Integer concurrency;

    @Option(names = "--kvs-delivery", paramLabel = "HOW", description =
            "How GetMedia hands the callers' audio over: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SimulatorSettings.KvsDelivery kvsDelivery = SimulatorSettings.KvsDelivery.FRAMES;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private final PrintStream out;

    LoadCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        System.exit(new CommandLine(new LoadCommand(out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || (concurrency != null && concurrency < 1)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--calls and --concurrency must be at least 1");
        }
        if (calls > AudioWatermark.MAX_CALLS) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--calls can be at most " + AudioWatermark.MAX_CALLS + " (the callers' audio marks that can be told apart)");
        }
        LoadReport report = LoadSimulator.run(SimulatorSettings.defaults().withKvsDelivery(kvsDelivery), calls, concurrency == null ? calls : concurrency);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            out.print(report.toText());
        }
        return report.errors().isEmpty() && report.crossContactBlocks() == 0 ? 0 : 1;
    }
}
