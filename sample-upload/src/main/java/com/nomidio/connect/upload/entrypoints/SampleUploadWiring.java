package com.nomidio.connect.upload.entrypoints;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.upload.adapters.KvsCallerAudioSource;
import com.nomidio.connect.upload.adapters.MediaClients;
import com.nomidio.connect.upload.domain.CaptureSettings;
import com.nomidio.connect.upload.domain.SampleUploadProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Builds sampleUpload's processor and its clients from the environment map (template.yaml sets it; the gateway
 * names are GatewayConfig's, the capture settings' are CaptureSettings').
 */
public final class SampleUploadWiring {

    private static final Logger LOG = LoggerFactory.getLogger(SampleUploadWiring.class);
    /**
     * No client-wide call limit and the HTTP client's default socket timeout: GetMedia is a long read whose pace
     * the caller sets. Each KVS call carries its own API-call timeout, the capture time left (KvsCallerAudioSource).
     */
    static final SdkClients.Timeouts TIMEOUTS = new SdkClients.Timeouts(Duration.ofSeconds(2), null, null);
    /**
     * The one KMS Decrypt per container, retries included, runs before capture and may take this long: KMS answers
     * in tens of milliseconds, but a cold client's first call on a busy host took up to 3.5 s in the tests; a
     * function with a 30 s timeout can give it 10 s (5 s per attempt) and still capture 15 s of audio.
     */
    static final Duration KMS_CALL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration KMS_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    private SampleUploadWiring() {
    }

    /**
     * @throws IllegalArgumentException when the environment is unusable (logged): the function then fails to
     *     start, and every invocation fails with the reason
     */
    public static SampleUploadProcessor processor(Map<String, String> env) {
        try {
            SdkClients aws = SdkClients.fromEnvironment(env, TIMEOUTS);
            Supplier<String> secret = AccessKeySecrets.fromEnvironment(env,
                    () -> aws.configure(KmsClient.builder(), AwsEnvironment.KMS)
                            .overrideConfiguration(o -> o.apiCallTimeout(KMS_CALL_TIMEOUT)
                                    .apiCallAttemptTimeout(KMS_ATTEMPT_TIMEOUT))
                            .build());
            CaptureSettings settings = CaptureSettings.fromEnvironment(env);
            KinesisVideoClient kinesisVideo = aws.configure(KinesisVideoClient.builder(), AwsEnvironment.KINESIS_VIDEO)
                    .build();
            KvsCallerAudioSource source = new KvsCallerAudioSource(kinesisVideo,
                    MediaClients.over(aws.httpClient(), aws.credentials(), aws.region().orElse(null)),
                    settings);
            return new SampleUploadProcessor(source,
                    new HttpNomidioGateway(GatewayConfig.fromEnvironment(env, secret), Json.mapper()),
                    secret, settings, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("sampleUpload configuration is unusable");
            throw e;
        }
    }
}
