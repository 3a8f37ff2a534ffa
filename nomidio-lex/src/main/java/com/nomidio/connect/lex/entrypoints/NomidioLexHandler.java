package com.nomidio.connect.lex.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.nomidio.connect.json.InvalidEventException;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.lex.adapters.LexEvents;
import com.nomidio.connect.lex.domain.LexCodeHook;
import com.nomidio.connect.lex.domain.LexEvent;
import com.nomidio.connect.lex.domain.LexOutcome;
import com.nomidio.connect.lex.domain.NomidioLexDialogue;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.time.InvocationBudget;
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
        this(NomidioLexWiring.fromEnvironment(env), new LexEvents(Json.mapper()));
        events.prime();
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
