package com.nomidio.connect.deployment.resources;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.util.Map;

/**
 * The parts of a CloudFormation custom resource event a resource needs. {@link #toString()} never shows the
 * properties: they carry the Access Key Secret in plain text (CloudFormation passes NoEcho parameters on).
 */
public record CustomResourceRequest(
        String requestType,
        String resourceType,
        String stackId,
        String requestId,
        String logicalResourceId,
        String physicalResourceId,
        ResourceProperties properties,
        ResourceProperties oldProperties) {

    public static CustomResourceRequest from(CloudFormationCustomResourceEvent event) {
        return new CustomResourceRequest(event.getRequestType(), event.getResourceType(), event.getStackId(),
                event.getRequestId(), event.getLogicalResourceId(), event.getPhysicalResourceId(),
                new ResourceProperties(orEmpty(event.getResourceProperties())),
                new ResourceProperties(orEmpty(event.getOldResourceProperties())));
    }

    private static Map<String, Object> orEmpty(Map<String, Object> properties) {
        return properties == null ? Map.of() : properties;
    }

    /** "stackName/LogicalId": how people name this resource in logs and reasons. */
    public String describe() {
        return stackName() + "/" + logicalResourceId;
    }

    /** The stack name from the stack ARN ({@code arn:...:stack/NAME/uuid}). */
    public String stackName() {
        String[] parts = stackId == null ? new String[0] : stackId.split("/");
        return parts.length >= 2 ? parts[1] : String.valueOf(stackId);
    }

    @Override
    public String toString() {
        return "CustomResourceRequest[" + requestType + " " + resourceType + " " + describe()
                + " physicalResourceId=" + physicalResourceId + " requestId=" + requestId + "]";
    }
}
