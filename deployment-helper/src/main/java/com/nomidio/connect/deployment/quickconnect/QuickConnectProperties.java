package com.nomidio.connect.deployment.quickconnect;

import com.nomidio.connect.deployment.resources.InvalidPropertiesException;
import com.nomidio.connect.deployment.resources.ResourceProperties;
import com.nomidio.connect.flows.catalog.ConnectArns;

/**
 * The properties of {@code Custom::NomidioAgentChallengeQuickConnect}, checked.
 *
 * @param instanceId       the Connect instance id (the template may pass an id or an ARN)
 * @param workingQueueName the standard queue the quick connect transfers to and is shown on
 * @param flowId           NOMIDIO-AGENT-CHALLENGE-QUEUE's id, from its ARN
 */
public record QuickConnectProperties(String instanceId, String workingQueueName, String flowId) {

    static final String INSTANCE_ID = "ConnectInstanceId";
    static final String WORKING_QUEUE_NAME = "WorkingQueueName";
    static final String FLOW_ARN = "AgentChallengeFlowArn";
    static final String DEFAULT_WORKING_QUEUE = "BasicQueue";

    public static QuickConnectProperties from(ResourceProperties properties) {
        String instanceId = ConnectArns.instanceId(properties.required(INSTANCE_ID, "set the Connect Instance Id parameter"));
        String flowArn = properties.required(FLOW_ARN,
                "pass NOMIDIO-AGENT-CHALLENGE-QUEUE's ARN (!GetAtt nomidioContactFlows.AgentChallengeQueueFlowArn)");
        String marker = ":instance/" + instanceId + "/contact-flow/";
        int at = flowArn.indexOf(marker);
        String flowId = at < 0 ? "" : flowArn.substring(at + marker.length());
        if (!ConnectArns.isFlowReference(flowArn) || !flowId.matches("[A-Za-z0-9-]{1,256}")) {
            throw new InvalidPropertiesException(FLOW_ARN + " must be the ARN of a contact flow of instance " + instanceId);
        }
        return new QuickConnectProperties(instanceId,
                properties.optional(WORKING_QUEUE_NAME).orElse(DEFAULT_WORKING_QUEUE), flowId);
    }
}
