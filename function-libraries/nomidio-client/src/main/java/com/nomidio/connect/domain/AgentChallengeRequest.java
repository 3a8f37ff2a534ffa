package com.nomidio.connect.domain;

/**
 * The values of {@link ContactAttribute#AGENT_CHALLENGE}: REQUESTED while a contact whose agent asked for a challenge
 * (the agent API) is on its way to NOMIDIO-AGENT-CHALLENGE-QUEUE; the POST flow routes it back to that agent and
 * clears the attribute. One definition for the agent API, the flows' tests, the simulator and the softphone (whose
 * build generates its vocabulary from this file).
 */
public enum AgentChallengeRequest {
    REQUESTED
}
