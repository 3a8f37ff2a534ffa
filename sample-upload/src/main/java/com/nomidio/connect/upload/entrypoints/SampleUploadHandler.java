package com.nomidio.connect.upload.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.gateway.Deadline;
import com.nomidio.connect.gateway.EnvironmentVariables;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import com.nomidio.connect.upload.adapters.KvsCallerAudioSource;
import com.nomidio.connect.upload.adapters.MediaClients;
import com.nomidio.connect.upload.domain.CaptureSettings;
import com.nomidio.connect.upload.domain.SampleUploadOutcome;
import com.nomidio.connect.upload.domain.SampleUploadProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** sampleUpload: invoked asynchronously by nomidioAction with a {@link SampleUploadRequest}. */
public final class SampleUploadHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SampleUploadHandler.class);
    /** Kept back from Lambda's remaining time so logging and the answer never hit the timeout. */
    private static final Duration SAFETY_MARGIN = Duration.ofMillis(500);
    private static final Duration NO_CONTEXT_BUDGET = Duration.ofSeconds(30);

    private final SampleUploadProcessor processor;
    private final ObjectMapper json;

    public SampleUploadHandler() {
        this(processor(System.getenv(), new ObjectMapper()), new ObjectMapper());
    }

    SampleUploadHandler(SampleUploadProcessor processor, ObjectMapper json) {
        this.processor = processor;
        this.json = json;
    }

    /**
     * The handler Lambda builds, configured from {@code env} instead of the process environment: the contact
     * simulator runs the real function in-process with an environment of its own.
     */
    public static SampleUploadHandler fromEnvironment(Map<String, String> env) {
        return new SampleUploadHandler(processor(Map.copyOf(env), new ObjectMapper()), new ObjectMapper());
    }

    private static SampleUploadProcessor processor(Map<String, String> env, ObjectMapper json) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build();
        AwsCredentialsProvider credentials = AwsEnvironment.credentials(env);
        KmsClient kms = AwsEnvironment.configure(KmsClient.builder(), env, AwsEnvironment.KMS, credentials)
                .httpClient(http).build();
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms,
                env.get(EnvironmentVariables.ACCESS_KEY_SECRET_CIPHERTEXT), env.get(EnvironmentVariables.ACCESS_KEY_ID));
        CaptureSettings settings = CaptureSettings.fromEnvironment(env);
        KinesisVideoClient kinesisVideo = AwsEnvironment.configure(KinesisVideoClient.builder(), env,
                AwsEnvironment.KINESIS_VIDEO, credentials).httpClient(http).build();
        KvsCallerAudioSource source = new KvsCallerAudioSource(kinesisVideo,
                MediaClients.over(http, credentials, AwsEnvironment.region(env).orElse(null)),
                settings.startSelector());
        return new SampleUploadProcessor(source, new HttpNomidioGateway(GatewayConfig.fromEnvironment(env, secret), json),
                settings, Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Deadline deadline = Deadline.after(context == null ? NO_CONTEXT_BUDGET
                : Duration.ofMillis(context.getRemainingTimeInMillis())).minus(SAFETY_MARGIN);
        SampleUploadRequest request = read(input);
        MDC.put("contactId", request == null || request.contactId() == null ? "unknown" : request.contactId());
        SampleUploadOutcome outcome;
        try {
            outcome = processor.process(request, deadline);
        } catch (RuntimeException | Error e) {
            outcome = processor.cancelAfterUnexpected(request, e, deadline);
        } finally {
            MDC.remove("contactId");
        }
        json.writeValue(output, outcome);
    }

    /** The request, or as much of it as names the challenge (so it can still be cancelled), or null. */
    private SampleUploadRequest read(InputStream input) {
        JsonNode tree;
        try {
            tree = json.readTree(input);
        } catch (IOException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("The sampleUpload payload is not JSON");
            return null;
        }
        try {
            return json.treeToValue(tree, SampleUploadRequest.class);
        } catch (IOException | IllegalArgumentException e) {
            LOG.atError().addKeyValue("problem", e.getMessage()).log("The sampleUpload payload does not match SampleUploadRequest");
            return tree == null ? null : new SampleUploadRequest(tree.path("contactId").asText(null), null, null, null,
                    tree.path("challengeId").asText(null), null, 0);
        }
    }
}
