package com.nomidio.connect.action.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.action.domain.SampleUploadException;
import com.nomidio.connect.action.domain.SampleUploadStarter;
import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.time.Deadline;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Starts sampleUpload with an asynchronous Lambda Invoke ({@code InvocationType=Event}): Lambda queues it. */
public final class LambdaSampleUploadStarter implements SampleUploadStarter {

    /** Lambda's answer to an accepted asynchronous invocation. */
    private static final int ACCEPTED = 202;

    private final Supplier<LambdaClient> lambda;
    private final String functionName;
    private final ObjectMapper json;

    public LambdaSampleUploadStarter(Supplier<LambdaClient> lambda, String functionName, ObjectMapper json) {
        this.lambda = lambda;
        this.functionName = functionName;
        this.json = json;
    }

    @Override
    public void start(SampleUploadRequest request, Deadline deadline) {
        if (functionName == null || functionName.isBlank()) {
            throw new SampleUploadException("the sampleUpload function is not configured (SAMPLE_UPLOAD_FUNCTION)", null);
        }
        Duration remaining = deadline.remaining();
        if (remaining.isZero()) {
            throw new SampleUploadException("no time left to invoke sampleUpload", null);
        }
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new SampleUploadException("cannot serialise the sampleUpload request", e);
        }
        InvokeResponse response;
        try {
            response = lambda.get().invoke(InvokeRequest.builder()
                    .functionName(functionName)
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromByteArray(payload))
                    .overrideConfiguration(c -> c.apiCallTimeout(remaining))
                    .build());
        } catch (SdkException e) {
            throw new SampleUploadException("Lambda Invoke of " + functionName + " failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (response.statusCode() != ACCEPTED) {
            throw new SampleUploadException("Lambda did not accept the asynchronous invocation of " + functionName
                    + ": status " + response.statusCode(), null);
        }
    }
}
