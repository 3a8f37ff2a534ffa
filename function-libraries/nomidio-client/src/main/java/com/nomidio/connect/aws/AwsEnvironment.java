package com.nomidio.connect.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * An SDK client's region, credentials and endpoint, read from the function's environment map (in Lambda,
 * {@code System.getenv()}; in the contact simulator, a map of its own), so that the map is the whole configuration.
 *
 * <p>Credentials: a SnapStart function has no access key variables — Lambda gives it container credentials
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}) instead, so that restored snapshots never hold expired keys — and a
 * provider that reads only the key variables fails there on the first call. So: container credentials when the
 * environment names them, else the keys it holds, else the SDK's default chain.
 */
public final class AwsEnvironment {

    public static final String REGION = "AWS_REGION";
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    /** Set by Lambda for SnapStart functions (with AWS_CONTAINER_AUTHORIZATION_TOKEN), instead of the keys. */
    public static final String CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    /** The SDK's endpoint override for every service; {@code AWS_ENDPOINT_URL_<SERVICE>} overrides one service. */
    public static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";

    /** Service names as the SDK spells them in {@code AWS_ENDPOINT_URL_<SERVICE>}. */
    public static final String KMS = "KMS";
    public static final String LAMBDA = "LAMBDA";
    public static final String KINESIS_VIDEO = "KINESIS_VIDEO";
    public static final String CONNECT = "CONNECT";
    public static final String S3 = "S3";
    public static final String CLOUDFRONT = "CLOUDFRONT";
    /** Amazon Lex V2 model building (lexmodelsv2), as the SDK's service id "Lex Models V2" spells it. */
    public static final String LEX_MODELS_V2 = "LEX_MODELS_V2";

    private AwsEnvironment() {
    }

    public static Optional<Region> region(Map<String, String> env) {
        return text(env, REGION).map(Region::of);
    }

    public static AwsCredentialsProvider credentials(Map<String, String> env) {
        if (text(env, CONTAINER_CREDENTIALS_FULL_URI).isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        Optional<String> keyId = text(env, ACCESS_KEY_ID);
        Optional<String> secret = text(env, SECRET_ACCESS_KEY);
        if (keyId.isPresent() && secret.isPresent()) {
            Optional<String> session = text(env, SESSION_TOKEN);
            return StaticCredentialsProvider.create(session.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret.get(), session.get())
                    : AwsBasicCredentials.create(keyId.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** {@code AWS_ENDPOINT_URL_<service>}, else {@code AWS_ENDPOINT_URL}, else none (the service's own endpoint). */
    public static Optional<URI> endpoint(Map<String, String> env, String service) {
        return text(env, ENDPOINT_URL + "_" + service.toUpperCase(Locale.ROOT))
                .or(() -> text(env, ENDPOINT_URL))
                .map(URI::create);
    }

    /** The builder with this environment's credentials, and its region and endpoint for {@code service} if set. */
    public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Map<String, String> env, String service) {
        return configure(builder, env, service, credentials(env));
    }

    /** As {@link #configure(AwsClientBuilder, Map, String)}, sharing one credentials provider between clients. */
    public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Map<String, String> env, String service,
            AwsCredentialsProvider credentials) {
        builder.credentialsProvider(credentials);
        region(env).ifPresent(builder::region);
        endpoint(env, service).ifPresent(builder::endpointOverride);
        return builder;
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
