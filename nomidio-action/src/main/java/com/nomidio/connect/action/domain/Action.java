package com.nomidio.connect.action.domain;

import java.util.Optional;

/** The actions a contact flow asks nomidioAction for, by the value of the {@code action} invocation parameter. */
public enum Action {
    LOOKUP("lookup"),
    INVITE("invite"),
    OPT_OUT("optOut"),
    CREATE_CHALLENGE("createChallenge"),
    START_SAMPLE_UPLOAD("startSampleUpload"),
    CHALLENGE_RESULT("challengeResult"),
    /** The flow gives up on a challenge it could not run (capture did not start): the gateway is told at once. */
    CANCEL_CHALLENGE("cancelChallenge");

    /** The invocation parameter ({@code $.Details.Parameters}) that names the action. */
    public static final String PARAMETER = "action";

    private final String parameterValue;

    Action(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    public String parameterValue() {
        return parameterValue;
    }

    /** Exact match on the parameter value (flows are generated, so a near miss is a bug worth seeing). */
    public static Optional<Action> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        for (Action action : values()) {
            if (action.parameterValue.equals(trimmed)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
