package com.nomidio.connect.simulator.load;

import com.nomidio.connect.action.entrypoints.NomidioActionHandler;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.emulator.GatewayEmulator;
import com.nomidio.connect.emulator.state.ChallengeInspection;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.simulator.ContactSimulator;
import com.nomidio.connect.simulator.SimulatorSettings;
import com.nomidio.connect.simulator.audio.CallerAudio;
import com.nomidio.connect.simulator.audio.CallerMediaStream;
import com.nomidio.connect.simulator.engine.CallClock;
import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.CallRun;
import com.nomidio.connect.simulator.engine.Contact;
import com.nomidio.connect.simulator.engine.CustomerMedia;
import com.nomidio.connect.simulator.engine.FlowInterpreter;
import com.nomidio.connect.simulator.engine.Transcript;
import com.nomidio.connect.simulator.flows.FlowLibrary;
import com.nomidio.connect.simulator.flows.LoadedFlow;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.testkit.kvs.KvsStreamRouter;
import com.nomidio.connect.testkit.lambda.LocalLambda;
import com.nomidio.connect.upload.entrypoints.SampleUploadHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Many calls at once through the simulated deployment: {@code calls} calls, {@code concurrency} at a time, each
 * played through the rendered flows as {@link ContactSimulator} plays one, with each function running in its own pool
 * of execution environments ({@link EnvironmentPool}: one invocation per environment, new environments built on
 * demand, each paying its init), caller kinds and statuses rotating through {@link CallerKind#MIX}.
 *
 * <p>The deployment (gateway emulator, KMS, flows, the functions' environments) is a {@link ContactSimulator}'s;
 * the load mode adds its own Lambda Invoke endpoint on the pools and gives every call its own Kinesis Video stream
 * (its own {@link FakeKinesisVideo}, found through a {@link KvsStreamRouter} by StreamARN, as KVS gives each stream
 * its data endpoint). Each caller's audio carries their call number ({@link AudioWatermark}), so the sample each
 * challenge received is checked for audio from any other contact.
 */
public final class LoadSimulator {

    private LoadSimulator() {
    }

    /** Plays the calls and reports; never throws for a call that fails (that is an error in the report). */
    public static LoadReport run(SimulatorSettings settings, int calls, int concurrency) {
        if (calls < 1 || concurrency < 1) {
            throw new IllegalArgumentException("calls and concurrency must be at least 1");
        }
        if (calls > AudioWatermark.MAX_CALLS) {
            throw new IllegalArgumentException("at most " + AudioWatermark.MAX_CALLS + " calls can be told apart");
        }
        try (ContactSimulator deployment = ContactSimulator.start(settings, null);
                KvsStreamRouter router = new KvsStreamRouter()) {
            // One call of each kind first, through environments that are then thrown away: in AWS every function runs
            // with SnapStart, whose snapshot already holds the code loaded, while here all environments share one
            // JVM, whose first class loading under a storm of calls is not what a restored environment pays. The
            // measured calls still build every environment they use, each paying its init.
            try (PooledLambda warmLambda = new PooledLambda(); LocalLambda warmApi = new LocalLambda(warmLambda)) {
                new Run(deployment, router, warmLambda, warmApi, CallerKind.MIX.size(), CallerKind.MIX.size()).play();
            }
            try (PooledLambda lambda = new PooledLambda(); LocalLambda invokeApi = new LocalLambda(lambda)) {
                return new Run(deployment, router, lambda, invokeApi, calls, concurrency).play();
            }
        }
    }

    /** One load run's state. */
    private static final class Run {
        private final ContactSimulator deployment;
        private final SimulatorSettings settings;
        private final GatewayEmulator emulator;
        private final KvsStreamRouter router;
        private final PooledLambda lambda;
        private final int calls;
        private final int concurrency;
        private final FlowLibrary flows;
        private final Map<String, byte[]> samples = new ConcurrentHashMap<>();
        private final Map<String, Integer> callNumbers = new ConcurrentHashMap<>();
        private final List<FakeKinesisVideo> streams = new CopyOnWriteArrayList<>();
        private final List<String> errors = new CopyOnWriteArrayList<>();
        private final Map<String, Map<String, Integer>> outcomes = new ConcurrentHashMap<>();

        Run(ContactSimulator deployment, KvsStreamRouter router, PooledLambda lambda, LocalLambda invokeApi, int calls,
                int concurrency) {
            this.deployment = deployment;
            this.settings = deployment.settings();
            this.emulator = deployment.emulator();
            this.router = router;
            this.lambda = lambda;
            this.calls = calls;
            this.concurrency = concurrency;
            // Voice calls through the keypad flows: the configuration every deployment has.
            this.flows = FlowLibrary.nomidioFlows(settings.instance(), InteractionConfiguration.STANDARD_VOICE_ONLY);
            emulator.onSample(samples::put);
            SimulatedInstance instance = settings.instance();
            Map<String, String> actionEnv = new HashMap<>(deployment.functionEnvironment(SimulatedInstance.NOMIDIO_ACTION));
            actionEnv.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.LAMBDA, invokeApi.endpoint().toString());
            Map<String, String> uploadEnv = new HashMap<>(deployment.functionEnvironment(SimulatedInstance.SAMPLE_UPLOAD));
            uploadEnv.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KINESIS_VIDEO, router.endpoint().toString());
            lambda.register(new EnvironmentPool(SimulatedInstance.NOMIDIO_ACTION,
                    instance.functionArn(SimulatedInstance.NOMIDIO_ACTION), settings.nomidioActionTimeout(), 1024,
                    () -> NomidioActionHandler.fromEnvironment(actionEnv)));
            lambda.register(new EnvironmentPool(SimulatedInstance.SAMPLE_UPLOAD,
                    instance.functionArn(SimulatedInstance.SAMPLE_UPLOAD), settings.sampleUploadTimeout(), 512,
                    () -> SampleUploadHandler.fromEnvironment(uploadEnv)));
        }

        LoadReport play() {
            long decryptsBefore = deployment.kmsDecrypts();
            long gatewayBefore = emulator.requestsServed();
            long tokensBefore = emulator.tokensIssued();
            long cpuBefore = processCpuNanos();
            LoadedFlow entry = flows.nomidio(NomidioFlow.PRE_FLOW);
            Semaphore slots = new Semaphore(concurrency);
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int number = 0; number < calls; number++) {
                    slots.acquireUninterruptibly();
                    int call = number;
                    running.add(callers.submit(() -> {
                        try {
                            play(call, entry);
                        } finally {
                            slots.release();
                        }
                    }));
                }
                for (Future<?> future : running) {
                    try {
                        future.get();
                    } catch (Exception e) {
                        errors.add("call failed: " + e);
                    }
                }
            }
            if (!lambda.awaitAsync(settings.asyncWait())) {
                errors.add("background invocations still running " + settings.asyncWait().toSeconds() + " s after the last call");
            }
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            streams.forEach(FakeKinesisVideo::close);
            lambda.timings().stream().filter(t -> t.failure() != null)
                    .forEach(t -> errors.add(t.operation() + " invocation failed: " + t.failure()));
            if (router.unknownStreams() > 0) {
                errors.add(router.unknownStreams() + " GetDataEndpoint requests for streams no call had");
            }
            long[] blocks = checkSamples();
            return new LoadReport(calls, concurrency, wallMillis, latencies(), environments(),
                    deployment.kmsDecrypts() - decryptsBefore, emulator.requestsServed() - gatewayBefore,
                    emulator.tokensIssued() - tokensBefore, router.dataEndpointRequests(), List.copyOf(errors),
                    samples.size(), blocks[0], blocks[1], new TreeMap<>(outcomes), peakHeapMb(),
                    Runtime.getRuntime().availableProcessors(), (processCpuNanos() - cpuBefore) / 1e9,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        private void play(int number, LoadedFlow entry) {
            CallerKind kind = CallerKind.MIX.get(number % CallerKind.MIX.size());
            String contactId = UUID.randomUUID().toString();
            callNumbers.put(contactId, number);
            try {
                SimulatedInstance instance = settings.instance();
                CallClock clock = new CallClock(settings.realTime());
                Contact contact = new Contact(contactId, Contact.CHANNEL_VOICE, kind.number(), instance, Map.of());
                // The caller's audio reaches GetMedia as the call clock passes it (CallerMediaStream's live stream).
                FakeKinesisVideo kvs = new FakeKinesisVideo(List.of());
                streams.add(kvs);
                CustomerMedia media = routed(new CallerMediaStream(kvs, instance, clock, callerAudio(kind, number),
                        CallerAudio.load("voice-b-enrolment"), settings.streamMillis(), settings.kvsDelivery()), kvs);
                CallRun run = new CallRun(contact, new Transcript(clock), clock, flows, kind.presses(), lambda, media,
                        (function, parameters, call) -> { }, false);
                FlowInterpreter.Ending ending = new FlowInterpreter().run(entry, run);
                Map<String, String> attributes = contact.attributes();
                String status = attributes.getOrDefault(ContactAttribute.STATUS.key(), "");
                String result = attributes.getOrDefault(ContactAttribute.CHALLENGE_RESULT.key(), "");
                outcomes.computeIfAbsent(kind.name(), k -> new ConcurrentHashMap<>())
                        .merge(status + (result.isEmpty() ? "" : " / " + result), 1, Integer::sum);
                if (ending.outcome() == CallOutcome.STOPPED) {
                    errors.add("call " + number + " (" + kind.name() + ") stopped: " + ending.detail());
                } else if ("ERROR".equals(status) || "NOMIDIO_UNAVAILABLE".equals(status)) {
                    errors.add("call " + number + " (" + kind.name() + ") ended with nomidio_status " + status);
                }
            } catch (RuntimeException e) {
                errors.add("call " + number + " (" + kind.name() + ") threw " + e);
            }
        }

        /** The caller's utterances, then silence, up to the stream's length, marked with the call number. */
        private short[] callerAudio(CallerKind kind, int number) {
            List<short[]> parts = new ArrayList<>();
            for (String source : kind.says()) {
                parts.add(CallerAudio.load(source));
            }
            short[] spoken = CallerAudio.concat(parts);
            int streamSamples = (int) (settings.streamMillis() * CallerAudio.SAMPLE_RATE / 1000);
            return AudioWatermark.mark(Arrays.copyOf(spoken, Math.max(spoken.length, streamSamples)), number);
        }

        /** The call's media, its stream routed to its own KVS data endpoint once Connect names the stream. */
        private CustomerMedia routed(CustomerMedia media, FakeKinesisVideo kvs) {
            return new CustomerMedia() {
                @Override
                public Contact.CustomerAudioStream start(String contactId) {
                    Contact.CustomerAudioStream stream = media.start(contactId);
                    router.route(stream.streamArn(), kvs.endpoint());
                    return stream;
                }

                @Override
                public Contact.CustomerAudioStream stop(Contact.CustomerAudioStream streaming) {
                    return media.stop(streaming);
                }

                // The caller speaks when the prompt that asks them ends: without this, every caller stays silent.
                @Override
                public void promptEnded(long callMillis) {
                    media.promptEnded(callMillis);
                }
            };
        }

        /** Own-contact and cross-contact blocks over every sample the gateway received. */
        private long[] checkSamples() {
            long own = 0;
            long foreign = 0;
            for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
                Integer number = emulator.challenge(sample.getKey()).map(ChallengeInspection::contactId)
                        .map(callNumbers::get).orElse(null);
                AudioWatermark.Reading reading = AudioWatermark.read(sample.getValue());
                if (number == null) {
                    errors.add("a sample for challenge " + sample.getKey() + " of no simulated contact");
                    foreign += reading.foreignBlocks(-1);
                    continue;
                }
                own += reading.blocksByCall().getOrDefault(number, 0);
                int notOwn = reading.foreignBlocks(number);
                foreign += notOwn;
                if (notOwn > 0) {
                    errors.add("call " + number + "'s sample holds " + notOwn + " blocks of other audio: " + reading);
                }
            }
            return new long[] {own, foreign};
        }

        private Map<String, LoadReport.Latency> latencies() {
            Map<String, List<Long>> byOperation = new TreeMap<>();
            for (PooledLambda.Timing timing : lambda.timings()) {
                byOperation.computeIfAbsent(timing.operation(), k -> new ArrayList<>()).add(timing.millis());
            }
            Map<String, LoadReport.Latency> latencies = new TreeMap<>();
            byOperation.forEach((operation, millis) -> {
                long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
                latencies.put(operation, new LoadReport.Latency(sorted.length, percentile(sorted, 50),
                        percentile(sorted, 99), sorted[sorted.length - 1]));
            });
            return latencies;
        }

        private Map<String, LoadReport.Environments> environments() {
            Map<String, LoadReport.Environments> environments = new TreeMap<>();
            lambda.pools().forEach((name, pool) -> {
                long[] init = pool.initMillis().stream().mapToLong(Long::longValue).sorted().toArray();
                environments.put(name, new LoadReport.Environments(pool.environmentsBuilt(),
                        pool.peakConcurrentInvocations(), init.length == 0 ? 0 : percentile(init, 50),
                        init.length == 0 ? 0 : init[init.length - 1]));
            });
            return environments;
        }
    }

    static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
