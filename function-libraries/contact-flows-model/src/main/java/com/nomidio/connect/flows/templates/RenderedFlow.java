package com.nomidio.connect.flows.templates;

import com.nomidio.connect.flows.model.FlowDocument;
import com.nomidio.connect.flows.model.FlowParser;

/** A template with its placeholders filled: the exact Content sent to Connect and written to the bucket. */
public record RenderedFlow(NomidioFlow flow, String content) {

    public FlowDocument document() {
        return FlowParser.parse(content);
    }
}
