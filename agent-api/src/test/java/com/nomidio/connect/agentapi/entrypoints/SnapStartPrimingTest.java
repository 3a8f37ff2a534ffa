package com.nomidio.connect.agentapi.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.testkit.logging.CapturedStdout;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent API's SnapStart hook, the same shape as the other functions': before the snapshot a copy of the function
 * answers an agent's CHALLENGE and read requests through the real path against its own loopback server (Connect's
 * contact calls included), never the configured Connect, KMS or gateway.
 */
class SnapStartPrimingTest {

    @RegisterExtension
    static final AgentApiHarness harness = new AgentApiHarness();

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout(() -> { }, () -> { });

    @Test
    void beforeCheckpoint_whenSnapStartInit_primesTheContactBindingAgainstTheLoopbackOnly() {
        AgentApiHandler handler = AgentApiHandler.fromEnvironment(snapStartEnvironment());

        handler.snapStart().beforeCheckpoint(null);

        SnapStartPriming.Report report = handler.snapStart().lastReport();
        assertThat(report.failure()).isNull();
        assertThat(report.loopbackRequests()).containsKeys("connect.DescribeContact", "connect.GetContactAttributes",
                "connect.UpdateContactAttributes");
        assertThat(report.loopbackRequests()).allSatisfy((service, count) -> assertThat(service).doesNotStartWith("unknown"));
        assertThat(harness.connect.requests()).isEmpty();
        assertThat(harness.kms.requests()).isEmpty();
        assertThat(harness.gateway.getAllServeEvents()).isEmpty();
        // The priming copy's made-up requests are no agent's action: the audit log holds none of them.
        assertThat(stdout.jsonLines()).noneMatch(line -> line.path("audit").asText().equals("agentApi"));
    }

    @Test
    void register_whenLambdaInitialisesOnDemand_registersNoHook() {
        assertThat(AgentApiHandler.fromEnvironment(harness.environment()).snapStart()).isNull();
    }

    private static Map<String, String> snapStartEnvironment() {
        Map<String, String> env = harness.environment();
        env.put(SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START);
        assertThat(env).containsKey(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.CONNECT);
        return env;
    }
}
