package com.nomidio.connect.upload.it;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a child JVM whose class path is the shaded Lambda jar plus this class and LocalLambdaContext only: the handler
 * is built by its public no-arg constructor from the environment, as Lambda builds it.
 */
public final class ShadedJarSmoke {

    private ShadedJarSmoke() {
    }

    public static void main(String[] args) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) Class
                .forName("com.nomidio.connect.upload.entrypoints.SampleUploadHandler")
                .getConstructor().newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[0]))), out, new LocalLambdaContext("sampleUpload", 30_000));
        System.out.println("OUTCOME " + out.toString(StandardCharsets.UTF_8));
    }
}
