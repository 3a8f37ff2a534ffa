package com.nomidio.connect.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.simulator.SimulatorSettings;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small load through the whole simulated deployment: 20 calls, 10 at a time, every caller kind of the mix. No
 * timings are asserted (the machine is shared); what must hold under concurrency is.
 */
class LoadSimulatorTest {

    private static final int CALLS = 20;
    private static final int CONCURRENCY = 10;
    private static LoadReport report;

    @BeforeAll
    static void play() {
        report = LoadSimulator.run(SimulatorSettings.defaults(), CALLS, CONCURRENCY);
        System.err.print(report.toText());
    }

    @Test
    void run_whenCallsOverlap_noCallFailsAndNoInvocationErrs() {
        assertThat(report.errors()).isEmpty();
        assertThat(report.outcomesByKind().values().stream().mapToInt(o -> o.values().stream().mapToInt(Integer::intValue).sum())
                .sum()).isEqualTo(CALLS);
    }

    @Test
    void run_whenChallengesOverlap_everySampleHoldsOnlyItsOwnContactsAudio() {
        assertThat(report.samplesChecked()).isPositive();
        assertThat(report.ownBlocks()).isPositive();
        assertThat(report.crossContactBlocks()).isZero();
    }

    @Test
    void run_whenCallsOverlap_buildsNoMoreEnvironmentsThanInvocationsRunAtOnce() {
        LoadReport.Environments action = report.environments().get(SimulatedInstance.NOMIDIO_ACTION);
        LoadReport.Environments upload = report.environments().get(SimulatedInstance.SAMPLE_UPLOAD);

        assertThat(action.built()).isBetween(1, CONCURRENCY).isLessThanOrEqualTo(action.peakConcurrentInvocations());
        assertThat(upload.built()).isBetween(1, CONCURRENCY).isLessThanOrEqualTo(upload.peakConcurrentInvocations());
    }

    @Test
    void run_whenEnvironmentsAreReused_decryptsTheSecretOncePerEnvironmentAtMost() {
        int environments = report.environments().values().stream().mapToInt(LoadReport.Environments::built).sum();

        assertThat(report.kmsDecrypts()).isPositive().isLessThanOrEqualTo(environments);
        assertThat(report.gatewayRequests()).isGreaterThan(CALLS);
        assertThat(report.latencyByOperation()).containsKeys("lookup", "createChallenge", "startSampleUpload",
                "challengeResult", SimulatedInstance.SAMPLE_UPLOAD);
    }
}
