package com.nomidio.connect.action.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.action.adapters.ConnectEvents;
import com.nomidio.connect.action.adapters.EmfMetrics;
import com.nomidio.connect.action.adapters.InvocationRecorder;
import com.nomidio.connect.action.domain.ActionOutcome;
import com.nomidio.connect.action.domain.ActionPerformer;
import com.nomidio.connect.action.domain.ActionRequest;
import com.nomidio.connect.domain.FlowAttributes;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.json.InvalidEventException;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.snapstart.PrimingContext;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.time.InvocationBudget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** nomidioAction: Amazon Connect's contact flows invoke it; it answers a flat string map, always, in time. */
public final class NomidioActionHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NomidioActionHandler.class);
    /**
     * 6.5 s of handler time at most. Connect's 8 s count from when the flow invokes the function, so they also cover
     * the Invoke round trip and, after a quiet spell, a SnapStart restore (several hundred ms) that happen before
     * the handler's clock starts: a 7 s cap keeps about 1 s for those, and the 500 ms margin below it is kept back
     * to write the answer, the log line and the metrics.
     */
    static final InvocationBudget BUDGET = new InvocationBudget(NomidioActionWiring.HANDLER_CAP, Duration.ofMillis(500),
            Duration.ZERO, NomidioActionWiring.HANDLER_CAP);

    private final ActionPerformer actions;
    private final ConnectEvents events;
    private final InvocationRecorder recorder;
    /** Held here: the runtime's CRaC context may hold its resources weakly. Null unless SnapStart initialises us. */
    private SnapStartPriming snapStart;

    public NomidioActionHandler() {
        this(System.getenv());
    }

    /**
     * The handler Lambda builds, configured from {@code env} instead of the process environment: the contact
     * simulator runs the real function in-process with an environment of its own.
     */
    public static NomidioActionHandler fromEnvironment(Map<String, String> env) {
        return new NomidioActionHandler(Map.copyOf(env));
    }

    private NomidioActionHandler(Map<String, String> env) {
        this(SnapStartPriming.initialise(() -> NomidioActionWiring.fromEnvironment(env)), new ConnectEvents(Json.mapper()),
                new InvocationRecorder(new EmfMetrics(System.out, Clock.systemUTC())));
        events.prime();
        snapStart = SnapStartPriming.register("nomidioAction", env, NomidioActionHandler::prime);
    }

    /** The SnapStart hook this handler registered, or null when Lambda did not initialise it for a snapshot. */
    SnapStartPriming snapStart() {
        return snapStart;
    }

    /** The actions a challenged caller's flow asks for, in its order; each answer is set as the flow would set it. */
    static final List<String> PRIMING_ACTIONS = List.of("lookup", "createChallenge", "startSampleUpload", "challengeResult");

    /**
     * Priming before a SnapStart snapshot: a copy of this function, configured from {@code loopbackEnvironment}, answers
     * the bundled event once per action of a challenged call, end to end through the real path (Jackson, the phone
     * number, the KMS pipeline, the gateway's HTTP client, Lambda Invoke, the answer, the log and metrics lines).
     */
    static void prime(Map<String, String> loopbackEnvironment) throws Exception {
        // Its metrics go nowhere: priming invocations are not contacts and must not count in the dashboards.
        NomidioActionHandler copy = new NomidioActionHandler(NomidioActionWiring.fromEnvironment(loopbackEnvironment),
                new ConnectEvents(Json.mapper()), new InvocationRecorder(
                        new EmfMetrics(new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC())));
        ObjectNode event;
        try (InputStream in = NomidioActionHandler.class.getResourceAsStream("/priming-event.json")) {
            event = (ObjectNode) Json.mapper().readTree(in);
        }
        ObjectNode contact = (ObjectNode) event.path("Details").path("ContactData");
        ((ObjectNode) contact.path("CustomerEndpoint")).put("Address", "+447700900123");
        ObjectNode attributes = (ObjectNode) contact.path("Attributes");
        for (String action : PRIMING_ACTIONS) {
            ((ObjectNode) event.path("Details").path("Parameters")).put("action", action);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            // Connect's 8 s, as a flow gives them: the handler budgets from the context on the real path.
            copy.handleRequest(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), answer,
                    new PrimingContext("nomidioAction", Duration.ofSeconds(8)));
            Json.mapper().readTree(answer.toByteArray()).properties().forEach(e -> attributes.set(e.getKey(), e.getValue()));
        }
        // Then lookups, the flows' first call, enough of them for the JIT (C1, as deployed) to compile its path: with
        // only the calls above most of it stayed interpreted, and the restored environment's first lookup paid for it.
        // Unlogged: the calls above have shown the path in the init log once.
        ((ObjectNode) event.path("Details").path("Parameters")).put("action", "lookup");
        byte[] lookup = Json.mapper().writeValueAsBytes(event);
        SnapStartPriming.repeatUnlogged(PRIMING_LOOKUPS, () -> copy.handleRequest(new ByteArrayInputStream(lookup),
                new ByteArrayOutputStream(), new PrimingContext("nomidioAction", Duration.ofSeconds(8))));
    }

    /** Past C1's invocation threshold (200, -XX:Tier3InvocationThreshold) for what a lookup calls once. */
    static final int PRIMING_LOOKUPS = 300;

    NomidioActionHandler(ActionPerformer actions, ConnectEvents events, InvocationRecorder recorder) {
        this.actions = actions;
        this.events = events;
        this.recorder = recorder;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        Deadline deadline = BUDGET.deadline(context);
        if (context != null) {
            MDC.put("awsRequestId", context.getAwsRequestId());
        }
        String contactId = null;
        ActionOutcome outcome;
        try {
            ActionRequest request = events.read(input);
            contactId = request.contactId();
            if (contactId != null) {
                MDC.put("contactId", contactId);
            }
            outcome = actions.perform(request, deadline);
        } catch (InvalidEventException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("Unreadable invocation, answering ERROR");
            outcome = failure();
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).log("Unexpected failure, answering ERROR");
            outcome = failure();
        }
        try {
            events.write(outcome.answer(), output);
        } finally {
            recorder.record(outcome, Duration.ofNanos(System.nanoTime() - started), contactId);
            MDC.clear();
        }
    }

    private static ActionOutcome failure() {
        return new ActionOutcome(ActionOutcome.UNKNOWN_ACTION, NomidioStatus.ERROR.name(),
                FlowAttributes.failure(NomidioStatus.ERROR), "", null);
    }
}
