package com.nomidio.connect.agentapi.domain;

import com.nomidio.connect.domain.AuthLevel;

/**
 * One request of the softphone, read and checked for shape: {@code action} null is a read of the contact's
 * attributes; {@code level} is set for CHALLENGE only. {@code contactId} is a Connect contact id's shape, the agent a
 * well-formed agent ARN: whether they belong together is for {@link AgentApi} to ask Connect.
 */
public record AgentRequest(String contactId, AgentArn agent, AgentAction action, AuthLevel level) {

    /** The action's name for the audit line; READ for a read. */
    public String auditAction() {
        return action == null ? "READ" : action.name();
    }
}
