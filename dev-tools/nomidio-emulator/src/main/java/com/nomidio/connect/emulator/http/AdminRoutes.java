package com.nomidio.connect.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.emulator.state.ApiException;
import com.nomidio.connect.emulator.state.ChallengeInspection;
import com.nomidio.connect.emulator.state.ChallengeStore;
import com.nomidio.connect.emulator.state.EmulatorSettings;
import com.nomidio.connect.emulator.state.FaceCheck;
import com.nomidio.connect.emulator.state.Fault;
import com.nomidio.connect.emulator.state.FaultPlan;
import com.nomidio.connect.emulator.state.IdentityStore;
import com.nomidio.connect.emulator.voice.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The emulator's own API under {@code /_emulator}, for tests and people: inject faults, inspect challenges,
 * complete chat challenges as the Nomidio app would, change settings, reset. Unauthenticated: a local tool. A record:
 * it only holds the emulator's state the routes act on.
 */
public record AdminRoutes(FaultPlan faults, ChallengeStore challenges, IdentityStore identities,
                          EmulatorSettings settings, Runnable reset, ObjectMapper json) {

    public List<Route> routes() {
        return List.of(
                Route.admin("GET", "/_emulator/health", r -> Response.json(200, json.createObjectNode().put("status", "UP"), json)),
                Route.admin("POST", "/_emulator/faults", this::addFault),
                Route.admin("GET", "/_emulator/faults", r -> Response.json(200, faultsJson(), json)),
                Route.admin("DELETE", "/_emulator/faults", r -> {
                    faults.clear();
                    return Response.empty(204);
                }),
                Route.admin("GET", "/_emulator/challenges/{challengeId}", this::inspect),
                Route.admin("POST", "/_emulator/challenges/{challengeId}/complete", this::complete),
                Route.admin("GET", "/_emulator/identities", r -> Response.json(200, identities.list(), json)),
                Route.admin("GET", "/_emulator/settings", r -> Response.json(200, settingsJson(), json)),
                Route.admin("PUT", "/_emulator/settings", this::changeSettings),
                Route.admin("POST", "/_emulator/reset", r -> {
                    reset.run();
                    return Response.empty(204);
                }));
    }

    /** Body: {"operation": "identify"|"*", "kind": "slow"|"status"|"drop", "ms": 3000, "status": 503, "times": 1}. */
    private Response addFault(Request request) {
        JsonBody body = JsonBody.of(request, json);
        String operation = body.text("operation");
        int times = body.isNull("times") ? 0 : body.integer("times");
        Fault fault;
        try {
            fault = switch (body.text("kind").toLowerCase(Locale.ROOT)) {
                case "slow" -> Fault.slow(operation, Duration.ofMillis(body.integer("ms")));
                case "status" -> Fault.status(operation, body.integer("status"));
                case "drop" -> Fault.drop(operation);
                default -> throw ApiException.invalid("kind must be slow, status or drop");
            };
            if (times > 0) {
                fault = fault.times(times);
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        faults.add(fault);
        return Response.json(201, faultJson(fault), json);
    }

    private Response inspect(Request request) {
        ChallengeInspection challenge = challenges.inspect(request.pathParameter("challengeId"))
                .orElseThrow(() -> ApiException.notFound("no such challenge"));
        return Response.json(200, inspectionJson(challenge), json);
    }

    /** Body: {"status": "PASSED"|"FAILED"}: the caller answered the challenge in the Nomidio app (chat). */
    private Response complete(Request request) {
        ChallengeStatus status = JsonBody.of(request, json).enumValue("status", ChallengeStatus.class);
        return Response.json(200, challenges.completeInApp(request.pathParameter("challengeId"), status), json);
    }

    /** Body: any of {"freeTrialLimitReached": bool, "faceCheck": "PASS"|"FAIL"|"NEVER", "challengeLifetimeSeconds": n}. */
    private Response changeSettings(Request request) {
        JsonBody body = JsonBody.of(request, json);
        if (body.has("freeTrialLimitReached")) {
            settings.freeTrialLimitReached(body.bool("freeTrialLimitReached"));
        }
        if (body.has("faceCheck")) {
            settings.faceCheck(body.enumValue("faceCheck", FaceCheck.class));
        }
        if (body.has("challengeLifetimeSeconds")) {
            int seconds = body.integer("challengeLifetimeSeconds");
            if (seconds < 1) {
                throw ApiException.invalid("challengeLifetimeSeconds must be at least 1");
            }
            settings.challengeLifetime(Duration.ofSeconds(seconds));
        }
        return Response.json(200, settingsJson(), json);
    }

    private ObjectNode settingsJson() {
        return json.createObjectNode()
                .put("freeTrialLimitReached", settings.freeTrialLimitReached())
                .put("faceCheck", settings.faceCheck().name())
                .put("challengeLifetimeSeconds", settings.challengeLifetime().toSeconds())
                .put("tokenLifetimeSeconds", settings.tokenLifetime().toSeconds())
                .put("verificationDelayMs", settings.verificationDelay().toMillis())
                .put("faceCheckDelayMs", settings.faceCheckDelay().toMillis());
    }

    private ArrayNode faultsJson() {
        ArrayNode list = json.createArrayNode();
        faults.pending().forEach(f -> list.add(faultJson(f)));
        return list;
    }

    private ObjectNode faultJson(Fault fault) {
        ObjectNode node = json.createObjectNode()
                .put("operation", fault.operation())
                .put("kind", fault.kind().name().toLowerCase(Locale.ROOT))
                .put("times", fault.times());
        if (fault.kind() == Fault.Kind.SLOW) {
            node.put("ms", fault.delay().toMillis());
        }
        if (fault.kind() == Fault.Kind.STATUS) {
            node.put("status", fault.status());
        }
        return node;
    }

    private ObjectNode inspectionJson(ChallengeInspection c) {
        ObjectNode node = json.createObjectNode()
                .put("challengeId", c.challengeId())
                .put("nomidioId", c.nomidioId())
                .put("level", c.level().name())
                .put("channel", c.channel().name())
                .put("contactId", c.contactId())
                .put("status", c.status().name())
                .put("reason", c.reason())
                .put("createdAt", text(c.createdAt()))
                .put("expiresAt", text(c.expiresAt()))
                .put("completedAt", text(c.completedAt()))
                .put("faceCheck", c.faceCheck())
                .put("resultReads", c.resultReads());
        if (c.sampleBytes() == null) {
            node.putNull("sample");
            return node;
        }
        ObjectNode sample = node.putObject("sample")
                .put("bytes", c.sampleBytes())
                .put("receivedAt", text(c.sampleReceivedAt()));
        Verification v = c.verification();
        if (v == null) {
            sample.putNull("verdict");
        } else {
            sample.put("verdict", v.verdict().name())
                    .put("audioSeconds", round(v.audioSeconds()))
                    .put("speechSeconds", round(v.speechSeconds()));
            number(sample, "score", v.score());
            number(sample, "threshold", v.threshold());
        }
        return node;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, round(value));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
