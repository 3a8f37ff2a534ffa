package com.nomidio.connect.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the gateway is and who we are to it. The access key secret comes from a supplier (see AccessKeySecrets:
 * KMS decryption once per execution environment) and is never part of {@link #toString()}.
 */
public record GatewayConfig(
        URI baseUri,
        String supplierCode,
        String enterpriseCode,
        String accessKeyId,
        Supplier<String> accessKeySecret,
        Duration connectTimeout) {

    /** The environment variables every gateway-calling function is given (template.yaml sets them). */
    public static final String GATEWAY_URL = "NOMIDIO_GATEWAY_URL";
    public static final String SUPPLIER_CODE = "NOMIDIO_SUPPLIER_CODE";
    public static final String ENTERPRISE_CODE = "NOMIDIO_ENTERPRISE_CODE";
    public static final String ACCESS_KEY_ID = "NOMIDIO_ACCESS_KEY_ID";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(1500);

    public GatewayConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        requireText(supplierCode, SUPPLIER_CODE);
        requireText(enterpriseCode, ENTERPRISE_CODE);
        requireText(accessKeyId, ACCESS_KEY_ID);
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
        String url = env.get(GATEWAY_URL);
        requireText(url, GATEWAY_URL);
        return new GatewayConfig(URI.create(url.trim()),
                env.get(SUPPLIER_CODE),
                env.get(ENTERPRISE_CODE),
                env.get(ACCESS_KEY_ID),
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
