package com.nomidio.connect.upload.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.upload.testing.SampleUploadHarness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sampleUpload's SnapStart hook, built as Lambda builds the handler under a snap-start initialisation: before the
 * snapshot it takes a request through KMS, KVS and the gateway against its own loopback server, never the configured
 * endpoints (here the gateway stub stands for KVS too, so any stray KVS request would show up there).
 */
class SnapStartPrimingTest {

    @Test
    void beforeCheckpoint_whenSnapStartInit_primesKmsKvsAndTheGatewayAgainstTheLoopbackOnly() {
        try (SampleUploadHarness harness = new SampleUploadHarness(); LocalKms kms = new LocalKms()) {
            SampleUploadHandler handler = SampleUploadHandler.fromEnvironment(snapStartEnvironment(harness, kms));

            handler.snapStart().beforeCheckpoint(null);

            SnapStartPriming.Report report = handler.snapStart().lastReport();
            assertThat(report.failure()).isNull();
            assertThat(report.loopbackRequests()).containsKeys("kms.Decrypt", "gateway.token",
                    "kinesisvideo.GetDataEndpoint", "kinesisvideo.GetMedia", "gateway.cancelChallenge");
            assertThat(report.loopbackRequests()).allSatisfy((service, count) -> assertThat(service).doesNotStartWith("unknown"));
            assertThat(kms.decrypts()).isZero();
            assertThat(harness.gateway.getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void register_whenLambdaInitialisesOnDemand_registersNoHook() {
        try (SampleUploadHarness harness = new SampleUploadHarness(); LocalKms kms = new LocalKms()) {
            Map<String, String> env = snapStartEnvironment(harness, kms);
            env.remove(SnapStartPriming.INITIALIZATION_TYPE);

            assertThat(SampleUploadHandler.fromEnvironment(env).snapStart()).isNull();
        }
    }

    private static Map<String, String> snapStartEnvironment(SampleUploadHarness harness, LocalKms kms) {
        Map<String, String> env = new HashMap<>();
        env.put(SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START);
        env.put(GatewayConfig.GATEWAY_URL, harness.stubs.baseUrl());
        env.put(GatewayConfig.SUPPLIER_CODE, GatewayStubs.SUPPLIER_CODE);
        env.put(GatewayConfig.ENTERPRISE_CODE, GatewayStubs.ENTERPRISE_CODE);
        env.put(GatewayConfig.ACCESS_KEY_ID, GatewayStubs.ACCESS_KEY_ID);
        env.put(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, kms.holds(GatewayStubs.ACCESS_KEY_SECRET,
                SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID)));
        env.put(AwsEnvironment.REGION, "eu-west-2");
        env.put(AwsEnvironment.ACCESS_KEY_ID, "AKIDTEST");
        env.put(AwsEnvironment.SECRET_ACCESS_KEY, "test-secret");
        env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KMS, kms.endpoint().toString());
        env.put(AwsEnvironment.ENDPOINT_URL + "_" + AwsEnvironment.KINESIS_VIDEO, harness.stubs.baseUrl());
        return env;
    }
}
