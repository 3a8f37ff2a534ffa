package com.nomidio.connect.agentapi.domain;

import com.nomidio.connect.time.Deadline;

/** Answers one well-formed request: {@link AgentApi}, or {@link Unconfigured} when the function cannot work. */
public interface AgentRequests {

    ApiAnswer answer(AgentRequest request, Deadline deadline);
}
