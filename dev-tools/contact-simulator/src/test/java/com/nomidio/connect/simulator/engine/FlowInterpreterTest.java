package com.nomidio.connect.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.simulator.flows.FlowLibrary;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interpreter on small flows of its own (src/test/resources/flows/engine), with the function and the media
 * stream played by the test: Loop counting per flow entry, stored keypad input, the Lambda event and answer rules,
 * references to nothing, and flows it cannot run.
 */
class FlowInterpreterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALLER = "+447700900123";
    private static final FlowLibrary NOMIDIO_FLOWS = FlowLibrary.nomidioFlows(SimulatedInstance.defaults(),
            com.nomidio.connect.flows.templates.InteractionConfiguration.STANDARD_VOICE_ONLY);

    private final List<JsonNode> events = new ArrayList<>();
    private final List<Duration> waitLimits = new ArrayList<>();

    @Test
    void run_whenAFlowIsEnteredAgain_itsLoopCountsFromZeroAgain() {
        Run run = run("LOOP-FLOW", List.of(), answering(Map.of()));

        assertThat(run.ending().outcome()).isEqualTo(CallOutcome.DISCONNECTED);
        assertThat(run.texts(TranscriptEvent.Kind.PROMPT)).containsExactly("Tick 1.", "Tick 1.", "Tick 2.", "Tick 2.");
        assertThat(run.texts(TranscriptEvent.Kind.LOOP)).containsExactly("round 1 of 2", "round 2 of 2",
                "done after 2 rounds", "round 1 of 2", "round 2 of 2", "done after 2 rounds");
        assertThat(run.texts(TranscriptEvent.Kind.FLOW_ENTERED)).containsExactly("LOOP-FLOW", "LOOP-FLOW");
    }

    @Test
    void run_whenCallerTypesAnAccount_sendsStoredInputAndContactInTheConnectEvent() {
        Run run = run("ASK-AND-INVOKE", List.of("12345678"), answering(Map.of("tier", "gold")));

        assertThat(run.ending().outcome()).isEqualTo(CallOutcome.DISCONNECTED);
        JsonNode event = events.getFirst();
        assertThat(event.path("Name").asText()).isEqualTo("ContactFlowEvent");
        assertThat(event.path("Details").path("Parameters").path("account").asText()).isEqualTo("12345678");
        assertThat(event.path("Details").path("Parameters").path("channel").asText()).isEqualTo("VOICE");
        assertThat(event.path("Details").path("ContactData").path("CustomerEndpoint").path("Address").asText())
                .isEqualTo(CALLER);
        assertThat(event.path("Details").path("ContactData").path("MediaStreams").path("Customer").path("Audio").isNull())
                .isTrue();
        assertThat(waitLimits).containsExactly(Duration.ofSeconds(3));
        assertThat(run.contact().attributes()).containsEntry("tier", "gold").containsEntry("caller", CALLER);
    }

    @Test
    void run_whenTheScriptRunsOut_timesOutAndStopsAtAnErrorNoBranchHandles() {
        Run run = run("ASK-AND-INVOKE", List.of(), answering(Map.of()));

        assertThat(run.texts(TranscriptEvent.Kind.INPUT)).containsExactly("caller presses nothing for 7 s",
                "caller presses nothing for 5 s");
        assertThat(run.ending().outcome()).isEqualTo(CallOutcome.STOPPED);
        assertThat(run.ending().detail()).contains("'No input'", "InputTimeLimitExceeded", "routes no branch");
    }

    @Test
    void run_whenTheFunctionAnswersANestedObject_takesTheErrorBranch() {
        Run run = run("ASK-AND-INVOKE", List.of("1"), answering(Map.of("tier", Map.of("name", "gold"))));

        assertThat(run.texts(TranscriptEvent.Kind.PROMPT)).contains("Lookup failed.");
        assertThat(run.texts(TranscriptEvent.Kind.ERROR_BRANCH)).singleElement().asString()
                .contains("flat string map", "-> Lookup failed");
        assertThat(run.contact().attributes()).doesNotContainKey("tier");
    }

    @Test
    void run_whenTheFunctionAnswersMoreThan32Kb_takesTheErrorBranch() {
        Run run = run("ASK-AND-INVOKE", List.of("1"), answering(Map.of("tier", "x".repeat(33 * 1024))));

        assertThat(run.texts(TranscriptEvent.Kind.ERROR_BRANCH)).singleElement().asString().contains("over Connect's 32768");
    }

    @Test
    void run_whenTheFunctionDoesNotAnswerInTime_takesTheErrorBranch() {
        Run run = run("ASK-AND-INVOKE", List.of("1"), (arn, payload, limit) ->
                new FunctionInvoker.Invocation("accountLookup", null, "no answer within the block's 3 s", 3000));

        assertThat(run.texts(TranscriptEvent.Kind.PROMPT)).contains("Lookup failed.");
        assertThat(run.clock().now()).isGreaterThanOrEqualTo(3000);
    }

    @Test
    void run_whenAValueNamesNothing_setsNothingAndTakesTheErrorBranch() {
        Run run = run("ASK-AND-INVOKE", List.of("1"), answering(Map.of("other", "x")));

        assertThat(run.texts(TranscriptEvent.Kind.ERROR_BRANCH)).singleElement().asString()
                .contains("$.External.tier names nothing");
        assertThat(run.contact().attributes()).doesNotContainKeys("tier", "caller");
        assertThat(run.texts(TranscriptEvent.Kind.PROMPT)).contains("Saving failed.");
    }

    @Test
    void run_whenATypeIsUnknown_stopsNamingIt() {
        Run run = run("UNKNOWN-TYPE", List.of(), answering(Map.of()));

        assertThat(run.ending().outcome()).isEqualTo(CallOutcome.STOPPED);
        assertThat(run.ending().detail()).contains("MakeCoffee", "'Make coffee'", "UNKNOWN-TYPE", "unknown");
        assertThat(run.texts(TranscriptEvent.Kind.ENDED)).singleElement().asString().startsWith("STOPPED: ");
    }

    /** The function: records the event and the wait, answers {@code answer} as JSON. */
    private FunctionInvoker answering(Map<String, ?> answer) {
        return (arn, payload, limit) -> {
            try {
                events.add(JSON.readTree(payload));
                waitLimits.add(limit);
                return new FunctionInvoker.Invocation("accountLookup", JSON.writeValueAsBytes(answer), null, 12);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private Run run(String flowName, List<String> keypad, FunctionInvoker functions) {
        FlowLibrary flows = NOMIDIO_FLOWS.withCustomerFlows(Map.of(flowName, resource(flowName)), Map.of());
        CallClock clock = new CallClock();
        Transcript transcript = new Transcript(clock);
        Contact contact = new Contact("c-1", Contact.CHANNEL_VOICE, CALLER, SimulatedInstance.defaults(), Map.of());
        CustomerMedia noMedia = new CustomerMedia() {
            @Override
            public Contact.CustomerAudioStream start(String contactId) {
                throw new AssertionError("these flows never stream");
            }

            @Override
            public Contact.CustomerAudioStream stop(Contact.CustomerAudioStream streaming) {
                throw new AssertionError("these flows never stream");
            }
        };
        CallRun call = new CallRun(contact, transcript, clock, flows, keypad, functions, noMedia, (f, p, c) -> { },
                false);
        FlowInterpreter.Ending ending = new FlowInterpreter().run(flows.byName(flowName).orElseThrow(), call);
        return new Run(ending, transcript.events(), contact, clock);
    }

    private static String resource(String flowName) {
        try (InputStream in = FlowInterpreterTest.class.getResourceAsStream("/flows/engine/" + flowName + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(FlowInterpreter.Ending ending, List<TranscriptEvent> events, Contact contact, CallClock clock) {
        List<String> texts(TranscriptEvent.Kind kind) {
            return events.stream().filter(e -> e.kind() == kind).map(TranscriptEvent::text).toList();
        }
    }
}
