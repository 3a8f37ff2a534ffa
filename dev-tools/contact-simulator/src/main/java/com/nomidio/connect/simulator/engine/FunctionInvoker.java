package com.nomidio.connect.simulator.engine;

import java.time.Duration;

/** Runs a Lambda function the way Connect's InvokeLambdaFunction does: synchronously, within a time limit. */
public interface FunctionInvoker {

    /**
     * @param functionArn the block's LambdaFunctionARN, resolved
     * @param payload     the Connect event
     * @param waitLimit   how long Connect waits (InvocationTimeLimitSeconds)
     */
    Invocation invoke(String functionArn, byte[] payload, Duration waitLimit);

    /** The function's answer, or why there is none. */
    record Invocation(String functionName, byte[] response, String failure, long durationMillis) {

        public boolean failed() {
            return failure != null;
        }
    }
}
