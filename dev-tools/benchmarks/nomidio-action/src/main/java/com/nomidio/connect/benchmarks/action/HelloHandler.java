package com.nomidio.connect.benchmarks.action;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The baseline: a bare RequestStreamHandler that reads its input and answers a constant. */
public final class HelloHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));
    }
}
