package com.nomidio.connect.agentapi.domain;

import com.nomidio.connect.time.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in when the function's configuration is unusable, so that every request gets a 500 ERROR and logs what to
 * fix, instead of the function failing to initialise.
 */
public final class Unconfigured implements AgentRequests {

    private static final Logger LOG = LoggerFactory.getLogger(Unconfigured.class);

    private final String problem;

    public Unconfigured(String problem) {
        this.problem = problem;
    }

    @Override
    public ApiAnswer answer(AgentRequest request, Deadline deadline) {
        LOG.atError().addKeyValue("problem", problem).log("agentApi is not configured, answering ERROR");
        return ApiAnswer.error("not configured");
    }
}
