package com.nomidio.connect.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.emulator.state.FaceCheck;
import com.nomidio.connect.emulator.state.Seed;
import com.nomidio.connect.emulator.voice.SpectralVoiceprintVerifier;
import com.nomidio.connect.gateway.GatewayConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code java -jar nomidio-emulator-cli.jar [options]}: runs the emulator until interrupted. */
@Command(name = "nomidio-emulator", sortOptions = false, usageHelpWidth = 110,
        description = {"Nomidio gateway emulator (not a biometric product): serves the gateway contract locally until "
                + "interrupted.", ""},
        footer = {"", "Exit status: 2 bad options. See dev-tools/nomidio-emulator/README.md."})
final class EmulatorCommandLine implements Callable<Integer> {

    static final int DEFAULT_PORT = 8090;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port = DEFAULT_PORT;

    // Every interface by default, so that sam local containers on the host's network reach it.
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address to bind (default ${DEFAULT-VALUE}, so sam local containers reach it).")
    InetAddress host;

    @Option(names = "--seed", paramLabel = "FILE",
            description = "Identities and credentials (default: the packaged seed-identities.json).")
    Path seed;

    @Option(names = "--audio-dir", paramLabel = "DIR",
            description = "Where the seed's enrolment WAVs are (default: beside the seed, then packaged).")
    Path audioDir;

    @Option(names = "--keys", paramLabel = "ID=SECRET", split = ",", converter = AccessKeyConverter.class,
            description = "Access keys the token endpoint accepts, replacing the seed's (comma-separated; repeatable).")
    List<Seed.AccessKey> keys = new ArrayList<>();

    @Option(names = "--supplier", paramLabel = "CODE", description = "X-Supplier-Code to accept (default: the seed's).")
    String supplier;

    @Option(names = "--enterprise", paramLabel = "CODE", description = "X-Enterprise-Code to accept (default: the seed's).")
    String enterprise;

    @Option(names = "--token-ttl", paramLabel = "SECONDS", description = "Token lifetime (default 3600).")
    Integer tokenTtlSeconds;

    @Option(names = "--challenge-ttl", paramLabel = "SECONDS", description = "Challenge lifetime before TIMEOUT (default 120).")
    Integer challengeTtlSeconds;

    @Option(names = "--verification-delay", paramLabel = "MS", description = "Time taken to verify a sample (default 300).")
    Integer verificationDelayMillis;

    @Option(names = "--face-check", paramLabel = "PASS|FAIL|NEVER",
            description = "Simulated face check of HIGH challenges (default PASS).")
    FaceCheck faceCheck;

    @Option(names = "--min-speech", paramLabel = "SECONDS", description = "Net speech a sample needs (default 1.5).")
    double minSpeechSeconds = SpectralVoiceprintVerifier.Settings.DEFAULT.minSpeechSeconds();

    @Option(names = "--threshold", paramLabel = "X", description = "Voiceprint cosine similarity needed to pass (default 0.80).")
    double threshold = SpectralVoiceprintVerifier.Settings.DEFAULT.threshold();

    @Option(names = "--free-trial-limit", description = "Start with the enterprise over its free trial quota (402).")
    boolean freeTrialLimit;

    private final PrintStream out;

    EmulatorCommandLine(PrintStream out) {
        this.out = out;
    }

    static void run(String[] args) {
        int status = commandLine(System.out, System.err).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command, printing to {@code out}; bad options are exit status 2 with the reason and the usage on {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new EmulatorCommandLine(out));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    /** The options as given, not yet checked against each other: {@link #builder()} does that. */
    static EmulatorCommandLine parse(String... args) {
        CommandLine commandLine = commandLine(System.out, System.err);
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }

    @Override
    public Integer call() {
        GatewayEmulator emulator = builder().build();
        emulator.start(host, port);
        printBanner(emulator, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * The emulator the options describe. Values out of range are a {@link ParameterException}, so picocli reports
     * them as it reports a malformed option: the reason, the usage, exit status 2.
     */
    GatewayEmulator.Builder builder() {
        GatewayEmulator.Builder builder = GatewayEmulator.builder();
        within("--port", port, 0, 65535);
        if (seed != null) {
            builder.seed(invalidAsUsage(() -> Seed.load(seed, new ObjectMapper())));
        }
        builder.audioFolder(audioDir);
        keys.forEach(key -> builder.accessKey(key.id(), key.secret()));
        builder.supplierCode(supplier).enterpriseCode(enterprise);
        if (tokenTtlSeconds != null) {
            Duration lifetime = Duration.ofSeconds(within("--token-ttl", tokenTtlSeconds, 1, Integer.MAX_VALUE));
            builder.settings(s -> s.tokenLifetime(lifetime));
        }
        if (challengeTtlSeconds != null) {
            Duration lifetime = Duration.ofSeconds(within("--challenge-ttl", challengeTtlSeconds, 1, Integer.MAX_VALUE));
            builder.settings(s -> s.challengeLifetime(lifetime));
        }
        if (verificationDelayMillis != null) {
            Duration delay = Duration.ofMillis(within("--verification-delay", verificationDelayMillis, 0, Integer.MAX_VALUE));
            builder.settings(s -> s.verificationDelay(delay));
        }
        if (faceCheck != null) {
            builder.settings(s -> s.faceCheck(faceCheck));
        }
        if (freeTrialLimit) {
            builder.settings(s -> s.freeTrialLimitReached(true));
        }
        builder.verifier(new SpectralVoiceprintVerifier(invalidAsUsage(
                () -> new SpectralVoiceprintVerifier.Settings(minSpeechSeconds, threshold))));
        return builder;
    }

    /** What to point a function at; the secret is not printed. */
    static void printBanner(GatewayEmulator emulator, PrintStream out) {
        var config = emulator.clientConfig();
        out.println("Nomidio gateway emulator listening at " + emulator.baseUri()
                + " (an emulator, not a biometric product)");
        out.println("  " + GatewayConfig.GATEWAY_URL + "=http://host.docker.internal:" + emulator.baseUri().getPort()
                + "   (from a sam local container; " + emulator.baseUri() + " from this host)");
        out.println("  " + GatewayConfig.SUPPLIER_CODE + "=" + config.supplierCode());
        out.println("  " + GatewayConfig.ENTERPRISE_CODE + "=" + config.enterpriseCode());
        out.println("  " + GatewayConfig.ACCESS_KEY_ID + "=" + config.accessKeyId());
        out.println("  admin: " + emulator.baseUri() + "/_emulator/identities, /_emulator/faults, /_emulator/challenges/{id}");
    }

    private int within(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be within " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    private <T> T invalidAsUsage(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** {@code ID=SECRET}: an access key the token endpoint accepts. */
    static final class AccessKeyConverter implements CommandLine.ITypeConverter<Seed.AccessKey> {
        @Override
        public Seed.AccessKey convert(String pair) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new CommandLine.TypeConversionException("--keys takes ID=SECRET pairs");
            }
            return new Seed.AccessKey(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
    }
}
