package com.nomidio.connect.action.domain;

import com.nomidio.connect.time.Deadline;

/** Performs one contact-flow action. Never throws: every failure is an answer for the flow. */
public interface ActionPerformer {

    ActionOutcome perform(ActionRequest request, Deadline deadline);
}
