package com.nomidio.connect.deployment.resources;

import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * One custom resource type served by the deployment helper. Each operation must be idempotent (CloudFormation
 * retries), should name its steps on the context and stay inside its time box, and may throw: the dispatcher
 * turns any exception into a FAILED answer with a reason a person can act on. Delete must succeed for a
 * resource whose Create failed.
 */
public interface CustomResource {

    /** The template's resource type, e.g. {@code Custom::NomidioSecret}. */
    String resourceType();

    /**
     * The physical id a Create answers with, computed from the request alone so that a FAILED Create still
     * names the resource the rollback's Delete will clean up. Changing it on Update means replacement.
     */
    String physicalResourceId(CustomResourceRequest request);

    Response create(CustomResourceRequest request, ResourceContext context);

    Response update(CustomResourceRequest request, ResourceContext context);

    Response delete(CustomResourceRequest request, ResourceContext context);
}
