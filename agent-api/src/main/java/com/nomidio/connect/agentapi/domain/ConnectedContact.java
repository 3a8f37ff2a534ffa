package com.nomidio.connect.agentapi.domain;

/**
 * A contact as Amazon Connect's DescribeContact shows it, reduced to what the binding checks: the agent it is
 * routed to ({@code AgentInfo.Id}, null if none), whether that agent is connected ({@code
 * AgentInfo.ConnectedToAgentTimestamp} set), whether it has ended ({@code DisconnectTimestamp} set), and the
 * customer's address ({@code CustomerEndpoint.Address}, null if Connect gives none).
 */
public record ConnectedContact(String contactId, String agentId, boolean connectedToAgent, boolean disconnected,
                               String customerAddress) {

    /** True only while this contact is in a call with {@code agentId}. */
    public boolean isInCallWith(String agentId) {
        return this.agentId != null && this.agentId.equals(agentId) && connectedToAgent && !disconnected;
    }
}
