package com.nomidio.connect.deployment.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.nomidio.connect.deployment.resources.CustomResourceRequest;
import com.nomidio.connect.deployment.resources.ResourceDispatcher;
import java.util.Map;
import software.amazon.lambda.powertools.cloudformation.AbstractCustomResourceHandler;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * The deploymentHelper Lambda: one function serving every Nomidio custom resource type (the secret, the
 * contact flows; the softphone and the Lex bots join by adding a resource to {@link DeploymentHelperWiring}),
 * so no dependency cycle forms between the functions and the flows. Powertools sends the answer to
 * CloudFormation's ResponseURL; the dispatcher guarantees there is one, in time.
 */
public final class DeploymentHelperHandler extends AbstractCustomResourceHandler {

    private final ResourceDispatcher dispatcher;

    public DeploymentHelperHandler() {
        this(DeploymentHelperWiring.fromEnvironment(System.getenv()));
    }

    DeploymentHelperHandler(ResourceDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The handler Lambda builds, configured from {@code env} instead of the process environment. */
    public static DeploymentHelperHandler fromEnvironment(Map<String, String> env) {
        return new DeploymentHelperHandler(DeploymentHelperWiring.fromEnvironment(Map.copyOf(env)));
    }

    @Override
    protected Response create(CloudFormationCustomResourceEvent event, Context context) {
        return dispatcher.create(CustomResourceRequest.from(event), context.getRemainingTimeInMillis());
    }

    @Override
    protected Response update(CloudFormationCustomResourceEvent event, Context context) {
        return dispatcher.update(CustomResourceRequest.from(event), context.getRemainingTimeInMillis());
    }

    @Override
    protected Response delete(CloudFormationCustomResourceEvent event, Context context) {
        return dispatcher.delete(CustomResourceRequest.from(event), context.getRemainingTimeInMillis());
    }
}
