package com.nomidio.connect.action.entrypoints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.nomidio.connect.action.entrypoints.ConnectEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.nomidio.connect.domain.ContactAttribute;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action × every way its dependency can misbehave: the answer is complete, carries the right status
 * and comes back before the time Lambda said was left. The dependency is the Nomidio gateway for every
 * action but startSampleUpload, whose dependency is the Lambda Invoke API (a fault there is our own: ERROR).
 */
class FaultInjectionTest {

    /** Short, so that "slow" cases finish quickly; the handler keeps its safety margin inside it. */
    private static final long REMAINING_MS = 2500;
    /** Far beyond any budget: a handler that waited for this answer would take a minute. */
    private static final int SLOWER_THAN_BUDGET_MS = 60_000;


    enum Fault {
        SERVER_ERROR,
        RATE_LIMITED,
        SLOWER_THAN_BUDGET,
        CONNECTION_REFUSED,
        MALFORMED_JSON
    }

    @RegisterExtension
    static final NomidioActionHarness harness = new NomidioActionHarness();

    static Stream<Arguments> actionsAndFaults() {
        List<Arguments> cases = new ArrayList<>();
        for (String action : List.of("lookup", "invite", "optOut", "createChallenge", "startSampleUpload", "challengeResult")) {
            for (Fault fault : Fault.values()) {
                cases.add(Arguments.of(action, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} when {1}")
    @MethodSource("actionsAndFaults")
    void anyAction_whenDependencyMisbehaves_answersRightStatusWithinBudget(String action, Fault fault) {
        boolean lambdaIsTheDependency = action.equals("startSampleUpload");
        if (lambdaIsTheDependency) {
            injectIntoLambda(fault);
        } else {
            injectIntoGateway(fault);
        }
        ObjectNode event = event(action);

        long started = System.nanoTime();
        Map<String, String> answer = harness.invoke(event, REMAINING_MS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        String expected = lambdaIsTheDependency ? "ERROR" : "NOMIDIO_UNAVAILABLE";
        assertThat(answer).containsEntry(ContactAttribute.STATUS.key(), expected);
        // lookup and createChallenge also answer the checked post flow (issue 9), failing or not
        List<String> keys = new ArrayList<>(List.of(ContactAttribute.STATUS.key(), ContactAttribute.FRAUD_FLAG.key(),
                ContactAttribute.CHALLENGE_AUTH.key(), ContactAttribute.CHALLENGE_RESULT.key(),
                ContactAttribute.AUTHENTICATED_ENROLLED.key(), ContactAttribute.NOMIDIO_ID.key(),
                ContactAttribute.CHALLENGE_ID.key(), ContactAttribute.VOICE_AUTH.key()));
        if (action.equals("lookup") || action.equals("createChallenge")) {
            keys.add(ContactAttribute.POST_FLOW_ID.key());
        }
        // invite and optOut say "rate limited" apart, so that the flow can ask the caller to try later (issue 9)
        if (fault == Fault.RATE_LIMITED && (action.equals("invite") || action.equals("optOut"))) {
            keys.add(ContactAttribute.ACTION_RESULT.key());
            assertThat(answer).containsEntry(ContactAttribute.ACTION_RESULT.key(), "RATE_LIMITED");
        }
        assertThat(answer).containsOnlyKeys(keys);
        assertThat(answer).containsEntry(ContactAttribute.VOICE_AUTH.key(), "Inconclusive")
                .containsEntry(ContactAttribute.AUTHENTICATED_ENROLLED.key(), "false")
                .containsEntry(ContactAttribute.CHALLENGE_RESULT.key(), "");
        // Not a benchmark and not a race with the machine's speed: an order of magnitude apart, it shows the handler
        // answered on its own deadline instead of waiting for the gateway's minute-late answer. (That the deadline
        // itself fits Connect's limit is InvocationBudget's and NomidioActionWiring's tests' business.)
        assertThat(elapsed).isLessThan(Duration.ofMillis(SLOWER_THAN_BUDGET_MS / 2));
        ObjectNode metric = harness.metricLines().get(0);
        assertThat(metric.path("outcome").asText()).isEqualTo(expected);
        assertThat(metric.path("NomidioUnavailable").asInt()).isEqualTo(lambdaIsTheDependency ? 0 : 1);
    }

    private static void injectIntoGateway(Fault fault) {
        switch (fault) {
            case SERVER_ERROR -> harness.stubs.everyCall(GatewayStubs.error(503, "SERVER_ERROR"));
            case RATE_LIMITED -> harness.stubs.everyCall(GatewayStubs.error(429, "RATE_LIMITED").withHeader("Retry-After", "1"));
            case SLOWER_THAN_BUDGET -> harness.stubs.everyCall(okJson("{}").withFixedDelay(SLOWER_THAN_BUDGET_MS));
            case CONNECTION_REFUSED -> {
                Map<String, String> env = harness.environment();
                env.put(GatewayConfig.GATEWAY_URL, NomidioActionHarness.closedPortUrl());
                harness.rewire(env);
            }
            case MALFORMED_JSON -> harness.stubs.everyCall(okJson("{\"status\": \"ENROLLED\", \"nomidioId\": ").withStatus(200));
        }
    }

    private static void injectIntoLambda(Fault fault) {
        ResponseDefinitionBuilder response = switch (fault) {
            case SERVER_ERROR -> lambdaError(500, "ServiceException", "{\"Type\":\"Service\",\"message\":\"internal\"}");
            case RATE_LIMITED -> lambdaError(429, "TooManyRequestsException",
                    "{\"Type\":\"User\",\"message\":\"Rate exceeded\",\"Reason\":\"CallerRateLimitExceeded\"}");
            case SLOWER_THAN_BUDGET -> aResponse().withStatus(202).withFixedDelay(SLOWER_THAN_BUDGET_MS);
            case MALFORMED_JSON -> lambdaError(502, "ServiceException", "<html>Bad Gateway");
            case CONNECTION_REFUSED -> null;
        };
        if (response == null) {
            harness.rewireLambda(NomidioActionHarness.closedPortUrl());
        } else {
            harness.lambda.stubFor(NomidioActionHarness.invoke().atPriority(1).willReturn(response));
        }
    }

    private static ResponseDefinitionBuilder lambdaError(int status, String type, String body) {
        return aResponse().withStatus(status).withHeader("x-amzn-ErrorType", type)
                .withHeader("Content-Type", "application/json").withBody(body);
    }
}
