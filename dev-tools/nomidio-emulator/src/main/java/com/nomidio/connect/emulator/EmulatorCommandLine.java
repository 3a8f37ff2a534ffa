package com.nomidio.connect.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.emulator.state.FaceCheck;
import com.nomidio.connect.emulator.state.Seed;
import com.nomidio.connect.emulator.voice.SpectralVoiceprintVerifier;
import com.nomidio.connect.gateway.GatewayConfig;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar nomidio-emulator-lambda.jar [options]}: runs the emulator until interrupted. */
final class EmulatorCommandLine {

    static final int DEFAULT_PORT = 8090;

    static final String USAGE = """
            Nomidio gateway emulator (not a biometric product). Options:
              --port N                 port to listen on (default 8090; 0 = any free port)
              --host ADDRESS           address to bind (default 0.0.0.0, so sam local containers reach it)
              --seed FILE              identities and credentials (default: the packaged seed-identities.json)
              --audio-dir DIR          where the seed's enrolment WAVs are (default: beside the seed, then packaged)
              --keys ID=SECRET[,...]   access keys the token endpoint accepts (replace the seed's; repeatable)
              --supplier CODE          X-Supplier-Code to accept (default: the seed's)
              --enterprise CODE        X-Enterprise-Code to accept (default: the seed's)
              --token-ttl SECONDS      token lifetime (default 3600)
              --challenge-ttl SECONDS  challenge lifetime before TIMEOUT (default 120)
              --verification-delay MS  time taken to verify a sample (default 300)
              --face-check PASS|FAIL|NEVER  simulated face check of HIGH challenges (default PASS)
              --min-speech SECONDS     net speech a sample needs (default 1.5)
              --threshold X            voiceprint cosine similarity needed to pass (default 0.80)
              --free-trial-limit       start with the enterprise over its free trial quota (402)
            """;

    private EmulatorCommandLine() {
    }

    static void run(String[] args) {
        GatewayEmulator emulator;
        InetAddress host;
        int port;
        try {
            Options options = parse(args);
            if (options.help) {
                System.out.print(USAGE);
                return;
            }
            host = options.host;
            port = options.port;
            emulator = options.builder.build();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        emulator.start(host, port);
        printBanner(emulator, System.out);
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
    }

    static final class Options {
        final GatewayEmulator.Builder builder = GatewayEmulator.builder();
        InetAddress host;
        int port = DEFAULT_PORT;
        boolean help;
    }

    static Options parse(String[] args) {
        Options options = new Options();
        ObjectMapper json = new ObjectMapper();
        String hostName = "0.0.0.0";
        double minSpeech = SpectralVoiceprintVerifier.Settings.DEFAULT.minSpeechSeconds();
        double threshold = SpectralVoiceprintVerifier.Settings.DEFAULT.threshold();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> options.help = true;
                case "--free-trial-limit" -> options.builder.settings(s -> s.freeTrialLimitReached(true));
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(option + " needs a value (or is unknown)");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--port" -> options.port = integer(option, value, 0, 65535);
                        case "--host" -> hostName = value;
                        case "--seed" -> options.builder.seed(Seed.load(Path.of(value), json));
                        case "--audio-dir" -> options.builder.audioFolder(Path.of(value));
                        case "--keys" -> {
                            for (String pair : value.split(",")) {
                                int eq = pair.indexOf('=');
                                if (eq <= 0 || eq == pair.length() - 1) {
                                    throw new IllegalArgumentException("--keys takes ID=SECRET pairs");
                                }
                                options.builder.accessKey(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                            }
                        }
                        case "--supplier" -> options.builder.supplierCode(value);
                        case "--enterprise" -> options.builder.enterpriseCode(value);
                        case "--token-ttl" -> {
                            int seconds = integer(option, value, 1, Integer.MAX_VALUE);
                            options.builder.settings(s -> s.tokenLifetime(Duration.ofSeconds(seconds)));
                        }
                        case "--challenge-ttl" -> {
                            int seconds = integer(option, value, 1, Integer.MAX_VALUE);
                            options.builder.settings(s -> s.challengeLifetime(Duration.ofSeconds(seconds)));
                        }
                        case "--verification-delay" -> {
                            int ms = integer(option, value, 0, Integer.MAX_VALUE);
                            options.builder.settings(s -> s.verificationDelay(Duration.ofMillis(ms)));
                        }
                        case "--face-check" -> {
                            FaceCheck outcome = parseFaceCheck(value);
                            options.builder.settings(s -> s.faceCheck(outcome));
                        }
                        case "--min-speech" -> minSpeech = decimal(option, value);
                        case "--threshold" -> threshold = decimal(option, value);
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                }
            }
        }
        options.builder.verifier(new SpectralVoiceprintVerifier(new SpectralVoiceprintVerifier.Settings(minSpeech, threshold)));
        try {
            options.host = InetAddress.getByName(hostName);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + hostName);
        }
        return options;
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

    private static FaceCheck parseFaceCheck(String value) {
        try {
            return FaceCheck.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--face-check takes PASS, FAIL or NEVER");
        }
    }

    private static int integer(String option, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(option + " must be within " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes an integer, not " + value);
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + value);
        }
    }
}
