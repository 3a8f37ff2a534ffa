package com.nomidio.connect.action.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the call may go after the Nomidio flows ({@code nomidio_post_flow_id}). Anyone who can set a contact
 * attribute (a customer flow, a chat start, an API call) can set this one, so only a flow of the instance running
 * the contact is accepted: its ARN ({@code arn:aws:connect:<region>:<account>:instance/<this instance>/contact-flow/<id>})
 * or its bare id, which TransferToFlow resolves inside the same instance.
 */
final class PostFlowTarget {

    /** Connect flow ids are UUIDs; names are allowed too (the simulator's instance uses them), nothing else. */
    private static final Pattern FLOW_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final Pattern INSTANCE_ARN =
            Pattern.compile("arn:aws[a-z-]*:connect:[a-z0-9-]+:[0-9]{12}:instance/[A-Za-z0-9-]{1,100}");
    private static final String FLOW_PATH = "/contact-flow/";

    private PostFlowTarget() {
    }

    /**
     * The value to transfer to, or empty when {@code requested} names no flow of {@code instanceArn}'s instance.
     * Without a readable instance ARN only a bare id is accepted.
     */
    static Optional<String> accepted(String requested, String instanceArn) {
        if (requested == null) {
            return Optional.empty();
        }
        String value = requested.trim();
        if (FLOW_ID.matcher(value).matches()) {
            return Optional.of(value);
        }
        if (instanceArn == null || !INSTANCE_ARN.matcher(instanceArn.trim()).matches()) {
            return Optional.empty();
        }
        String prefix = instanceArn.trim() + FLOW_PATH;
        if (value.startsWith(prefix) && FLOW_ID.matcher(value.substring(prefix.length())).matches()) {
            return Optional.of(value);
        }
        return Optional.empty();
    }
}
