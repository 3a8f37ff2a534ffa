package com.nomidio.connect.action.domain;

import com.nomidio.connect.domain.FlowAttributes;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.time.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in when the function's configuration is unusable, so that Connect still gets an answer (ERROR)
 * and every invocation logs what to fix, instead of the function failing to initialise.
 */
public final class Unconfigured implements ActionPerformer {

    private static final Logger LOG = LoggerFactory.getLogger(Unconfigured.class);

    private final String problem;

    public Unconfigured(String problem) {
        this.problem = problem;
    }

    @Override
    public ActionOutcome perform(ActionRequest request, Deadline deadline) {
        LOG.atError().addKeyValue("problem", problem).log("nomidioAction is not configured, answering ERROR");
        String action = Action.parse(request.actionName()).map(Action::parameterValue).orElse(ActionOutcome.UNKNOWN_ACTION);
        return new ActionOutcome(action, NomidioStatus.ERROR.name(), FlowAttributes.failure(NomidioStatus.ERROR), "", null,
                true);
    }
}
