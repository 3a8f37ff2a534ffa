package com.nomidio.connect.lex.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.json.InvalidEventException;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.lex.adapters.LexEvents;
import com.nomidio.connect.lex.domain.LexCodeHook;
import com.nomidio.connect.lex.domain.LexEvent;
import com.nomidio.connect.lex.domain.LexOutcome;
import com.nomidio.connect.lex.domain.NomidioLexDialogue;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.time.InvocationBudget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** nomidioLex: Amazon Lex V2 invokes it as the Nomidio bots' code hook; it answers a valid Lex response, always. */
public final class NomidioLexHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NomidioLexHandler.class);
    /**
     * Lex gives a code hook 30 s, but Connect's chat waits about 10 s for the bot's reply: an answer within 5 s,
     * less 500 ms kept back to write it and the log line, leaves the customer's turn comfortably inside both.
     * Long waits (the challenge in the app) are spread over turns instead.
     */
    static final InvocationBudget BUDGET = new InvocationBudget(Duration.ofSeconds(5), Duration.ofMillis(500),
            Duration.ZERO, Duration.ofSeconds(5));

    private final LexCodeHook dialogue;
    private final LexEvents events;
    private final InvocationBudget budget;
    /** Held here: the runtime's CRaC context may hold its resources weakly. Null unless SnapStart initialises us. */
    private SnapStartPriming snapStart;

    public NomidioLexHandler() {
        this(System.getenv());
    }

    /**
     * The handler Lambda builds, configured from {@code env} instead of the process environment: the contact
     * simulator runs the real function in-process with an environment of its own.
     */
    public static NomidioLexHandler fromEnvironment(Map<String, String> env) {
        return new NomidioLexHandler(Map.copyOf(env));
    }

    private NomidioLexHandler(Map<String, String> env) {
        this(SnapStartPriming.initialise(() -> NomidioLexWiring.fromEnvironment(env)), new LexEvents(Json.mapper()));
        events.prime();
        snapStart = SnapStartPriming.register("nomidioLex", env, NomidioLexHandler::prime);
    }

    /** The SnapStart hook this handler registered, or null when Lambda did not initialise it for a snapshot. */
    SnapStartPriming snapStart() {
        return snapStart;
    }

    /** Turns of the bundled chat priming, each carrying the session the previous answer left. */
    static final int PRIMING_TURNS = 2;

    /**
     * Priming before a SnapStart snapshot: a copy of this function, configured from {@code loopbackEnvironment}, answers
     * the bundled Lex event with a customer number in its slot, and a second turn on the session that answer left,
     * through the real path (Jackson, the number, the KMS pipeline, the gateway's HTTP client, the Lex answer).
     */
    static void prime(Map<String, String> loopbackEnvironment) throws IOException {
        NomidioLexHandler copy = new NomidioLexHandler(NomidioLexWiring.fromEnvironment(loopbackEnvironment),
                new LexEvents(Json.mapper()));
        ObjectNode event;
        try (InputStream in = NomidioLexHandler.class.getResourceAsStream("/priming-event.json")) {
            event = (ObjectNode) Json.mapper().readTree(in);
        }
        event.put("inputTranscript", "+447700900123");
        ObjectNode slot = ((ObjectNode) event.path("sessionState").path("intent").path("slots")).putObject("customerIdentifier");
        slot.put("shape", "Scalar");
        slot.putObject("value").put("originalValue", "+447700900123").put("interpretedValue", "+447700900123")
                .putArray("resolvedValues");
        for (int turn = 0; turn < PRIMING_TURNS; turn++) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            copy.handleRequest(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), answer, null);
            JsonNode session = Json.mapper().readTree(answer.toByteArray()).path("sessionState").path("sessionAttributes");
            if (session.isObject()) {
                ((ObjectNode) event.path("sessionState")).set("sessionAttributes", session);
            }
        }
    }

    NomidioLexHandler(LexCodeHook dialogue, LexEvents events) {
        this(dialogue, events, BUDGET);
    }

    /** With another budget: tests on a shared, busy machine must not turn a slow first call into a fault. */
    NomidioLexHandler(LexCodeHook dialogue, LexEvents events, InvocationBudget budget) {
        this.dialogue = dialogue;
        this.events = events;
        this.budget = budget;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        Deadline deadline = budget.deadline(context);
        if (context != null) {
            MDC.put("awsRequestId", context.getAwsRequestId());
        }
        LexEvent event = null;
        LexOutcome outcome;
        try {
            event = events.read(input);
            MDC.put("contactId", event.sessionId());
            outcome = dialogue.answer(event, deadline);
        } catch (InvalidEventException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("Unreadable invocation, answering ERROR");
            outcome = NomidioLexDialogue.failure(null);
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).log("Unexpected failure, answering ERROR");
            outcome = NomidioLexDialogue.failure(event);
        }
        try {
            events.write(outcome.response(), output);
        } finally {
            record(event, outcome, Duration.ofNanos(System.nanoTime() - started));
            MDC.clear();
        }
    }

    /** The one log line of each invocation. Never fails the invocation. */
    private static void record(LexEvent event, LexOutcome outcome, Duration duration) {
        try {
            Long gatewayMs = outcome.gatewayLatency() == null ? null : outcome.gatewayLatency().toMillis();
            LOG.atInfo()
                    .addKeyValue("stage", outcome.stage())
                    .addKeyValue("outcome", outcome.outcome())
                    .addKeyValue("invocationSource", event == null ? null : event.invocationSource())
                    .addKeyValue("inputMode", event == null ? null : event.inputMode())
                    .addKeyValue("intent", event == null ? null : event.sessionState().intent().name())
                    .addKeyValue("durationMs", duration.toMillis())
                    .addKeyValue("gatewayMs", (Object) gatewayMs)
                    .addKeyValue("customer", outcome.maskedCustomer())
                    .log("Answered Lex");
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("exception", e.toString()).log("Could not record the invocation");
        }
    }
}
