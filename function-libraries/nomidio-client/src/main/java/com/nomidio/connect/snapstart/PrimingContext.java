package com.nomidio.connect.snapstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;

/**
 * The Lambda Context of a priming invocation: made-up names and request id, the remaining time counting down from
 * what the function's callers give it. A primer that passed no context would leave the path every real invocation
 * takes (the budget from the remaining time, the request id in the log context) to the first one after a restore.
 */
public final class PrimingContext implements Context {

    public static final String REQUEST_ID = "00000000-0000-0000-0000-0000000000ff";

    private final String functionName;
    private final long deadlineNanos;

    /** An invocation of {@code functionName} with {@code remaining} to answer in, from now. */
    public PrimingContext(String functionName, Duration remaining) {
        this.functionName = functionName;
        this.deadlineNanos = System.nanoTime() + remaining.toNanos();
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public String getAwsRequestId() {
        return REQUEST_ID;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "priming";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-2:000000000000:function:" + functionName;
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
        return 0;
    }

    /** Discards: the functions log through SLF4J, and a priming invocation has nothing to tell the runtime's log. */
    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
            }

            @Override
            public void log(byte[] message) {
            }
        };
    }
}
