package com.nomidio.connect.upload.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.snapstart.LoopbackServices;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.time.InvocationBudget;
import com.nomidio.connect.upload.domain.SampleUploadOutcome;
import com.nomidio.connect.upload.domain.SampleUploadProcessor;
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

/** sampleUpload: invoked asynchronously by nomidioAction with a {@link SampleUploadRequest}. */
public final class SampleUploadHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SampleUploadHandler.class);
    /**
     * All of Lambda's remaining time (the function's own timeout is the cap), less 500 ms kept back so logging and
     * the answer never hit the timeout; 30 s when there is no Lambda context.
     */
    static final InvocationBudget BUDGET = new InvocationBudget(InvocationBudget.UNCAPPED, Duration.ofMillis(500),
            Duration.ZERO, Duration.ofSeconds(30));

    private final SampleUploadProcessor processor;
    private final ObjectMapper json;
    /** Held here: the runtime's CRaC context may hold its resources weakly. Null unless SnapStart initialises us. */
    private SnapStartPriming snapStart;

    public SampleUploadHandler() {
        this(System.getenv());
    }

    private SampleUploadHandler(Map<String, String> env) {
        this(SnapStartPriming.initialise(() -> SampleUploadWiring.processor(env)), Json.mapper());
        snapStart = SnapStartPriming.register("sampleUpload", env, SampleUploadHandler::prime);
    }

    SampleUploadHandler(SampleUploadProcessor processor, ObjectMapper json) {
        this.processor = processor;
        this.json = json;
    }

    /**
     * The handler Lambda builds, configured from {@code env} instead of the process environment: the contact
     * simulator runs the real function in-process with an environment of its own.
     */
    public static SampleUploadHandler fromEnvironment(Map<String, String> env) {
        return new SampleUploadHandler(Map.copyOf(env));
    }

    /** The SnapStart hook this handler registered, or null when Lambda did not initialise it for a snapshot. */
    SnapStartPriming snapStart() {
        return snapStart;
    }

    /**
     * Priming before a SnapStart snapshot: a copy of this function, configured from {@code loopbackEnvironment}, takes
     * one request through the real path: Jackson, the KMS pipeline, KVS GetDataEndpoint and GetMedia (the loopback's
     * stream is empty, so the MKV reader ends at once), and the gateway's HTTP client cancelling the challenge.
     */
    static void prime(Map<String, String> loopbackEnvironment) throws IOException {
        SampleUploadHandler copy = new SampleUploadHandler(SampleUploadWiring.processor(loopbackEnvironment), Json.mapper());
        SampleUploadRequest request = new SampleUploadRequest(LoopbackServices.CONTACT_ID,
                "arn:aws:kinesisvideo:eu-west-2:000000000000:stream/priming/0", "1", null,
                LoopbackServices.CHALLENGE_ID, AuthLevel.STANDARD, System.currentTimeMillis());
        copy.handleRequest(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(request)), new ByteArrayOutputStream(), null);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Deadline deadline = BUDGET.deadline(context);
        SampleUploadRequest request = read(input);
        MDC.put("contactId", request == null || request.contactId() == null ? "unknown" : request.contactId());
        SampleUploadOutcome outcome;
        try {
            outcome = processor.process(request, deadline);
        } catch (RuntimeException | Error e) {
            outcome = processor.cancelAfterUnexpected(request, e, deadline);
        } finally {
            MDC.remove("contactId");
        }
        json.writeValue(output, outcome);
    }

    /** The request, or as much of it as names the challenge (so it can still be cancelled), or null. */
    private SampleUploadRequest read(InputStream input) {
        JsonNode tree;
        try {
            tree = json.readTree(input);
        } catch (IOException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("The sampleUpload payload is not JSON");
            return null;
        }
        try {
            return json.treeToValue(tree, SampleUploadRequest.class);
        } catch (IOException | IllegalArgumentException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("The sampleUpload payload does not match SampleUploadRequest");
            return tree == null ? null : new SampleUploadRequest(tree.path("contactId").asText(null), null, null, null,
                    tree.path("challengeId").asText(null), null, 0);
        }
    }
}
