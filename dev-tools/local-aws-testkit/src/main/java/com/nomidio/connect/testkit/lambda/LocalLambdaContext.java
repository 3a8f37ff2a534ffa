package com.nomidio.connect.testkit.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda runtime's Context, for tests, the contact simulator and the benchmarks: the remaining time really
 * counts down from what the caller gives (a function's timeout, or what Connect allows), so a handler's own budget
 * is the one it would have in Lambda.
 */
public final class LocalLambdaContext implements Context {

    /** The log stream a test's context names (CloudFormation responses quote it). */
    public static final String LOG_STREAM = "2026/11/22/[$LATEST]0123456789abcdef";
    public static final String REQUEST_ID = "6bc28136-xmpl-4365-b021-0ce6b2e64ab0";
    private static final int DEFAULT_MEMORY_MB = 1024;

    private final String functionName;
    private final String functionArn;
    private final int memoryMb;
    private final String requestId;
    private final String logStream;
    private final long deadlineNanos;

    /** A test's invocation: fixed request id and log stream, the live alias ARN, 1024 MB. */
    public LocalLambdaContext(String functionName, long remainingMillis) {
        this(functionName, aliasArn(functionName), Duration.ofMillis(remainingMillis), DEFAULT_MEMORY_MB,
                REQUEST_ID, LOG_STREAM);
    }

    private LocalLambdaContext(String functionName, String functionArn, Duration remaining, int memoryMb,
            String requestId, String logStream) {
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.memoryMb = memoryMb;
        this.requestId = requestId;
        this.logStream = logStream;
        this.deadlineNanos = System.nanoTime() + remaining.toNanos();
    }

    /** One invocation of a deployed function: a fresh request id, its timeout counting down from now. */
    public static LocalLambdaContext invocation(String functionName, String functionArn, Duration timeout, int memoryMb) {
        String requestId = UUID.randomUUID().toString();
        return new LocalLambdaContext(functionName, functionArn, timeout, memoryMb, requestId, "local/" + requestId);
    }

    /** {@code arn:aws:lambda:eu-west-2:111122223333:function:NAME:live}, the alias the flows and functions call. */
    public static String aliasArn(String functionName) {
        return "arn:aws:lambda:eu-west-2:111122223333:function:" + functionName + ":live";
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return logStream;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
