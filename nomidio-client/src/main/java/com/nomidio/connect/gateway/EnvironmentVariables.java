package com.nomidio.connect.gateway;

/** The Lambda environment variable names, in one place (template.yaml sets them). */
public final class EnvironmentVariables {

    public static final String GATEWAY_URL = "NOMIDIO_GATEWAY_URL";
    public static final String SUPPLIER_CODE = "NOMIDIO_SUPPLIER_CODE";
    public static final String ENTERPRISE_CODE = "NOMIDIO_ENTERPRISE_CODE";
    public static final String ACCESS_KEY_ID = "NOMIDIO_ACCESS_KEY_ID";
    /** Base64 KMS ciphertext of the Access Key Secret; the plain secret is never in the environment. */
    public static final String ACCESS_KEY_SECRET_CIPHERTEXT = "NOMIDIO_ACCESS_KEY_SECRET_CIPHERTEXT";
    public static final String DEFAULT_COUNTRY_CODE = "DEFAULT_COUNTRY_CODE";
    public static final String SAMPLE_UPLOAD_FUNCTION = "SAMPLE_UPLOAD_FUNCTION";

    private EnvironmentVariables() {
    }
}
