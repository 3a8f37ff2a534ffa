package com.nomidio.connect.lex.domain;

import com.nomidio.connect.time.Deadline;

/** Answers one Lex V2 code-hook invocation. Never throws: every failure is an answer for Lex. */
public interface LexCodeHook {

    LexOutcome answer(LexEvent event, Deadline deadline);
}
