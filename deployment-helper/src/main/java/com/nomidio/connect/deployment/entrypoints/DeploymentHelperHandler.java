package com.nomidio.connect.deployment.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.CustomResourceResponse;
import com.nomidio.connect.deployment.resources.FailureReasons;
import com.nomidio.connect.deployment.resources.ResourceDispatcher;
import com.nomidio.connect.time.Deadline;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploymentHelper Lambda: one function serving every Nomidio custom resource type (the secret, the
 * contact flows; the softphone and the Lex bots join by adding a resource to {@link DeploymentHelperWiring}),
 * so no dependency cycle forms between the functions and the flows.
 *
 * <p>CloudFormation waits for an answer on the ResponseURL whatever happens, so this handler owns that answer:
 * the dispatcher guarantees one in time; when the wiring itself failed (a bad environment, a class missing from
 * the jar) the constructor keeps the failure and every request is answered FAILED naming it, instead of Lambda
 * failing the init and CloudFormation waiting for its ServiceTimeout; and {@link ResponseUrlSender} delivers it
 * with retries, never logging the pre-signed URL.
 */
public final class DeploymentHelperHandler implements RequestHandler<CloudFormationCustomResourceEvent, CustomResourceResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentHelperHandler.class);
    /** Kept back from the function's end for the last delivery attempt to finish. */
    private static final Duration DELIVERY_MARGIN = Duration.ofSeconds(1);

    private final ResourceDispatcher dispatcher;
    private final RuntimeException initFailure;

    public DeploymentHelperHandler() {
        this(() -> DeploymentHelperWiring.fromEnvironment(System.getenv()));
    }

    DeploymentHelperHandler(ResourceDispatcher dispatcher) {
        this(() -> dispatcher);
    }

    private DeploymentHelperHandler(Supplier<ResourceDispatcher> wiring) {
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
        return new DeploymentHelperHandler(() -> DeploymentHelperWiring.fromEnvironment(Map.copyOf(env)));
    }

    @Override
    public CustomResourceResponse handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        CustomResourceResponse response;
        try {
            response = answer(event, context);
        } catch (RuntimeException e) {
            // The dispatcher answers every failure itself; this is the last line, so CloudFormation never waits.
            LOG.atError().setCause(e).log("Unexpected failure outside the dispatcher");
            response = CustomResourceResponse.builder().status(CustomResourceResponse.Status.FAILED)
                    .physicalResourceId(event.getPhysicalResourceId() != null ? event.getPhysicalResourceId()
                            : context.getLogStreamName())
                    .reason(FailureReasons.truncate("The deploymentHelper failed unexpectedly ("
                            + e.getClass().getSimpleName() + "). See the function's log stream for details."))
                    .build();
        }
        if (event.getResponseUrl() == null) {
            LOG.error("The event has no ResponseURL: nobody to answer");
            return response;
        }
        // Retries may use what is left of the function's time, less a moment for the last attempt to end.
        Deadline deadline = Deadline.after(Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis())))
                .minus(DELIVERY_MARGIN);
        ResponseUrlSender.send(event.getResponseUrl(),
                ResponseUrlSender.body(event, response, context.getLogStreamName()), deadline);
        return response;
    }

    private CustomResourceResponse answer(CloudFormationCustomResourceEvent event, Context context) {
        if (initFailure != null) {
            return startFailed(event, context);
        }
        CustomResourceRequest request = CustomResourceRequest.from(event);
        int remaining = context.getRemainingTimeInMillis();
        return switch (String.valueOf(event.getRequestType())) {
            case "Create" -> dispatcher.create(request, remaining);
            case "Update" -> dispatcher.update(request, remaining);
            case "Delete" -> dispatcher.delete(request, remaining);
            default -> CustomResourceResponse.builder().status(CustomResourceResponse.Status.FAILED)
                    .physicalResourceId(event.getPhysicalResourceId() != null ? event.getPhysicalResourceId()
                            : context.getLogStreamName())
                    .reason("Unknown request type " + event.getRequestType() + "; expected Create, Update or Delete.")
                    .build();
        };
    }

    /**
     * Create and Update fail naming the cause; Delete succeeds (the helper could not have made anything this
     * time, and a FAILED Delete would block the stack's deletion) and says what may be left behind.
     */
    private CustomResourceResponse startFailed(CloudFormationCustomResourceEvent event, Context context) {
        String cause = initFailure.getClass().getSimpleName() + ": " + initFailure.getMessage();
        boolean delete = "Delete".equals(event.getRequestType());
        String physicalId = event.getPhysicalResourceId() != null ? event.getPhysicalResourceId()
                : event.getLogicalResourceId() + "-not-started";
        return CustomResourceResponse.builder()
                .status(delete ? CustomResourceResponse.Status.SUCCESS : CustomResourceResponse.Status.FAILED)
                .physicalResourceId(physicalId)
                .reason(FailureReasons.truncate((delete
                        ? "Deleted without cleaning up: the deploymentHelper could not start ("
                        : "The deploymentHelper could not start (") + cause + ")."
                        + (delete ? " Remove by hand what it made (the NOMIDIO-* flows it created, the files under"
                                + " contact-flows/ in the bucket)." : " Fix the function's configuration or code"
                                + " (see its log stream), then retry the stack operation.")))
                .build();
    }
}
