package com.nomidio.connect.deployment.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.FailureReasons;
import com.nomidio.connect.deployment.resources.ResourceDispatcher;
import com.nomidio.connect.time.Deadline;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.cloudformation.AbstractCustomResourceHandler;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * The deploymentHelper Lambda: one function serving every Nomidio custom resource type (the secret, the
 * contact flows; the softphone and the Lex bots join by adding a resource to {@link DeploymentHelperWiring}),
 * so no dependency cycle forms between the functions and the flows.
 *
 * <p>CloudFormation waits for an answer on the ResponseURL whatever happens. Powertools' base class routes the
 * request and PUTs the answer; the dispatcher guarantees there is one, in time; when the wiring itself failed (a bad
 * environment, a class missing from the jar) the constructor keeps the failure and every request is answered FAILED
 * naming it, instead of Lambda failing the init and CloudFormation waiting for its ServiceTimeout; and
 * {@link ResponseUrlClient}, the HTTP client Powertools sends with, retries the PUT and never logs the pre-signed
 * URL. Powertools' own loggers, which would log that URL on a failed send, are held OFF by the logging backend.
 */
public final class DeploymentHelperHandler extends AbstractCustomResourceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentHelperHandler.class);
    /** Kept back from the function's end for the last delivery attempt to finish. */
    private static final Duration DELIVERY_MARGIN = Duration.ofSeconds(1);

    private final ResponseUrlClient responseUrl;
    private final ResourceDispatcher dispatcher;
    private final RuntimeException initFailure;

    public DeploymentHelperHandler() {
        this(() -> DeploymentHelperWiring.fromEnvironment(System.getenv()), new ResponseUrlClient());
    }

    DeploymentHelperHandler(ResourceDispatcher dispatcher) {
        this(() -> dispatcher, new ResponseUrlClient());
    }

    private DeploymentHelperHandler(Supplier<ResourceDispatcher> wiring, ResponseUrlClient responseUrl) {
        super(responseUrl);
        this.responseUrl = responseUrl;
        ResourceDispatcher wired = null;
        RuntimeException failure = null;
        try {
            wired = wiring.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.atError().setCause(e).log("The helper could not start; every request will be answered FAILED");
            failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.toString(), e);
        }
        this.dispatcher = wired;
        this.initFailure = failure;
    }

    /** The handler Lambda builds, configured from {@code env} instead of the process environment. */
    public static DeploymentHelperHandler fromEnvironment(Map<String, String> env) {
        return new DeploymentHelperHandler(() -> DeploymentHelperWiring.fromEnvironment(Map.copyOf(env)),
                new ResponseUrlClient());
    }

    @Override
    protected Response create(CloudFormationCustomResourceEvent event, Context context) {
        return answer(event, context, ResourceDispatcher::create);
    }

    @Override
    protected Response update(CloudFormationCustomResourceEvent event, Context context) {
        return answer(event, context, ResourceDispatcher::update);
    }

    @Override
    protected Response delete(CloudFormationCustomResourceEvent event, Context context) {
        return answer(event, context, ResourceDispatcher::delete);
    }

    /**
     * Powertools' {@code handleRequest} is final and sends the answer right after this returns, so the delivery
     * deadline is handed to the client here. It goes in a field of the client rather than a ThreadLocal: a Lambda
     * execution environment runs one invocation at a time, Powertools sends on this same thread, and the client
     * consumes the deadline when it sends, so none outlives its invocation (a ThreadLocal would have no place to be
     * cleared, the base class owning the end of the request).
     */
    private Response answer(CloudFormationCustomResourceEvent event, Context context, Operation operation) {
        // Retries may use what is left of the function's time, less a moment for the last attempt to end.
        responseUrl.deliverBefore(Deadline.after(Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis())))
                .minus(DELIVERY_MARGIN));
        if (initFailure != null) {
            return startFailed(event);
        }
        try {
            return operation.apply(dispatcher, CustomResourceRequest.from(event), context.getRemainingTimeInMillis());
        } catch (RuntimeException e) {
            // The dispatcher answers every failure itself; this is the last line, so the reason still says something.
            LOG.atError().setCause(e).log("Unexpected failure outside the dispatcher");
            return Response.builder().status(Response.Status.FAILED)
                    .physicalResourceId(event.getPhysicalResourceId() != null ? event.getPhysicalResourceId()
                            : context.getLogStreamName())
                    .reason(FailureReasons.truncate("The deploymentHelper failed unexpectedly ("
                            + e.getClass().getSimpleName() + "). See the function's log stream for details."))
                    .build();
        }
    }

    private interface Operation {
        Response apply(ResourceDispatcher dispatcher, CustomResourceRequest request, int remainingMillis);
    }

    /**
     * Powertools calls this when the answer did not reach CloudFormation, after logging it with the URL through its
     * own logger (held OFF): say so here with the URL's host only.
     */
    @Override
    protected void onSendFailure(CloudFormationCustomResourceEvent event, Context context, Response response,
                                 Exception exception) {
        LOG.atError().addKeyValue("responseHost", host(event.getResponseUrl()))
                .addKeyValue("requestType", event.getRequestType())
                .addKeyValue("logicalResourceId", event.getLogicalResourceId())
                .addKeyValue("answer", response == null ? "FAILED (no response)" : response.getStatus())
                // Only our own messages, which never hold the URL; any other exception by its type alone.
                .addKeyValue("cause", exception instanceof ResponseUrlClient.UndeliveredException
                        ? exception.getMessage() : exception.getClass().getSimpleName())
                .log("CloudFormation did not get the answer; the stack operation waits for its timeout");
    }

    private static String host(String url) {
        try {
            return url == null ? "(none)" : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "(unparsable)";
        }
    }

    /**
     * Create and Update fail naming the cause; Delete succeeds (the helper could not have made anything this
     * time, and a FAILED Delete would block the stack's deletion) and says what may be left behind.
     */
    private Response startFailed(CloudFormationCustomResourceEvent event) {
        String cause = initFailure.getClass().getSimpleName() + ": " + initFailure.getMessage();
        boolean delete = "Delete".equals(event.getRequestType());
        String physicalId = event.getPhysicalResourceId() != null ? event.getPhysicalResourceId()
                : event.getLogicalResourceId() + "-not-started";
        return Response.builder()
                .status(delete ? Response.Status.SUCCESS : Response.Status.FAILED)
                .physicalResourceId(physicalId)
                .reason(FailureReasons.truncate((delete
                        ? "Deleted without cleaning up: the deploymentHelper could not start ("
                        : "The deploymentHelper could not start (") + cause + ")."
                        + (delete ? " Remove by hand what it made (the NOMIDIO-* flows it created, the files under"
                                + " contact-flows/ in the bucket, the Lex bot NomidioAuthentication it created)." : " Fix the function's configuration or code"
                                + " (see its log stream), then retry the stack operation.")))
                .build();
    }
}
