package com.nomidio.connect.lex.domain;

import com.nomidio.connect.time.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in when the function's configuration is unusable, so that Lex still gets a valid answer (Close, ERROR)
 * and every invocation logs what to fix, instead of the function failing to initialise.
 */
public final class Unconfigured implements LexCodeHook {

    private static final Logger LOG = LoggerFactory.getLogger(Unconfigured.class);

    private final String problem;

    public Unconfigured(String problem) {
        this.problem = problem;
    }

    @Override
    public LexOutcome answer(LexEvent event, Deadline deadline) {
        LOG.atError().addKeyValue("problem", problem).log("nomidioLex is not configured, answering ERROR");
        return NomidioLexDialogue.failure(event);
    }
}
