package com.nomidio.connect.benchmarks.upload;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.kvs.CallBuilder;
import com.nomidio.connect.testkit.kvs.ConnectCall;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.testkit.kvs.FixtureStream;
import com.nomidio.connect.testkit.kvs.ServedFragment;
import com.nomidio.connect.testkit.kvs.TagPlacement;
import com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.upload.adapters.KvsMkvReader;
import com.nomidio.connect.upload.domain.CallerAudioCapture;
import com.nomidio.connect.upload.domain.CapturePolicy;
import com.nomidio.connect.upload.domain.CaptureResult;
import com.nomidio.connect.upload.domain.SampleUploadOutcome;
import com.nomidio.connect.upload.domain.SampleUploadProcessor;
import com.nomidio.connect.upload.entrypoints.SampleUploadWiring;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * sampleUpload's figures (see README.md beside this file):
 * <ul>
 *   <li>{@code generate DIR}: writes two-track Connect-shaped calls of 60 s and 10 min;</li>
 *   <li>{@code extract FILE N}: N times, extracts the caller track of FILE into a WAV (no stop rule but the end)
 *       and prints the real-time factor of each run and the peak heap;</li>
 *   <li>{@code latency N}: N times, a live (paced) stream through the whole handler path: time from the last kept
 *       fragment's last byte leaving the fake KVS to the upload request reaching the gateway.</li>
 * </ul>
 */
public final class SampleUploadBenchmark {

    private SampleUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]));
            case "extract" -> extract(Path.of(args[1]), Integer.parseInt(args[2]));
            case "latency" -> latency(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("generate DIR | extract FILE N | latency N");
        }
    }

    private static void generate(Path dir) throws Exception {
        Files.createDirectories(dir);
        write(dir.resolve("call-60s.mkv"), call(60_000));
        write(dir.resolve("call-10min.mkv"), call(600_000));
    }

    static ConnectCall call(long millis) {
        ConnectFixtures.Sources s = new ConnectFixtures.Sources();
        CallBuilder builder = new CallBuilder();
        int[] durations = {2048, 1536, 2560, 3072};
        long written = 0;
        for (int i = 0; written < millis; i++) {
            int samples = builder.samplesFor(durations[i % 4]);
            builder.fragment(ConnectFixtures.CONTACT_ID, s.caller.next(samples), s.promptLooping.next(samples),
                    TagPlacement.TRAILING);
            written += durations[i % 4];
        }
        return builder.build();
    }

    private static void write(Path file, ConnectCall call) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            call.writeTo(out);
        }
        System.out.printf("generated %s %d bytes%n", file, Files.size(file));
    }

    private static void extract(Path file, int runs) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        CapturePolicy everything = CapturePolicy.defaultFor(AuthLevel.STANDARD)
                .withOverrides("targetSpeechMs=900000,minimumSpeechMs=0,windowMs=900000");
        double[] rtf = new double[runs];
        for (int i = 0; i < runs; i++) {
            CaptureResult last = null; // one WAV alive at a time, as in the function
            long started = System.nanoTime();
            CallerAudioCapture capture = new CallerAudioCapture(ConnectFixtures.CONTACT_ID, everything, null);
            // FileInputStream: the parser asks available() per element, which FileChannel streams answer slowly.
            try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 64 * 1024)) {
                new KvsMkvReader().read(in, capture, () -> false);
            }
            last = capture.result();
            long nanos = System.nanoTime() - started;
            rtf[i] = last.audioMillis() * 1_000_000.0 / nanos;
            if (runs <= 3 || i == runs - 1) {
                System.out.printf("run %d: audio %d ms in %.1f ms -> RTF %.0fx (wav %d bytes, speech %d ms)%n", i + 1,
                        last.audioMillis(), nanos / 1e6, rtf[i], last.wav().length, last.speechMillis());
            }
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double[] sorted = rtf.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: runs %d, first RTF %.0fx, median RTF %.0fx, best %.0fx; peak heap (sum of pool peaks) %.1f MB, max heap %.0f MB%n",
                file.getFileName(), runs, rtf[0], sorted[runs / 2], sorted[runs - 1], peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static void latency(int runs) throws Exception {
        FixtureStream fixture = ConnectFixtures.passphrase();
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<Long> uploadArrivals = new CopyOnWriteArrayList<>();
            List<Long> firstGatewayArrivals = new CopyOnWriteArrayList<>();
            WireMockServer gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            gateway.start();
            try (LocalKms kms = new LocalKms();
                 FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(fixture)).pace(2000)) {
                new GatewayStubs(gateway).token().uploadSample("ch-bench").cancelChallenge("ch-bench", AuthLevel.STANDARD);
                gateway.addMockServiceRequestListener((request, response) -> {
                    firstGatewayArrivals.add(System.nanoTime());
                    if (request.getUrl().endsWith("/sample")) {
                        uploadArrivals.add(System.nanoTime());
                    }
                });
                SampleUploadProcessor processor = SampleUploadWiring.processor(environment(gateway, kms, kvs));
                var first = fixture.call().fragments().get(0);
                SampleUploadOutcome outcome = processor.process(new SampleUploadRequest(ConnectFixtures.CONTACT_ID,
                        "arn:aws:kinesisvideo:eu-west-2:111122223333:stream/connect-bench/1", first.number(),
                        // asked as the fixture's stream began (its clock is 2023's): the whole call is after the question
                        first.producerMillis(), "ch-bench", AuthLevel.STANDARD, first.producerMillis()),
                        Deadline.after(Duration.ofSeconds(30)));
                // The upload request arrives as soon as the last kept fragment does; the next fragment is 2 s away.
                int lastKept = fragmentsKept(outcome, fixture);
                long sent = kvs.fragmentSentNanos().get(lastKept - 1);
                // uploadSample starts with the token request on a fresh gateway client, then PUTs the WAV.
                long started = (firstGatewayArrivals.get(0) - sent) / 1_000_000;
                long gap = (uploadArrivals.get(0) - sent) / 1_000_000;
                millis.add(started);
                System.out.printf("run %d: %s after %d fragments; last kept fragment sent -> first gateway request "
                        + "(upload starting) %d ms, -> WAV PUT received %d ms%n", run + 1, outcome.action(), lastKept,
                        started, gap);
            } finally {
                gateway.stop();
            }
        }
        System.out.printf("upload-start latency ms: %s (max %d)%n", millis, millis.stream().mapToLong(Long::longValue).max().orElse(-1));
    }

    /**
     * The function's own environment, as template.yaml gives it, pointed at the local stand-ins: the processor is
     * built by the production wiring (SDK clients, KMS-decrypted secret, default capture settings), not by a test
     * harness, so the figure includes what the deployed function does.
     */
    private static Map<String, String> environment(WireMockServer gateway, LocalKms kms, FakeKinesisVideo kvs) {
        String ciphertext = kms.holds(GatewayStubs.ACCESS_KEY_SECRET,
                SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));
        return Map.ofEntries(
                Map.entry(GatewayConfig.GATEWAY_URL, gateway.baseUrl()),
                Map.entry(GatewayConfig.SUPPLIER_CODE, GatewayStubs.SUPPLIER_CODE),
                Map.entry(GatewayConfig.ENTERPRISE_CODE, GatewayStubs.ENTERPRISE_CODE),
                Map.entry(GatewayConfig.ACCESS_KEY_ID, GatewayStubs.ACCESS_KEY_ID),
                Map.entry(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, ciphertext),
                Map.entry(AwsEnvironment.REGION, "eu-west-2"),
                Map.entry(AwsEnvironment.ACCESS_KEY_ID, "AKIDBENCH"),
                Map.entry(AwsEnvironment.SECRET_ACCESS_KEY, "bench-secret-key"),
                Map.entry(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KMS, kms.endpoint().toString()),
                Map.entry(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KINESIS_VIDEO, kvs.endpoint().toString()));
    }

    private static int fragmentsKept(SampleUploadOutcome outcome, FixtureStream fixture) {
        long samples = 0;
        for (int i = 0; i < fixture.call().fragments().size(); i++) {
            samples += fixture.call().fragments().get(i).caller().length / 2;
            if (samples == outcome.samples()) {
                return i + 1;
            }
        }
        throw new IllegalStateException("samples do not end on a fragment: " + outcome.samples());
    }
}
