package com.nomidio.connect.emulator.http;

import static com.nomidio.connect.emulator.state.ErrorCode.BAD_CREDENTIALS;
import static com.nomidio.connect.emulator.state.ErrorCode.FREE_TRIAL_LIMIT;
import static com.nomidio.connect.emulator.state.ErrorCode.INVALID_REQUEST;
import static com.nomidio.connect.emulator.state.ErrorCode.INVALID_STATE;
import static com.nomidio.connect.emulator.state.ErrorCode.NOT_FOUND;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.ChallengeResult;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.emulator.state.ApiException;
import com.nomidio.connect.emulator.state.ChallengeStore;
import com.nomidio.connect.emulator.state.EmulatorSettings;
import com.nomidio.connect.emulator.state.ErrorCode;
import com.nomidio.connect.emulator.state.IdentityStore;
import com.nomidio.connect.emulator.state.TokenIssuer;
import com.nomidio.connect.emulator.voice.PcmAudio;
import com.nomidio.connect.emulator.voice.Voiceprint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.MDC;

/** The routes of nomidio-gateway-openapi.yaml, one per operationId, over the emulator's state (which the record holds). */
public record GatewayRoutes(IdentityStore identities, ChallengeStore challenges, TokenIssuer tokens,
                            EmulatorSettings settings, ObjectMapper json) {

    /** The contract's bound on the result long-poll. */
    static final int MAX_WAIT_SECONDS = 20;

    public List<Route> routes() {
        return List.of(
                Route.contract("issueToken", "POST", "/oauth2/token",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS), false, this::issueToken),
                Route.contract("identify", "POST", "/v1/identities/search",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, FREE_TRIAL_LIMIT), true, this::identify),
                Route.contract("invite", "POST", "/v1/invitations",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, FREE_TRIAL_LIMIT, INVALID_STATE), true, this::invite),
                Route.contract("optOut", "POST", "/v1/opt-outs",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, NOT_FOUND), true, this::optOut),
                Route.contract("createChallenge", "POST", "/v1/challenges",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, FREE_TRIAL_LIMIT, NOT_FOUND, INVALID_STATE), true,
                        this::createChallenge),
                Route.contract("uploadSample", "PUT", "/v1/challenges/{challengeId}/sample",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, NOT_FOUND, INVALID_STATE), true, this::uploadSample),
                Route.contract("cancelChallenge", "POST", "/v1/challenges/{challengeId}/cancel",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, NOT_FOUND, INVALID_STATE), true, this::cancelChallenge),
                Route.contract("getChallengeResult", "GET", "/v1/challenges/{challengeId}/result",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, NOT_FOUND), true, this::challengeResult),
                Route.contract("enrol", "POST", "/v1/identities/{nomidioId}/enrolment",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, NOT_FOUND, INVALID_STATE), true, this::enrol),
                Route.contract("setBlocked", "PUT", "/v1/blocks",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS), true, this::setBlocked),
                Route.contract("setFraudFlag", "PUT", "/v1/fraud-flags",
                        Set.of(INVALID_REQUEST, BAD_CREDENTIALS, NOT_FOUND), true, this::setFraudFlag));
    }

    private Response issueToken(Request request) {
        request.requireContentType("application/x-www-form-urlencoded");
        Map<String, String> form = Request.parseForm(new String(request.body(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw ApiException.invalid("grant_type must be client_credentials");
        }
        TokenIssuer.IssuedToken token = tokens.issue(form.get("client_id"), form.get("client_secret"));
        ObjectNode body = json.createObjectNode()
                .put("access_token", token.value())
                .put("token_type", "Bearer")
                .put("expires_in", token.lifetime().toSeconds());
        return Response.json(200, body, json).withHeader("Cache-Control", "no-store");
    }

    private Response identify(Request request) {
        requireTrialQuota();
        return ok(identities.identify(JsonBody.of(request, json).subject(null)));
    }

    private Response invite(Request request) {
        requireTrialQuota();
        JsonBody body = JsonBody.of(request, json);
        contactId(body);
        return ok(identities.invite(body.phoneNumber("phoneNumber")));
    }

    private Response optOut(Request request) {
        JsonBody body = JsonBody.of(request, json);
        contactId(body);
        return ok(identities.optOut(body.subject("subject")));
    }

    private Response createChallenge(Request request) {
        requireTrialQuota();
        JsonBody body = JsonBody.of(request, json);
        String nomidioId = body.text("nomidioId");
        AuthLevel level = body.enumValue("level", AuthLevel.class);
        Channel channel = body.enumValue("channel", Channel.class);
        String contactId = contactId(body);
        Voiceprint enrolled = identities.challengeable(nomidioId).orElse(null);
        ChallengeStore.Created created = challenges.create(nomidioId, level, channel, contactId, enrolled);
        ObjectNode answer = json.createObjectNode()
                .put("challengeId", created.challengeId())
                .put("status", "PENDING")
                .put("level", created.level().name())
                .put("expiresAt", created.expiresAt().toString());
        return Response.json(201, answer, json);
    }

    private Response uploadSample(Request request) {
        request.requireContentType("audio/wav", "audio/x-wav", "audio/wave");
        try {
            PcmAudio.requireWav(request.body());
        } catch (PcmAudio.InvalidAudioException e) {
            throw ApiException.invalid("body is not a readable WAV: " + e.getMessage());
        }
        challenges.acceptSample(request.pathParameter("challengeId"), request.body());
        return Response.empty(202);
    }

    private Response cancelChallenge(Request request) {
        CancelReason reason = JsonBody.of(request, json).enumValue("reason", CancelReason.class);
        return ok(withIdentity(challenges.cancel(request.pathParameter("challengeId"), reason)));
    }

    private Response challengeResult(Request request) {
        String raw = request.query().getOrDefault("waitSeconds", "0");
        int waitSeconds;
        try {
            waitSeconds = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("waitSeconds must be an integer");
        }
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw ApiException.invalid("waitSeconds must be within 0.." + MAX_WAIT_SECONDS);
        }
        return ok(withIdentity(challenges.awaitResult(request.pathParameter("challengeId"), Duration.ofSeconds(waitSeconds))));
    }

    /** The identity's status and fraud flag as they are now, which the client answers instead of contact attributes. */
    private ChallengeResult withIdentity(ChallengeResult result) {
        return result.withIdentity(identities.identify(Subject.nomidioId(result.nomidioId())));
    }

    private Response enrol(Request request) {
        String nomidioId = request.pathParameter("nomidioId");
        String challengeId = JsonBody.of(request, json).text("challengeId");
        return ok(identities.enrol(nomidioId, challenges.isPassedHighChallengeOf(challengeId, nomidioId)));
    }

    private Response setBlocked(Request request) {
        JsonBody body = JsonBody.of(request, json);
        return ok(identities.setBlocked(body.phoneNumber("phoneNumber"), body.bool("blocked")));
    }

    private Response setFraudFlag(Request request) {
        JsonBody body = JsonBody.of(request, json);
        FraudFlag flag = null;
        if (!body.isNull("fraudFlag")) {
            if (body.enumValue("fraudFlag", FraudFlag.class) != FraudFlag.SUSPECTED_FRAUD) {
                throw ApiException.invalid("an enterprise sets SUSPECTED_FRAUD or clears the flag with null");
            }
            flag = FraudFlag.SUSPECTED_FRAUD;
        }
        return ok(identities.setFraudFlag(body.subject("subject"), flag));
    }

    private String contactId(JsonBody body) {
        String contactId = body.text("contactId");
        MDC.put("contactId", contactId);
        return contactId;
    }

    private void requireTrialQuota() {
        if (settings.freeTrialLimitReached()) {
            throw new ApiException(ErrorCode.FREE_TRIAL_LIMIT, "the enterprise has exceeded its free trial quota");
        }
    }

    private Response ok(Object value) {
        return Response.json(200, value, json);
    }
}
