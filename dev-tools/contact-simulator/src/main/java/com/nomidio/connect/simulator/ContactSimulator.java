package com.nomidio.connect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.action.entrypoints.NomidioActionHandler;
import com.nomidio.connect.action.entrypoints.NomidioActionWiring;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.emulator.GatewayEmulator;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.lex.entrypoints.NomidioLexHandler;
import com.nomidio.connect.lex.entrypoints.NomidioLexWiring;
import com.nomidio.connect.simulator.engine.SimulationStopped;
import com.nomidio.connect.simulator.lex.BotDefinition;
import com.nomidio.connect.simulator.lex.LocalLexRuntime;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.simulator.audio.CallerAudio;
import com.nomidio.connect.simulator.audio.CallerMediaStream;
import com.nomidio.connect.simulator.aws.LambdaFunctions;
import com.nomidio.connect.simulator.engine.CallClock;
import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.engine.CallRun;
import com.nomidio.connect.simulator.engine.Contact;
import com.nomidio.connect.simulator.engine.FlowInterpreter;
import com.nomidio.connect.simulator.engine.Transcript;
import com.nomidio.connect.simulator.engine.TranscriptEvent;
import com.nomidio.connect.simulator.engine.TransferLeg;
import com.nomidio.connect.simulator.flows.FlowLibrary;
import com.nomidio.connect.simulator.flows.LoadedFlow;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import com.nomidio.connect.upload.domain.CaptureSettings;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.testkit.lambda.LocalLambda;
import com.nomidio.connect.upload.entrypoints.SampleUploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Nomidio deployment on loopback, and calls played through it. The gateway is the emulator; KMS, Lambda's
 * Invoke API and Kinesis Video Streams are small local HTTP endpoints; nomidioAction and sampleUpload are the real
 * handler classes, built by their public factories from environment maps and reaching those endpoints with their
 * real SDK clients; the flows are the templates rendered as the deployment helper renders them.
 *
 * <pre>{@code
 * try (ContactSimulator simulator = ContactSimulator.start(SimulatorSettings.defaults(), null)) {
 *     CallResult call = simulator.call(CallScenario.builder().caller("+447700900001").build());
 * }
 * }</pre>
 */
public final class ContactSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContactSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_COUNTRY = "GB";
    /** Dummy SDK credentials: every AWS endpoint here is local, and nothing checks signatures. */
    private static final String SIMULATED_ACCESS_KEY_ID = "AKIASIMULATOR0000000";
    /** template.yaml's nomidioLex Timeout. */
    private static final Duration NOMIDIO_LEX_TIMEOUT = Duration.ofSeconds(10);

    private final SimulatorSettings settings;
    private final LogCapture logs;
    private final GatewayEmulator emulator;
    private final LocalKms kms;
    /** The access key secret as the deployment helper would have encrypted it, for this deployment's KMS. */
    private final String secretCiphertext;
    private final FakeKinesisVideo kvs;
    private final LambdaFunctions functions;
    private final LocalLambda lambda;
    /** The rendered flows of each CustomerInteractionConfiguration (each call names its own). */
    private final Map<InteractionConfiguration, FlowLibrary> flows = new EnumMap<>(InteractionConfiguration.class);
    private final LocalLexRuntime lex;
    private final HttpClient http = HttpClient.newHttpClient();
    private final FlowInterpreter interpreter = new FlowInterpreter();
    private volatile Transcript currentTranscript;
    private volatile CallClock currentClock;

    private ContactSimulator(SimulatorSettings settings, OutputStream logCopy) {
        this.settings = settings;
        // First: the functions capture System.out when they are built (their metrics writer).
        this.logs = new LogCapture(logCopy);
        GatewayEmulator.Builder gateway = GatewayEmulator.builder().settings(settings.emulatorSettings());
        if (settings.seed() != null) {
            gateway.seed(settings.seed());
        }
        this.emulator = gateway.build().start(0);
        GatewayConfig gatewayConfig = emulator.clientConfig();
        this.kms = new LocalKms();
        this.secretCiphertext = kms.holds(gatewayConfig.accessKeySecret().get(),
                SecretEncryptionContext.forAccessKey(gatewayConfig.accessKeyId()));
        // The caller's stream paces itself on the call clock (CallerMediaStream), in real time or not.
        this.kvs = new FakeKinesisVideo(List.of());
        this.functions = new LambdaFunctions();
        this.lambda = new LocalLambda(functions);
        functions.onAsyncFinished(new LambdaFunctions.AsyncListener() {
            @Override
            public long started(LambdaFunctions.DeployedFunction function) {
                CallClock clock = currentClock;
                return clock == null ? 0 : clock.now();
            }

            @Override
            public void finished(LambdaFunctions.DeployedFunction function, long startedAt, byte[] response,
                    String failure, long millis) {
                asyncFinished(function, startedAt, response, failure, millis);
            }
        });
        SimulatedInstance instance = settings.instance();
        Map<String, String> environment = functionEnvironment(gatewayConfig);
        functions.register(new LambdaFunctions.DeployedFunction(SimulatedInstance.SAMPLE_UPLOAD,
                instance.functionArn(SimulatedInstance.SAMPLE_UPLOAD), settings.sampleUploadTimeout(), 512,
                SampleUploadHandler.fromEnvironment(sampleUploadEnvironment(environment))));
        functions.register(new LambdaFunctions.DeployedFunction(SimulatedInstance.NOMIDIO_ACTION,
                instance.functionArn(SimulatedInstance.NOMIDIO_ACTION), settings.nomidioActionTimeout(), 1024,
                NomidioActionHandler.fromEnvironment(nomidioActionEnvironment(environment))));
        functions.register(new LambdaFunctions.DeployedFunction(SimulatedInstance.NOMIDIO_LEX,
                instance.functionArn(SimulatedInstance.NOMIDIO_LEX), NOMIDIO_LEX_TIMEOUT, 1024,
                NomidioLexHandler.fromEnvironment(nomidioLexEnvironment(environment))));
        for (InteractionConfiguration configuration : InteractionConfiguration.values()) {
            flows.put(configuration, FlowLibrary.nomidioFlows(instance, configuration));
        }
        this.lex = new LocalLexRuntime(functions, JSON).deploy(instance.lexBotAliasArn(),
                BotDefinition.load(SimulatedInstance.BOT_NAME, JSON), SimulatedInstance.BOT_LOCALE,
                instance.functionArn(SimulatedInstance.NOMIDIO_LEX));
        LOG.atInfo().addKeyValue("gateway", emulator.baseUri()).addKeyValue("kms", kms.endpoint())
                .addKeyValue("lambda", lambda.endpoint()).addKeyValue("kinesisVideo", kvs.endpoint())
                .log("Contact simulator ready");
    }

    /**
     * Starts the simulated deployment.
     *
     * @param logCopy where the functions' log lines also go (a file, stderr), or null to keep them per call only
     */
    public static ContactSimulator start(SimulatorSettings settings, OutputStream logCopy) {
        return new ContactSimulator(settings, logCopy);
    }

    public GatewayEmulator emulator() {
        return emulator;
    }

    /** Successful KMS Decrypt calls: each function decrypts the access key secret once and keeps it. */
    public int kmsDecrypts() {
        return (int) kms.decrypts();
    }

    /** Plays one call to its end (queued, disconnected, ended, or stopped). */
    public CallResult call(CallScenario scenario) {
        check(scenario);
        logs.reset();
        String contactId = scenario.contactId() != null ? scenario.contactId() : UUID.randomUUID().toString();
        CallClock clock = new CallClock(settings.realTime());
        Transcript transcript = new Transcript(clock);
        currentTranscript = transcript;
        currentClock = clock;
        FlowLibrary callFlows = flows.get(scenario.interaction()).withCustomerFlows(customerFlows(scenario),
                scenario.authLevel() == null ? Map.of() : Map.of(FlowLibrary.AUTH_LEVEL_PLACEHOLDER, scenario.authLevel()));
        LoadedFlow entry = entryFlow(scenario, callFlows);
        SimulatedInstance instance = settings.instance();
        Contact contact = new Contact(contactId, scenario.channel(), scenario.callerNumber(), instance,
                scenario.initialAttributes());
        contact.queueArn(scenario.initialQueueArn());
        TransferLeg transferLeg = null;
        if (scenario.quickConnect() != null) {
            // A quick connect's transfer runs as a new contact segment, in the quick connect's queue.
            contact.transferredFrom(UUID.randomUUID().toString());
            if (scenario.initialQueueArn() == null) {
                contact.queueArn(instance.workingQueueArn());
            }
            transferLeg = new TransferLeg(scenario.quickConnect().agentArn(), scenario.quickConnect().promptsBeforeLeaving());
        }
        contact.mediaFault(scenario.mediaFault());
        CallerMediaStream media = new CallerMediaStream(kvs, instance, clock, utterances(scenario),
                CallerAudio.load("voice-b-enrolment"), settings.streamMillis(), settings.kvsDelivery());

        emulator.clearFaults();
        emulator.settings().freeTrialLimitReached(scenario.freeTrialLimitReached());
        List<ScheduledFault> pending = new ArrayList<>();
        Set<String> armed = new HashSet<>();
        CallRun run = new CallRun(contact, transcript, clock, callFlows, scenario.keypad(), functions, media,
                (function, parameters, call) -> armAfter(function, parameters, call, pending, armed),
                scenario.queuesAtCapacity(), transferLeg);
        lex.clearSessions();
        run.lex(lex, this::completeInApp);
        for (ScheduledFault fault : scenario.faults()) {
            if (fault.afterAction() == null) {
                arm(fault, run, null);
            } else {
                pending.add(fault);
            }
        }
        LOG.atInfo().addKeyValue("contactId", contactId).addKeyValue("caller", PhoneNumbers.mask(scenario.callerNumber()))
                .addKeyValue("entryFlow", entry.name()).log("Simulated call starts");
        FlowInterpreter.Ending ending = interpreter.run(entry, run);
        long endedAt = clock.now();
        media.end();
        callerEvents(run, media);
        if (!functions.awaitAsync(settings.asyncWait())) {
            run.record((String) null, TranscriptEvent.Kind.NOTE, "a background invocation was still running when the "
                    + "call ended", Map.of());
        }
        emulator.clearFaults();
        String queue = ending.outcome() == CallOutcome.QUEUED ? ending.detail() : null;
        String detail = queue == null ? ending.detail() : null;
        return new CallResult(contactId, ending.outcome(), queue, detail, endedAt, contact.attributes(),
                transcript.events(), logs.callLog(), media.askedAtCallMillis(), media.lastWordAtCallMillis());
    }

    /** When the caller started saying their piece and when their last word ended, on the call clock. */
    private static void callerEvents(CallRun run, CallerMediaStream media) {
        Long asked = media.askedAtCallMillis();
        if (asked == null) {
            return;
        }
        Long lastWord = media.lastWordAtCallMillis();
        Map<String, String> started = new LinkedHashMap<>();
        started.put("scriptMs", Long.toString(media.scriptMillis()));
        run.recordAt(asked, TranscriptEvent.Kind.CALLER, "caller starts speaking (" + media.scriptMillis()
                + " ms of audio, pauses included)", started);
        if (lastWord != null) {
            run.recordAt(lastWord, TranscriptEvent.Kind.CALLER, "caller's last word ends", Map.of("lastWord", "true"));
        }
    }

    private static void check(CallScenario scenario) {
        if (!Contact.CHANNEL_VOICE.equals(scenario.channel()) && !Contact.CHANNEL_CHAT.equals(scenario.channel())) {
            throw new IllegalArgumentException("channel " + scenario.channel() + " cannot be simulated: VOICE or CHAT");
        }
        if (scenario.authLevel() != null && scenario.entryFlow() != null) {
            throw new IllegalArgumentException("give the auth level or a pre-flow of your own (which sets "
                    + "nomidio_auth_level itself), not both");
        }
    }

    private static Map<String, String> customerFlows(CallScenario scenario) {
        Map<String, String> customer = new LinkedHashMap<>(scenario.customerFlows());
        if (scenario.authLevel() != null) {
            customer.put(CallScenario.BUILT_IN_PRE_FLOW, builtInFlow(CallScenario.BUILT_IN_PRE_FLOW));
        }
        return customer;
    }

    private static LoadedFlow entryFlow(CallScenario scenario, FlowLibrary callFlows) {
        String name = scenario.entryFlow() != null ? scenario.entryFlow()
                : scenario.authLevel() != null ? CallScenario.BUILT_IN_PRE_FLOW : null;
        if (name == null) {
            return callFlows.nomidio(NomidioFlow.PRE_FLOW);
        }
        return callFlows.byName(name).orElseThrow(() -> new IllegalArgumentException("no flow " + name
                + " to start in: give its JSON, or name a Nomidio flow"));
    }

    /** The caller's script: fixtures, WAV files, {@code pause:MS} and {@code trim:NAME}, one after the other. */
    private short[] utterances(CallScenario scenario) {
        List<short[]> parts = new ArrayList<>();
        for (String source : scenario.utterances()) {
            parts.add(CallerAudio.load(source));
        }
        return CallerAudio.concat(parts);
    }

    private void armAfter(String function, Map<String, String> parameters, CallRun call, List<ScheduledFault> pending,
            Set<String> armed) {
        String action = parameters.get("action");
        if (!SimulatedInstance.NOMIDIO_ACTION.equals(function) || action == null || !armed.add(action)) {
            return;
        }
        for (ScheduledFault fault : List.copyOf(pending)) {
            if (action.equals(fault.afterAction())) {
                arm(fault, call, action);
                pending.remove(fault);
            }
        }
    }

    private void arm(ScheduledFault fault, CallRun call, String after) {
        emulator.inject(fault.fault());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("operation", fault.fault().operation());
        details.put("kind", fault.fault().kind().name());
        if (after != null) {
            details.put("after", after);
        }
        call.record((String) null, TranscriptEvent.Kind.FAULT_INJECTED, "gateway fault: " + fault.describe()
                + (after == null ? "" : " (after " + after + ")"), details);
    }

    /**
     * Stamped at the call time it finished: sampleUpload reads the caller's fragments as the call clock releases
     * them, so it finishes on the call's time, not the wall clock's.
     */
    private void asyncFinished(LambdaFunctions.DeployedFunction function, long startedAt, byte[] response,
            String failure, long millis) {
        Transcript transcript = currentTranscript;
        if (transcript == null) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("function", function.name());
        details.put("durationMs", Long.toString(millis));
        String text;
        if (failure != null) {
            details.put("failure", failure);
            text = function.name() + " (asynchronous) failed after " + millis + " ms: " + failure;
        } else {
            List<String> facts = new ArrayList<>();
            try {
                JsonNode answer = JSON.readTree(new String(response, StandardCharsets.UTF_8));
                answer.properties().forEach(e -> {
                    if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                        details.put("result." + e.getKey(), e.getValue().asText());
                        facts.add(e.getKey() + "=" + e.getValue().asText());
                    }
                });
            } catch (IOException | RuntimeException e) {
                facts.add("(answer is not JSON)");
            }
            text = function.name() + " (asynchronous) finished after " + millis + " ms: " + String.join(", ", facts);
        }
        CallClock clock = currentClock;
        long at = clock == null ? startedAt + millis : Math.max(startedAt, clock.now());
        transcript.addAt(at, null, null, TranscriptEvent.Kind.ASYNC_INVOCATION, text, details);
    }

    /** What template.yaml gives both functions, pointed at this deployment. */
    private Map<String, String> functionEnvironment(GatewayConfig gateway) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(GatewayConfig.GATEWAY_URL, gateway.baseUri().toString());
        env.put(GatewayConfig.SUPPLIER_CODE, gateway.supplierCode());
        env.put(GatewayConfig.ENTERPRISE_CODE, gateway.enterpriseCode());
        env.put(GatewayConfig.ACCESS_KEY_ID, gateway.accessKeyId());
        env.put(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, secretCiphertext);
        env.put(AwsEnvironment.REGION, settings.instance().region());
        env.put(AwsEnvironment.ACCESS_KEY_ID, SIMULATED_ACCESS_KEY_ID);
        env.put(AwsEnvironment.SECRET_ACCESS_KEY, "simulated-secret-access-key");
        env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KMS, kms.endpoint().toString());
        return env;
    }

    private Map<String, String> nomidioActionEnvironment(Map<String, String> common) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put(NomidioActionWiring.DEFAULT_COUNTRY_CODE, DEFAULT_COUNTRY);
        env.put(NomidioActionWiring.SAMPLE_UPLOAD_FUNCTION, settings.instance().functionArn(SimulatedInstance.SAMPLE_UPLOAD));
        env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.LAMBDA, lambda.endpoint().toString());
        return env;
    }

    /** What template.yaml gives nomidioLex: the gateway, the secret's ciphertext, the default country. */
    private Map<String, String> nomidioLexEnvironment(Map<String, String> common) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put(NomidioLexWiring.DEFAULT_COUNTRY_CODE, DEFAULT_COUNTRY);
        return env;
    }

    /**
     * The customer answers a CHAT challenge in their Nomidio app: the emulator's admin API stands in for the app
     * (real HTTP, as the app reaches Nomidio on its own, not through Connect).
     */
    private void completeInApp(String challengeId, String outcome) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/_emulator/challenges/"
                        + URLEncoder.encode(challengeId, StandardCharsets.UTF_8) + "/complete"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + outcome + "\"}")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SimulationStopped("the Nomidio app could not answer challenge " + challengeId + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new SimulationStopped("the Nomidio app could not reach the emulator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationStopped("interrupted while the Nomidio app answered");
        }
    }

    private Map<String, String> sampleUploadEnvironment(Map<String, String> common) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put(CaptureSettings.KVS_START_SELECTOR, "PRODUCER_TIMESTAMP");
        env.put(CaptureSettings.UPLOAD_RESERVE_MS, "4000");
        // nomidioAction stamps the request with the wall clock while the stream is stamped on the call clock, which
        // skips the prompts' time when not in real time: a wide slack keeps the two from disagreeing. The caller
        // only speaks after the prompt (CallerMediaStream), so no audio from before the question is ever kept.
        env.put(CaptureSettings.REQUEST_SLACK_MS, "120000");
        env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KINESIS_VIDEO, kvs.endpoint().toString());
        env.putAll(settings.sampleUploadEnvironment());
        return env;
    }

    /**
     * The environment this deployment gives {@code function} ({@link SimulatedInstance#NOMIDIO_ACTION} or
     * {@link SimulatedInstance#SAMPLE_UPLOAD}): template.yaml's, pointed at the local endpoints. The load mode builds
     * its execution environments from it (issue 12).
     */
    public Map<String, String> functionEnvironment(String function) {
        Map<String, String> common = functionEnvironment(emulator.clientConfig());
        return switch (function) {
            case SimulatedInstance.NOMIDIO_ACTION -> nomidioActionEnvironment(common);
            case SimulatedInstance.SAMPLE_UPLOAD -> sampleUploadEnvironment(common);
            default -> throw new IllegalArgumentException("no function " + function + " in the simulated deployment");
        };
    }

    /** The settings the deployment was started with. */
    public SimulatorSettings settings() {
        return settings;
    }

    static String builtInFlow(String name) {
        String resource = "simulator-flows/" + name + ".json";
        try (InputStream in = ContactSimulator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        functions.awaitAsync(Duration.ofSeconds(5));
        lambda.close();
        kvs.close();
        kms.close();
        emulator.close();
        functions.close();
        logs.close();
    }
}
