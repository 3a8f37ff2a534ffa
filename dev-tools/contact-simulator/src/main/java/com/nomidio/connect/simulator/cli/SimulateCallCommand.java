package com.nomidio.connect.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.emulator.state.FaceCheck;
import com.nomidio.connect.emulator.state.Seed;
import com.nomidio.connect.domain.AgentChallengeRequest;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.simulator.CallResult;
import com.nomidio.connect.simulator.CallScenario;
import com.nomidio.connect.simulator.ContactSimulator;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.simulator.ScheduledFault;
import com.nomidio.connect.simulator.SimulatorSettings;
import com.nomidio.connect.simulator.engine.CallOutcome;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./simulate-call.sh}: plays one call through the rendered Nomidio flows and the real functions, offline. */
@Command(name = "simulate-call.sh", sortOptions = false, usageHelpWidth = 110,
        description = {
            "Plays one phone call through the Nomidio contact flows (rendered as the deployment helper renders them)",
            "and the real nomidioAction and sampleUpload handlers, against a local Nomidio gateway emulator, KMS,",
            "Lambda and Kinesis Video Streams. Prints the transcript and the contact attributes at the end.",
            "Defaults: an enrolled caller (+447700900001, voice A) passing a STANDARD challenge.",
            ""},
        footer = {"",
            "Exit status: 0 the call ended (queued, disconnected, ended), 3 the simulator stopped (see the reason),",
            "2 bad options. See contact-simulator/README.md."})
public final class SimulateCallCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--caller", paramLabel = "NUMBER", description =
            "Caller id Connect presents (default: ${DEFAULT-VALUE}).")
    String caller = CallScenario.ENROLLED_CALLER;

    @Option(names = "--withheld", description = "The caller withholds their number (Connect presents 'anonymous').")
    boolean withheld;

    @Option(names = "--say", paramLabel = "WAV", split = ",", description =
            "What the caller says when asked (once the prompt asking for it has ended), in order (repeatable): a WAV"
            + " file, a fixture of fixtures/audio/ (voice-a, voice-b, silence, voice-a-enrolment, voice-b-enrolment),"
            + " pause:MS for a hesitation, e.g. voice-a,pause:1500,voice-a, or trim:NAME for an utterance without the"
            + " half second of silence each fixture has around it (a caller who runs sentences together)"
            + " (default: voice-a,voice-a).")
    List<String> say = new ArrayList<>();

    @Option(names = "--keys", paramLabel = "KEYS", split = ",", description =
            "Keypad answers, one per menu in order, e.g. 1 or 2,timeout ('timeout' presses nothing; a menu past "
            + "the last answer times out).")
    List<String> keys = new ArrayList<>();

    @Option(names = "--auth-level", paramLabel = "LEVEL", description =
            "Start in a built-in customer pre-flow that sets nomidio_auth_level (STANDARD or HIGH; other values "
            + "are passed on as they are).")
    String authLevel;

    @Option(names = "--pre-flow", paramLabel = "FILE", description =
            "Your own pre-flow (flow-language JSON) the number points at; it may use the placeholders of contact-"
            + "flows/README.md, e.g. $${AuthenticationFlowArn}.")
    Path preFlow;

    @Option(names = "--start-flow", paramLabel = "NAME", description =
            "Start in this flow of the instance instead, e.g. NOMIDIO-AGENT-CHALLENGE-QUEUE (the agent's quick "
            + "connect; give --attribute nomidio_id=... and nomidio_status=... as the first call left them).")
    String startFlow;

    /** The agent who asks for the challenge with --agent-challenge: its own queue is agent/<this id>. */
    static final String SIMULATED_AGENT_ID = "agent-1";

    @Option(names = "--agent-challenge", paramLabel = "LEVEL", description =
            "The agent asks for a STANDARD or HIGH challenge in the softphone (the contact gets nomidio_auth_level, "
            + "nomidio_agent_challenge=REQUESTED and nomidio_return_agent as the agent API writes them), transfers "
            + "with the 'Nomidio Agent Challenge Flow' quick connect and leaves; the caller presses 1 unless --keys "
            + "says otherwise.")
    String agentChallenge;

    @Option(names = "--flow", paramLabel = "FILE", description =
            "Another flow of yours in the instance (repeatable), at ARN arn:aws:connect:eu-"
            + "west-2:111122223333:instance/simulated-instance/contact-flow/<FILE NAME without .json>.")
    List<Path> flows = new ArrayList<>();

    @Option(names = "--attribute", paramLabel = "NAME=VALUE", description =
            "A contact attribute set before the first flow (repeatable).")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Option(names = {"--interaction-configuration", "--interaction"}, paramLabel = "CONFIG", description =
            "CustomerInteractionConfiguration: voice (Standard Voice Only), voice-chat (Standard Voice + Chat: chat "
            + "through the Lex bot, voice with keypad menus), lex (Lex Voice + Chat: the bot also takes the voice "
            + "menus, --keys then take words too, e.g. register). Default: voice, or voice-chat with --chat.")
    String interaction;

    @Option(names = "--channel", paramLabel = "CHANNEL", description = "VOICE (default) or CHAT (give --chat).")
    String channel = "VOICE";

    @Option(names = "--chat", paramLabel = "LINES", description =
            "A chat contact: the customer's lines, separated by |, one per bot turn, e.g. \"07700 900123|yes\" or "
            + "\"CUST-1001|app:approve|done\" (app:approve / app:refuse answer the challenge in the Nomidio app).")
    String chat;

    @Option(names = "--gateway-down", description = "Every gateway operation answers 503 from the start of the call.")
    boolean gatewayDown;

    @Option(names = "--gateway-down-after", paramLabel = "ACTION", description =
            "Every gateway operation answers 503 once nomidioAction's ACTION has answered (lookup, invite, "
            + "optOut, createChallenge, startSampleUpload, challengeResult): the gateway goes down mid-call.")
    String gatewayDownAfter;

    @Option(names = "--fault", paramLabel = "SPEC", description =
            "A gateway emulator fault (repeatable): OPERATION=STATUS|slow:MILLIS|drop[,times=N][,after=ACTION], "
            + "OPERATION a contract operationId (identify, invite, optOut, createChallenge, uploadSample, "
            + "getChallengeResult, cancelChallenge, issueToken) or *. E.g. identify=slow:9000, "
            + "*=503,after=createChallenge.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--free-trial-limit", description =
            "The enterprise has used up its free trial (gateway answers FREE_TRIAL_LIMIT).")
    boolean freeTrialLimit;

    @Option(names = "--queue-full", description = "Every queue is at capacity.")
    boolean queueFull;

    @Option(names = "--face-check", paramLabel = "PASS|FAIL|NEVER", description =
            "The HIGH challenge's simulated face check (default PASS).")
    String faceCheck;

    @Option(names = "--seed", paramLabel = "FILE", description =
            "Gateway emulator seed (default: its packaged seed, listed below).")
    Path seed;

    @Option(names = "--realtime", description =
            "Run the call at real time: prompts and menus take their time (default: prompts and menus take no wall"
            + " time; either way the caller's audio reaches the stream on the call clock, in fragments of about 2 s,"
            + " and the call clock follows the wall clock while a function runs).")
    boolean realtime;

    @Option(names = "--kvs-delivery", paramLabel = "HOW", description =
            "How GetMedia hands the caller's audio over: FRAMES as they are spoken, the fragment's tags at its end"
            + " (KVS's real-time path, as we read its documentation), or WHOLE_FRAGMENTS once each is complete"
            + " (default: ${DEFAULT-VALUE}).")
    SimulatorSettings.KvsDelivery kvsDelivery = SimulatorSettings.KvsDelivery.FRAMES;

    @Option(names = "--json", description = "Print the result as JSON (transcript, attributes, outcome) instead.")
    boolean json;

    @Option(names = "--logs", paramLabel = "FILE", description =
            "Where the functions' JSON log lines go: a file, - for stderr, none (default: a file in the temporary"
            + " directory, named at the end).")
    String logs;

    private final PrintStream out;

    SimulateCallCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        // Exit explicitly: the local HTTP servers' pools would keep the JVM up for a minute.
        System.exit(commandLine(System.out, System.err).execute(args));
    }

    /** The command, printing to {@code out}; a scenario it cannot simulate is exit status 2 with the reason on {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new SimulateCallCommand(out));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.getHelpSectionMap().put("seed", help -> seededCallers());
        List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
        sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER), "seed");
        commandLine.setHelpSectionKeys(sections);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof IllegalArgumentException) {
                err.println("simulate-call.sh: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws IOException {
        CallScenario scenario = scenario();
        SimulatorSettings settings = SimulatorSettings.defaults();
        if (seed != null) {
            settings = settings.withSeed(Seed.load(seed, new ObjectMapper()));
        }
        if (faceCheck != null) {
            FaceCheck outcome = FaceCheck.valueOf(faceCheck.toUpperCase(Locale.ROOT));
            settings = settings.withEmulatorSettings(s -> s.faceCheck(outcome));
        }
        if (realtime) {
            settings = settings.inRealTime();
        }
        settings = settings.withKvsDelivery(kvsDelivery);
        Path logFile = null;
        OutputStream logCopy = null;
        if (logs == null) {
            Path folder = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "nomidio-simulator"));
            logFile = Files.createTempFile(folder, "call-", ".jsonl");
        } else if ("-".equals(logs)) {
            logCopy = System.err;
        } else if (!"none".equals(logs)) {
            logFile = Path.of(logs);
        }
        if (logFile != null) {
            logCopy = Files.newOutputStream(logFile);
        }
        long started = System.nanoTime();
        CallResult result;
        try (ContactSimulator simulator = ContactSimulator.start(settings, logCopy)) {
            result = simulator.call(scenario);
        } finally {
            if (logCopy != null && logCopy != System.err) {
                logCopy.close();
            }
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        if (json) {
            out.println(json(result, wallMillis, logFile));
        } else {
            TranscriptPrinter.print(result, heading(scenario, result), out);
            out.println();
            out.printf(Locale.ROOT, "%s. Call time %s (simulated), wall time %s.%n", ending(result),
                    TranscriptPrinter.seconds(result.callMillis()), TranscriptPrinter.seconds(wallMillis));
            if (logFile != null) {
                out.println("Function logs (JSON lines): " + logFile);
            }
        }
        return result.outcome() == CallOutcome.STOPPED ? 3 : 0;
    }

    private CallScenario scenario() throws IOException {
        boolean chatting = chat != null || "CHAT".equalsIgnoreCase(channel);
        CallScenario.Builder scenario = CallScenario.builder()
                .caller(withheld ? CallScenario.WITHHELD : caller)
                .channel(channel.toUpperCase(Locale.ROOT))
                .interaction(InteractionConfiguration.parse(interaction != null ? interaction
                        : chatting ? "voice-chat" : "voice"))
                .presses(keys)
                .authLevel(authLevel)
                .freeTrialLimitReached(freeTrialLimit)
                .queuesAtCapacity(queueFull);
        if (!say.isEmpty()) {
            scenario.says(say);
        }
        if (chatting) {
            scenario.types(chat == null ? List.of() : List.of(chat.split("\\|", -1)).stream().map(String::trim).toList());
        }
        for (Path flow : flows) {
            scenario.flow(flowName(flow), Files.readString(flow, StandardCharsets.UTF_8));
        }
        if (preFlow != null) {
            scenario.entryFlow(flowName(preFlow), Files.readString(preFlow, StandardCharsets.UTF_8));
        }
        if (startFlow != null) {
            scenario.startsIn(startFlow);
        }
        if (agentChallenge != null) {
            String agent = SimulatedInstance.defaults().agentArn(SIMULATED_AGENT_ID);
            scenario.attribute(ContactAttribute.AUTH_LEVEL.key(), agentChallenge)
                    .attribute(ContactAttribute.AGENT_CHALLENGE.key(), AgentChallengeRequest.REQUESTED.name())
                    .attribute(ContactAttribute.RETURN_AGENT.key(), agent)
                    .agentQuickConnect(agent);
            if (keys.isEmpty()) {
                scenario.presses("1");
            }
        }
        attributes.forEach(scenario::attribute);
        if (gatewayDown) {
            scenario.fault(ScheduledFault.gatewayDown());
        }
        if (gatewayDownAfter != null) {
            scenario.fault(ScheduledFault.gatewayDownAfter(gatewayDownAfter));
        }
        faults.forEach(spec -> scenario.fault(ScheduledFault.parse(spec)));
        return scenario.build();
    }

    private static String flowName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    private String heading(CallScenario scenario, CallResult result) {
        if ("CHAT".equals(scenario.channel())) {
            return "Simulated chat " + result.contactId() + ", typing " + String.join(" | ", scenario.keypad()) + " ("
                    + scenario.interaction().parameterValue() + ")";
        }
        String keypad = scenario.keypad().isEmpty() ? "" : ", pressing " + String.join(",", scenario.keypad());
        return "Simulated call " + result.contactId() + " from " + caller(scenario) + ", saying "
                + String.join(" + ", scenario.utterances()) + keypad + " (" + scenario.interaction().parameterValue() + ")";
    }

    private static String caller(CallScenario scenario) {
        return CallScenario.WITHHELD.equals(scenario.callerNumber()) ? "a withheld number"
                : PhoneNumbers.mask(scenario.callerNumber());
    }

    private static String ending(CallResult result) {
        return switch (result.outcome()) {
            case QUEUED -> "Queued on " + result.queue();
            case DISCONNECTED -> "Disconnected by the flow";
            case FLOW_ENDED -> "The flow ended";
            case STOPPED -> "The simulator stopped: " + result.detail();
        };
    }

    private static String json(CallResult result, long wallMillis, Path logFile) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("contactId", result.contactId());
        root.put("outcome", result.outcome().name());
        root.put("queue", result.queue());
        root.put("detail", result.detail());
        root.put("callMillis", result.callMillis());
        root.put("wallMillis", wallMillis);
        root.set("attributes", mapper.valueToTree(new TreeMap<>(result.attributes())));
        root.set("transcript", mapper.valueToTree(result.transcript()));
        root.put("logs", logFile == null ? null : logFile.toString());
        return mapper.writeValueAsString(root);
    }

    /** The emulator's packaged callers, so the help says which number gives which status. */
    private static String seededCallers() {
        StringBuilder text = new StringBuilder(System.lineSeparator())
                .append("Callers of the emulator's packaged seed (any other number is NOT_FOUND):")
                .append(System.lineSeparator());
        for (Seed.SeedIdentity identity : Seed.loadDefault(new ObjectMapper()).identities()) {
            if (identity.phoneNumber() != null) {
                text.append(String.format(Locale.ROOT, "  %-15s %-18s %s", identity.phoneNumber(), identity.status(),
                        identity.caller())).append(System.lineSeparator());
            }
        }
        return text.toString();
    }
}
