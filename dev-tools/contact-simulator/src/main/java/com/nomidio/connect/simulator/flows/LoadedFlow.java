package com.nomidio.connect.simulator.flows;

import com.nomidio.connect.flows.model.FlowDocument;
import com.nomidio.connect.flows.validation.ValidationReport;

/**
 * A flow as the simulated instance holds it: its name, ARN, the rendered flow-language content and its parsed
 * form, and what the validator said about it.
 */
public record LoadedFlow(String name, String arn, String content, FlowDocument document, ValidationReport validation,
        boolean nomidio) {
}
