package com.nomidio.connect.lex.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.snapstart.SnapStartPriming;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * nomidioLex's SnapStart hook, built as Lambda builds the handler under a snap-start initialisation: before the
 * snapshot it answers chat turns through the real path against its own loopback server, never the configured KMS or
 * gateway.
 */
class SnapStartPrimingTest {

    @RegisterExtension
    static final NomidioLexHarness harness = new NomidioLexHarness();

    @Test
    void beforeCheckpoint_whenSnapStartInit_primesAChatTurnAgainstTheLoopbackOnly() {
        NomidioLexHandler handler = NomidioLexHandler.fromEnvironment(snapStartEnvironment());

        handler.snapStart().beforeCheckpoint(null);

        SnapStartPriming.Report report = handler.snapStart().lastReport();
        assertThat(report.failure()).isNull();
        assertThat(report.loopbackRequests()).containsKeys("kms.Decrypt", "gateway.token", "gateway.identify");
        assertThat(report.loopbackRequests()).allSatisfy((service, count) -> assertThat(service).doesNotStartWith("unknown"));
        assertThat(harness.kms.decrypts()).isZero();
        assertThat(harness.gateway.getAllServeEvents()).isEmpty();
    }

    @Test
    void register_whenLambdaInitialisesOnDemand_registersNoHook() {
        Map<String, String> env = snapStartEnvironment();
        env.remove(SnapStartPriming.INITIALIZATION_TYPE);

        assertThat(NomidioLexHandler.fromEnvironment(env).snapStart()).isNull();
    }

    private static Map<String, String> snapStartEnvironment() {
        Map<String, String> env = new HashMap<>(harness.environment(harness.gateway.baseUrl()));
        env.put(SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START);
        env.put("AWS_REGION", "eu-west-2");
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        env.put("AWS_ENDPOINT_URL_KMS", harness.kms.endpoint().toString());
        return env;
    }
}
