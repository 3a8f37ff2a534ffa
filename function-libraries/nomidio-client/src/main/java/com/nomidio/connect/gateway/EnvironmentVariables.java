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
    /** sampleUpload: where GetMedia starts (PRODUCER_TIMESTAMP, the default, SERVER_TIMESTAMP or FRAGMENT_NUMBER). */
    public static final String KVS_START_SELECTOR = "KVS_START_SELECTOR";
    /** sampleUpload: overrides of the STANDARD capture policy, e.g. {@code targetSpeechMs=8000,windowMs=20000}. */
    public static final String CAPTURE_POLICY_STANDARD = "CAPTURE_POLICY_STANDARD";
    /** sampleUpload: overrides of the HIGH capture policy. */
    public static final String CAPTURE_POLICY_HIGH = "CAPTURE_POLICY_HIGH";
    /** sampleUpload: milliseconds of the function's time kept back for uploading (or cancelling) after capture. */
    public static final String UPLOAD_RESERVE_MS = "UPLOAD_RESERVE_MS";

    private EnvironmentVariables() {
    }
}
