package com.nomidio.connect.testkit.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * WireMock stubs for the Nomidio gateway contract (nomidio-gateway-openapi.yaml), shared by every module's tests.
 * The defaults below are the credentials the stubs expect. Statuses, levels and flags are the client's enums,
 * taken as {@code Enum<?>} and written by name (their wire form), so that the kit needs no dependency on the
 * client it tests.
 */
public final class GatewayStubs {

    public static final String SUPPLIER_CODE = "SUP-001";
    public static final String ENTERPRISE_CODE = "ENT-042";
    public static final String ACCESS_KEY_ID = "9ODO5FL9B50A5V9Y0Q6Q";
    public static final String ACCESS_KEY_SECRET = "s3cr3t-Acc3ss-K3y-Valu3";
    public static final String TOKEN = "tok-eyJhbGciOiJIUzI1NiJ9-test";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Binding binding;

    private final WireMockServer server;

    public GatewayStubs(WireMockServer server) {
        this.server = server;
    }

    /** The gateway URL to configure the client with (the credentials are the constants above). */
    public String baseUrl() {
        return server.baseUrl();
    }

    public GatewayStubs token() {
        return token(3600);
    }

    public GatewayStubs token(long expiresInSeconds) {
        ObjectNode body = JSON.createObjectNode()
                .put("access_token", TOKEN).put("token_type", "Bearer").put("expires_in", expiresInSeconds);
        server.stubFor(post(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("client_id=" + ACCESS_KEY_ID))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson(body.toString())));
        return this;
    }

    public GatewayStubs identity(String e164, String nomidioId, Enum<?> status, Enum<?> fraudFlag) {
        server.stubFor(authorised(post(urlPathEqualTo("/v1/identities/search")))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(e164)))
                .willReturn(okJson(identityJson(nomidioId, status, fraudFlag))));
        return this;
    }

    public GatewayStubs identityByReference(String reference, String nomidioId, Enum<?> status) {
        server.stubFor(authorised(post(urlPathEqualTo("/v1/identities/search")))
                .withRequestBody(matchingJsonPath("$.customerReference", equalTo(reference)))
                .willReturn(okJson(identityJson(nomidioId, status, null))));
        return this;
    }

    public GatewayStubs invite(String e164) {
        server.stubFor(authorised(post(urlPathEqualTo("/v1/invitations")))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(e164)))
                .willReturn(okJson(identityBody(null, "INVITATION_SENT", null))));
        return this;
    }

    public GatewayStubs optOut() {
        server.stubFor(authorised(post(urlPathEqualTo("/v1/opt-outs")))
                .willReturn(okJson(identityBody(null, "OPTED_OUT", null))));
        return this;
    }

    public GatewayStubs createChallenge(String nomidioId, Enum<?> level, String challengeId) {
        ObjectNode body = JSON.createObjectNode()
                .put("challengeId", challengeId).put("status", "PENDING").put("level", level.name());
        server.stubFor(authorised(post(urlPathEqualTo("/v1/challenges")))
                .withRequestBody(matchingJsonPath("$.nomidioId", equalTo(nomidioId)))
                .withRequestBody(matchingJsonPath("$.level", equalTo(level.name())))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(body.toString())));
        return this;
    }

    /**
     * Later challengeResult and cancelChallenge stubs say the challenge is {@code nomidioId}'s, created for
     * {@code contactId}, and that the identity is now {@code nomidioStatus} with {@code fraudFlag} (may be null):
     * what the contract's ChallengeResult carries and nomidioAction checks.
     */
    public GatewayStubs bindChallengesTo(String contactId, String nomidioId, Enum<?> nomidioStatus, Enum<?> fraudFlag) {
        binding = new Binding(contactId, nomidioId, nomidioStatus, fraudFlag);
        return this;
    }

    public GatewayStubs challengeResult(String challengeId, Enum<?> status, Enum<?> level) {
        server.stubFor(authorised(get(urlPathEqualTo("/v1/challenges/" + challengeId + "/result")))
                .willReturn(okJson(bound(challengeResultJson(challengeId, status, level, null)))));
        return this;
    }

    public GatewayStubs uploadSample(String challengeId) {
        server.stubFor(authorised(put(urlPathEqualTo("/v1/challenges/" + challengeId + "/sample")))
                .withHeader("Content-Type", equalTo("audio/wav"))
                .willReturn(aResponse().withStatus(202)));
        return this;
    }

    public GatewayStubs cancelChallenge(String challengeId, Enum<?> level) {
        server.stubFor(authorised(post(urlPathEqualTo("/v1/challenges/" + challengeId + "/cancel")))
                .willReturn(okJson(bound(challengeResultBody(challengeId, "TIMEOUT", level, "cancelled")))));
        return this;
    }

    /** enrol of {@code nomidioId} with {@code challengeId} answers the identity, now {@code status}. */
    public GatewayStubs enrol(String nomidioId, String challengeId, Enum<?> status) {
        server.stubFor(authorised(post(urlPathEqualTo("/v1/identities/" + nomidioId + "/enrolment")))
                .withRequestBody(matchingJsonPath("$.challengeId", equalTo(challengeId)))
                .willReturn(okJson(identityJson(nomidioId, status, null))));
        return this;
    }

    /** setBlocked of {@code e164} to {@code blocked} answers the identity, now {@code status}. */
    public GatewayStubs setBlocked(String e164, boolean blocked, String nomidioId, Enum<?> status) {
        server.stubFor(authorised(put(urlPathEqualTo("/v1/blocks")))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(e164)))
                .withRequestBody(matchingJsonPath("$.blocked", equalTo(Boolean.toString(blocked))))
                .willReturn(okJson(identityJson(nomidioId, status, null))));
        return this;
    }

    /**
     * setFraudFlag for the subject {@code nomidioId}: to SUSPECTED_FRAUD ({@code fraudFlag} that constant) or cleared
     * ({@code fraudFlag} null); answers the identity, still {@code status}, with the new flag.
     */
    public GatewayStubs setFraudFlag(String nomidioId, Enum<?> status, Enum<?> fraudFlag) {
        server.stubFor(authorised(put(urlPathEqualTo("/v1/fraud-flags")))
                .withRequestBody(matchingJsonPath("$.subject.nomidioId", equalTo(nomidioId)))
                .withRequestBody(fraudFlag == null
                        ? containing("\"fraudFlag\":null")
                        : matchingJsonPath("$.fraudFlag", equalTo(fraudFlag.name())))
                .willReturn(okJson(identityJson(nomidioId, status, fraudFlag))));
        return this;
    }

    /** Every gateway path (not the token) answers with {@code response}. */
    public GatewayStubs everyCall(ResponseDefinitionBuilder response) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching("/v1/.*"))
                .atPriority(1).willReturn(response));
        return this;
    }

    public static ResponseDefinitionBuilder error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(JSON.createObjectNode().put("code", code).put("message", "stubbed " + code).toString());
    }

    public static String identityJson(String nomidioId, Enum<?> status, Enum<?> fraudFlag) {
        return identityBody(nomidioId, status.name(), fraudFlag);
    }

    private static String identityBody(String nomidioId, String status, Enum<?> fraudFlag) {
        ObjectNode node = JSON.createObjectNode().put("status", status);
        node.put("nomidioId", nomidioId);
        node.put("fraudFlag", fraudFlag == null ? null : fraudFlag.name());
        return node.toString();
    }

    public static String challengeResultJson(String challengeId, Enum<?> status, Enum<?> level, String reason) {
        return challengeResultBody(challengeId, status.name(), level, reason);
    }

    private static String challengeResultBody(String challengeId, String status, Enum<?> level, String reason) {
        return JSON.createObjectNode().put("challengeId", challengeId).put("status", status)
                .put("level", level.name()).put("reason", reason).toString();
    }

    /** {@code resultJson} with the binding of {@link #bindChallengesTo}, if any. */
    public String bound(String resultJson) {
        if (binding == null) {
            return resultJson;
        }
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(resultJson);
            node.put("contactId", binding.contactId()).put("nomidioId", binding.nomidioId())
                    .put("nomidioStatus", binding.nomidioStatus() == null ? null : binding.nomidioStatus().name())
                    .put("fraudFlag", binding.fraudFlag() == null ? null : binding.fraudFlag().name());
            return node.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Binding(String contactId, String nomidioId, Enum<?> nomidioStatus, Enum<?> fraudFlag) {
    }

    private static MappingBuilder authorised(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Supplier-Code", equalTo(SUPPLIER_CODE))
                .withHeader("X-Enterprise-Code", equalTo(ENTERPRISE_CODE));
    }
}
