package com.nomidio.connect.deployment.resources;

import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.time.InvocationBudget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * Routes a custom resource request to the resource type that serves it, inside a time box: the work runs on
 * its own thread and is abandoned (interrupted) when the box is spent, so CloudFormation always gets an answer
 * well before the function's timeout. Any failure becomes FAILED with an actionable reason.
 */
public final class ResourceDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceDispatcher.class);

    /** Kept back from the function's remaining time: for sending the answer and for the interrupted work to stop. */
    public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofSeconds(10);
    private static final Duration MIN_BUDGET = Duration.ofSeconds(1);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Map<String, CustomResource> resources = new LinkedHashMap<>();
    private final InvocationBudget budget;

    /**
     * @param safetyMargin kept back from the function's remaining time; the work gets at least {@code MIN_BUDGET}
     *     however little is left, and no cap but the function's own timeout
     */
    public ResourceDispatcher(List<CustomResource> resources, Duration safetyMargin) {
        resources.forEach(r -> this.resources.put(r.resourceType(), r));
        this.budget = new InvocationBudget(InvocationBudget.UNCAPPED, safetyMargin, MIN_BUDGET, MIN_BUDGET);
    }

    public Response create(CustomResourceRequest request, int remainingMillis) {
        return run(request, remainingMillis, CustomResource::create);
    }

    public Response update(CustomResourceRequest request, int remainingMillis) {
        return run(request, remainingMillis, CustomResource::update);
    }

    public Response delete(CustomResourceRequest request, int remainingMillis) {
        return run(request, remainingMillis, CustomResource::delete);
    }

    private interface Operation {
        Response apply(CustomResource resource, CustomResourceRequest request, ResourceContext context);
    }

    private Response run(CustomResourceRequest request, int remainingMillis, Operation operation) {
        MDC.put("requestType", String.valueOf(request.requestType()));
        MDC.put("resourceType", String.valueOf(request.resourceType()));
        MDC.put("logicalResourceId", String.valueOf(request.logicalResourceId()));
        MDC.put("stackName", request.stackName());
        MDC.put("cfnRequestId", String.valueOf(request.requestId()));
        long started = System.nanoTime();
        try {
            Response response = dispatch(request, remainingMillis, operation);
            LOG.atInfo().addKeyValue("status", response.getStatus())
                    .addKeyValue("physicalResourceId", response.getPhysicalResourceId())
                    .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
                    .addKeyValue("reason", response.getReason()).log("Answering CloudFormation");
            return response;
        } finally {
            MDC.clear();
        }
    }

    private Response dispatch(CustomResourceRequest request, int remainingMillis, Operation operation) {
        CustomResource resource = resources.get(request.resourceType());
        if (resource == null) {
            return unsupported(request);
        }
        Duration budget = this.budget.forRemaining(remainingMillis);
        ResourceContext context = new ResourceContext(Deadline.after(budget));
        LOG.atInfo().addKeyValue("budgetMs", budget.toMillis()).log("Starting the operation");
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "custom-resource-work");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Future<Response> work = worker.submit(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            return operation.apply(resource, request, context);
        });
        try {
            Response response = work.get(budget.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return response != null ? response
                    : failed(request, resource, "The " + request.resourceType() + " handler gave no answer (a bug).");
        } catch (TimeoutException e) {
            work.cancel(true);
            LOG.atError().addKeyValue("step", context.currentStep()).log("Time box spent");
            return failed(request, resource, FailureReasons.timedOut(context));
        } catch (ExecutionException e) {
            LOG.atError().addKeyValue("step", context.currentStep()).setCause(e.getCause()).log("Operation failed");
            return failed(request, resource, FailureReasons.describe(e.getCause(), context));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            return failed(request, resource, FailureReasons.timedOut(context));
        } finally {
            worker.shutdownNow();
        }
    }

    private Response failed(CustomResourceRequest request, CustomResource resource, String reason) {
        return Response.builder()
                .status(Response.Status.FAILED)
                .physicalResourceId(physicalIdForFailure(request, resource))
                .reason(reason)
                .build();
    }

    /** Keep the existing id on Update/Delete; on Create, the id the resource would have had, so Delete can clean up. */
    private static String physicalIdForFailure(CustomResourceRequest request, CustomResource resource) {
        if (request.physicalResourceId() != null) {
            return request.physicalResourceId();
        }
        try {
            return resource.physicalResourceId(request);
        } catch (RuntimeException e) {
            return PhysicalIds.stable(request.logicalResourceId() + "-failed", request, String.valueOf(request.requestId()));
        }
    }

    private Response unsupported(CustomResourceRequest request) {
        if ("Delete".equals(request.requestType())) {
            // Nothing of ours can exist for a type we never served; let the stack delete.
            LOG.warn("Delete for a resource type this helper does not serve; nothing to do");
            return Response.builder().status(Response.Status.SUCCESS)
                    .physicalResourceId(request.physicalResourceId()).build();
        }
        String physicalId = request.physicalResourceId() != null ? request.physicalResourceId()
                : PhysicalIds.stable("unsupported", request, String.valueOf(request.resourceType()));
        return Response.builder().status(Response.Status.FAILED).physicalResourceId(physicalId)
                .reason(FailureReasons.truncate("This deploymentHelper does not serve resource type "
                        + request.resourceType() + "; it serves " + resources.keySet()
                        + ". Check the Type in the template, or deploy the helper version that adds it."))
                .build();
    }
}
