package com.nomidio.connect.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.emulator.state.Fault;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.gateway.GatewayError;
import com.nomidio.connect.gateway.GatewayException;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Faults injected at the emulator, as the real client sees them. */
class GatewayEmulatorFaultTest {

    private static final String ENROLLED_A = "+447700900001";

    private GatewayEmulator emulator;
    private HttpNomidioGateway gateway;

    @BeforeEach
    void start() {
        emulator = GatewayEmulator.builder().build().start(0);
        gateway = new HttpNomidioGateway(emulator.clientConfig(), new ObjectMapper());
        // Authenticate first so that faults on "*" hit the operation under test, not the token call.
        gateway.identify(Subject.phone(ENROLLED_A), Deadline.after(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void slowFault_whenLongerThanTheClientsDeadline_endsInDeadlineExceeded() {
        emulator.inject(Fault.slow("identify", Duration.ofSeconds(3)));

        assertThatThrownBy(() -> gateway.identify(Subject.phone(ENROLLED_A), Deadline.after(Duration.ofMillis(800))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(GatewayError.DEADLINE_EXCEEDED);
                    assertThat(e.error().isServiceFault()).isTrue();
                });
    }

    @Test
    void slowFault_whenWithinTheDeadline_answersNormallyLate() {
        emulator.inject(Fault.slow("identify", Duration.ofMillis(300)).times(1));
        long started = System.nanoTime();

        NomidioStatus status = gateway.identify(Subject.phone(ENROLLED_A), Deadline.after(Duration.ofSeconds(5))).status();

        assertThat(status).isEqualTo(NomidioStatus.ENROLLED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @ParameterizedTest
    @CsvSource({"503, SERVER_ERROR", "500, SERVER_ERROR", "429, RATE_LIMITED"})
    void statusFault_whenEveryCallFails_mapsToTheClientsServiceFault(int status, GatewayError expected) {
        emulator.inject(Fault.status("createChallenge", status));

        assertThatThrownBy(() -> gateway.createChallenge("NID-ENROLLED-A", AuthLevel.STANDARD, Channel.VOICE, "c-1",
                Deadline.after(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    assertThat(e.error().isServiceFault()).isTrue();
                });
    }

    @Test
    void statusFault_whenOnceOnAnIdempotentRead_isRetriedByTheClientAndSucceeds() {
        emulator.inject(Fault.status("identify", 503).times(1));

        NomidioStatus status = gateway.identify(Subject.phone(ENROLLED_A), Deadline.after(Duration.ofSeconds(5))).status();

        assertThat(status).isEqualTo(NomidioStatus.ENROLLED);
    }

    @Test
    void dropFault_whenConnectionIsClosedWithoutAnswer_isUnavailable() {
        emulator.inject(Fault.drop("*"));

        assertThatThrownBy(() -> gateway.invite("+447700900502", "c-1", Deadline.after(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.UNAVAILABLE));
    }

    @Test
    void clearFaults_whenFaultsAreArmed_letsCallsThroughAgain() {
        emulator.inject(Fault.status("*", 503));
        emulator.clearFaults();

        assertThat(gateway.identify(Subject.phone(ENROLLED_A), Deadline.after(Duration.ofSeconds(5))).status())
                .isEqualTo(NomidioStatus.ENROLLED);
    }

    @Test
    void adminApi_whenFaultIsPosted_injectsItForTheNextCallOnly() throws Exception {
        HttpResponse<String> armed = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/_emulator/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"operation\":\"optOut\",\"kind\":\"status\",\"status\":503,\"times\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(armed.statusCode()).isEqualTo(201);

        assertThatThrownBy(() -> gateway.optOut(Subject.phone("+447700900004"), "c-1", Deadline.after(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.SERVER_ERROR));
        assertThat(gateway.optOut(Subject.phone("+447700900004"), "c-1", Deadline.after(Duration.ofSeconds(5))).status())
                .isEqualTo(NomidioStatus.OPTED_OUT);
    }
}
