package com.nomidio.connect.action.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.action.adapters.ActionWiring;
import com.nomidio.connect.action.adapters.AwsClients;
import com.nomidio.connect.action.adapters.ConnectEvents;
import com.nomidio.connect.action.adapters.EmfMetrics;
import com.nomidio.connect.action.adapters.InvalidEventException;
import com.nomidio.connect.action.adapters.InvocationRecorder;
import com.nomidio.connect.action.adapters.Json;
import com.nomidio.connect.action.adapters.Lazy;
import com.nomidio.connect.action.domain.ActionOutcome;
import com.nomidio.connect.action.domain.ActionPerformer;
import com.nomidio.connect.action.domain.ActionRequest;
import com.nomidio.connect.action.domain.FlowAttributes;
import com.nomidio.connect.action.domain.InvocationBudget;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.gateway.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** nomidioAction: Amazon Connect's contact flows invoke it; it answers a flat string map, always, in time. */
public final class NomidioActionHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NomidioActionHandler.class);
    /** Lambda's name for a SnapStart initialisation: then clients are built before the snapshot, not on first use. */
    private static final String SNAP_START = "snap-start";
    private static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private final ActionPerformer actions;
    private final ConnectEvents events;
    private final InvocationRecorder recorder;

    public NomidioActionHandler() {
        this(System.getenv(), Json.mapper());
    }

    /**
     * The handler Lambda builds, configured from {@code env} instead of the process environment: the contact
     * simulator runs the real function in-process with an environment of its own.
     */
    public static NomidioActionHandler fromEnvironment(Map<String, String> env) {
        return new NomidioActionHandler(Map.copyOf(env), Json.mapper());
    }

    private NomidioActionHandler(Map<String, String> env, ObjectMapper json) {
        this(ActionWiring.fromEnvironment(env, () -> AwsClients.kms(env), lambdaClient(env), json, Clock.systemUTC()),
                new ConnectEvents(json), new InvocationRecorder(new EmfMetrics(System.out, Clock.systemUTC())));
        events.prime();
    }

    NomidioActionHandler(ActionPerformer actions, ConnectEvents events, InvocationRecorder recorder) {
        this.actions = actions;
        this.events = events;
        this.recorder = recorder;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        Deadline deadline = InvocationBudget.deadline(context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis());
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
            events.write(outcome.attributes().toMap(), output);
        } finally {
            recorder.record(outcome, Duration.ofNanos(System.nanoTime() - started), contactId);
            MDC.clear();
        }
    }

    private static ActionOutcome failure() {
        return new ActionOutcome(ActionOutcome.UNKNOWN_ACTION, NomidioStatus.ERROR.name(),
                FlowAttributes.failure(NomidioStatus.ERROR), "", null);
    }

    private static Lazy<LambdaClient> lambdaClient(Map<String, String> env) {
        Lazy<LambdaClient> lambda = new Lazy<>(() -> AwsClients.lambda(env));
        if (SNAP_START.equals(env.get(INITIALIZATION_TYPE))) {
            try {
                lambda.get();
            } catch (RuntimeException e) {
                // Not fatal: startSampleUpload tries again, and answers ERROR with the reason if it fails then.
                LOG.atWarn().addKeyValue("exception", e.toString()).log("Could not build the Lambda client before the snapshot");
            }
        }
        return lambda;
    }
}
