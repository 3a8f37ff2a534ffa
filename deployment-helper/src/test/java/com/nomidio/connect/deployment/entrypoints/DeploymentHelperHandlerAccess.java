package com.nomidio.connect.deployment.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.nomidio.connect.deployment.resources.ResourceDispatcher;
import software.amazon.lambda.powertools.cloudformation.Response;

/** Lets tests in other packages build the real handler with a dispatcher pointed at local endpoints. */
public final class DeploymentHelperHandlerAccess {

    private final DeploymentHelperHandler handler;

    public DeploymentHelperHandlerAccess(ResourceDispatcher dispatcher) {
        this.handler = new DeploymentHelperHandler(dispatcher);
    }

    public Response handle(CloudFormationCustomResourceEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
