package com.nomidio.connect.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What nomidioAction answers (and nomidioLex hands back as Lex session attributes): every output contact attribute, always all of them, as strings
 * (a missing value is the empty string, as the guide specifies for the fraud flag).
 *
 * @param postFlowId the checked {@code nomidio_post_flow_id} (a flow of this instance, or "" for the default post
 *                   flow); answered only by the actions that start a Nomidio flow (lookup, createChallenge), null
 *                   (not in the map) for the others
 */
public record FlowAttributes(
        NomidioStatus status,
        FraudFlag fraudFlag,
        AuthLevel challengeAuth,
        ChallengeStatus challengeResult,
        boolean authenticatedEnrolled,
        String nomidioId,
        String challengeId,
        VoiceAuthOutcome voiceAuth,
        String postFlowId) {

    public FlowAttributes(NomidioStatus status, FraudFlag fraudFlag, AuthLevel challengeAuth,
                          ChallengeStatus challengeResult, boolean authenticatedEnrolled, String nomidioId,
                          String challengeId, VoiceAuthOutcome voiceAuth) {
        this(status, fraudFlag, challengeAuth, challengeResult, authenticatedEnrolled, nomidioId, challengeId,
                voiceAuth, null);
    }

    /** The same answer, also telling the flow where the call goes next. */
    public FlowAttributes withPostFlowId(String checkedPostFlowId) {
        return new FlowAttributes(status, fraudFlag, challengeAuth, challengeResult, authenticatedEnrolled, nomidioId,
                challengeId, voiceAuth, checkedPostFlowId == null ? "" : checkedPostFlowId);
    }

    /** The output attributes, in the order the map is written. */
    public static final List<ContactAttribute> OUTPUTS = List.of(
            ContactAttribute.STATUS,
            ContactAttribute.FRAUD_FLAG,
            ContactAttribute.CHALLENGE_AUTH,
            ContactAttribute.CHALLENGE_RESULT,
            ContactAttribute.AUTHENTICATED_ENROLLED,
            ContactAttribute.NOMIDIO_ID,
            ContactAttribute.CHALLENGE_ID,
            ContactAttribute.VOICE_AUTH);

    /** The answer when nothing about the contact can be trusted (unreadable event, our own failure). */
    public static FlowAttributes failure(NomidioStatus status) {
        return new FlowAttributes(status, null, null, null, false, null, null, VoiceAuthOutcome.beforeChallenge(status));
    }

    /**
     * Reads back what {@link #toMap()} wrote (nomidioLex keeps its answer in the Lex session between turns).
     * Unreadable values count as absent: the gateway, not the session, is the authority.
     */
    public static FlowAttributes fromMap(Map<String, String> map) {
        return new FlowAttributes(
                NomidioStatus.parse(text(map, ContactAttribute.STATUS)).orElse(null),
                constant(FraudFlag.class, text(map, ContactAttribute.FRAUD_FLAG)),
                AuthLevel.parse(text(map, ContactAttribute.CHALLENGE_AUTH)).orElse(null),
                constant(ChallengeStatus.class, text(map, ContactAttribute.CHALLENGE_RESULT)),
                "true".equals(text(map, ContactAttribute.AUTHENTICATED_ENROLLED)),
                text(map, ContactAttribute.NOMIDIO_ID),
                text(map, ContactAttribute.CHALLENGE_ID),
                constant(VoiceAuthOutcome.class, text(map, ContactAttribute.VOICE_AUTH)),
                null);
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(ContactAttribute.STATUS.key(), text(status));
        map.put(ContactAttribute.FRAUD_FLAG.key(), text(fraudFlag));
        map.put(ContactAttribute.CHALLENGE_AUTH.key(), text(challengeAuth));
        map.put(ContactAttribute.CHALLENGE_RESULT.key(), text(challengeResult));
        map.put(ContactAttribute.AUTHENTICATED_ENROLLED.key(), Boolean.toString(authenticatedEnrolled));
        map.put(ContactAttribute.NOMIDIO_ID.key(), nomidioId == null ? "" : nomidioId);
        map.put(ContactAttribute.CHALLENGE_ID.key(), challengeId == null ? "" : challengeId);
        map.put(ContactAttribute.VOICE_AUTH.key(), text(voiceAuth));
        if (postFlowId != null) {
            map.put(ContactAttribute.POST_FLOW_ID.key(), postFlowId);
        }
        return map;
    }

    private static String text(Map<String, String> map, ContactAttribute attribute) {
        String value = map.get(attribute.key());
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
        }
        return null;
    }

    private static String text(Enum<?> value) {
        return value == null ? "" : value.name();
    }
}
