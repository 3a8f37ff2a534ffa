package com.nomidio.connect.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the gateway is and who we are to it. The access key secret comes from a supplier (KMS decryption,
 * once per execution environment) and is never part of {@link #toString()}.
 */
public record GatewayConfig(
        URI baseUri,
        String supplierCode,
        String enterpriseCode,
        String accessKeyId,
        Supplier<String> accessKeySecret,
        Duration connectTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(1500);

    public GatewayConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        requireText(supplierCode, EnvironmentVariables.SUPPLIER_CODE);
        requireText(enterpriseCode, EnvironmentVariables.ENTERPRISE_CODE);
        requireText(accessKeyId, EnvironmentVariables.ACCESS_KEY_ID);
        if (connectTimeout == null) {
            connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        }
        String uri = baseUri.toString();
        if (uri.endsWith("/")) {
            baseUri = URI.create(uri.substring(0, uri.length() - 1));
        }
    }

    /** Reads the Lambda environment; the secret supplier is given separately (it needs KMS). */
    public static GatewayConfig fromEnvironment(Map<String, String> env, Supplier<String> accessKeySecret) {
        String url = env.get(EnvironmentVariables.GATEWAY_URL);
        requireText(url, EnvironmentVariables.GATEWAY_URL);
        return new GatewayConfig(URI.create(url.trim()),
                env.get(EnvironmentVariables.SUPPLIER_CODE),
                env.get(EnvironmentVariables.ENTERPRISE_CODE),
                env.get(EnvironmentVariables.ACCESS_KEY_ID),
                accessKeySecret,
                DEFAULT_CONNECT_TIMEOUT);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("configuration " + name + " is missing");
        }
    }

    @Override
    public String toString() {
        return "GatewayConfig[baseUri=" + baseUri + ", supplierCode=" + supplierCode + ", enterpriseCode="
                + enterpriseCode + ", accessKeyId=" + accessKeyId + "]";
    }
}
