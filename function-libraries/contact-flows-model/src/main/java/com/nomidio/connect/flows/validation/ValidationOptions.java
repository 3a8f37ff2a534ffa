package com.nomidio.connect.flows.validation;

import java.util.Optional;

/**
 * How strict to be.
 *
 * @param foreign             a flow we did not write: unknown action types and parameters, unreachable actions
 *                            and unhandled error types are warnings rather than errors, so it can be read and
 *                            (by a simulator) run as far as it goes
 * @param maxActions          Connect's limit is 250 actions per flow
 * @param requiredLambdaAlias when present, every static Lambda ARN must carry this qualifier (our flows invoke
 *                            the published alias, e.g. {@code live}, never $LATEST or a bare function)
 */
public record ValidationOptions(boolean foreign, int maxActions, Optional<String> requiredLambdaAlias) {

    public static final int CONNECT_MAX_ACTIONS = 250;
    public static final String PUBLISHED_ALIAS = "live";

    /** The rules for the project's own rendered flows. */
    public static ValidationOptions nomidio() {
        return new ValidationOptions(false, CONNECT_MAX_ACTIONS, Optional.of(PUBLISHED_ALIAS));
    }

    /** The rules for flows written elsewhere (public samples, a customer's own pre- or post-flow). */
    public static ValidationOptions foreignFlow() {
        return new ValidationOptions(true, CONNECT_MAX_ACTIONS, Optional.empty());
    }
}
