package com.nomidio.connect.agentapi.entrypoints;

import com.nomidio.connect.agentapi.adapters.ConnectContactDirectory;
import com.nomidio.connect.agentapi.domain.AgentApi;
import com.nomidio.connect.agentapi.domain.AgentRequests;
import com.nomidio.connect.agentapi.domain.Unconfigured;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.secret.AccessKeySecrets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.utils.Lazy;

/**
 * Builds the agent API and its clients from the environment map (template.yaml sets it; the gateway names are
 * GatewayConfig's, the secret's AccessKeySecrets', the three below this function's own).
 */
public final class AgentApiWiring {

    /** This deployment's Connect instance: its id, or its ARN (the ConnectInstanceId parameter takes both). */
    public static final String CONNECT_INSTANCE_ID = "CONNECT_INSTANCE_ID";
    /** The softphone's origin (https://<distribution>.cloudfront.net): the only one CORS answers for. */
    public static final String SOFTPHONE_ORIGIN = "SOFTPHONE_ORIGIN";
    /** The country of callers' numbers written without one (ISO 3166 alpha-2, e.g. GB). */
    public static final String DEFAULT_COUNTRY_CODE = "DEFAULT_COUNTRY_CODE";

    /** What the handler may spend: the agent waits for a click's answer, and the function's timeout is 10 s. */
    public static final Duration HANDLER_CAP = Duration.ofSeconds(8);

    /** Call timeouts well inside the handler's budget. */
    public static final SdkClients.Timeouts TIMEOUTS = new SdkClients.Timeouts(
            Duration.ofMillis(1000), Duration.ofMillis(2500), Duration.ofSeconds(3));

    private static final Logger LOG = LoggerFactory.getLogger(AgentApiWiring.class);
    private static final Pattern INSTANCE = Pattern.compile(
            "(?:arn:aws[a-z-]*:connect:[a-z0-9-]+:\\d{12}:instance/)?([a-f0-9-]{36})");
    /** Lambda's name for a SnapStart initialisation: then clients are built before the snapshot, not on first use. */
    private static final String SNAP_START = "snap-start";
    private static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private AgentApiWiring() {
    }

    /** The API on SDK clients built from {@code env}: KMS at once (the secret is decrypted on first use), Connect too. */
    public static AgentRequests fromEnvironment(Map<String, String> env) {
        SdkClients aws = SdkClients.fromEnvironment(env, TIMEOUTS);
        return fromEnvironment(env, () -> kms(aws), connectClient(env, aws));
    }

    /**
     * The API, or {@link Unconfigured} when the environment is unusable, so that every request answers 500 and logs
     * what to fix instead of the function failing to start.
     */
    public static AgentRequests fromEnvironment(Map<String, String> env, Supplier<KmsClient> kms,
                                                Supplier<ConnectClient> connect) {
        try {
            String instanceId = instanceId(env.get(CONNECT_INSTANCE_ID));
            Supplier<String> secret = AccessKeySecrets.fromEnvironment(env, kms);
            GatewayConfig config = GatewayConfig.fromEnvironment(env, secret);
            PhoneNumbers phoneNumbers = new PhoneNumbers(env.get(DEFAULT_COUNTRY_CODE));
            LOG.atInfo().addKeyValue("gateway", config.baseUri()).addKeyValue("instanceId", instanceId)
                    .addKeyValue("softphoneOrigin", env.get(SOFTPHONE_ORIGIN)).log("agentApi configured");
            return new AgentApi(instanceId, new ConnectContactDirectory(connect, instanceId),
                    new HttpNomidioGateway(config, Json.mapper()), phoneNumbers);
        } catch (IllegalArgumentException | SdkException e) {
            LOG.atError().addKeyValue("problem", e.getMessage())
                    .log("agentApi configuration is unusable, every request will answer ERROR");
            return new Unconfigured(e.getMessage());
        }
    }

    /** The instance id from the id or the ARN; anything else is a configuration error. */
    static String instanceId(String value) {
        Matcher matcher = INSTANCE.matcher(value == null ? "" : value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("configuration " + CONNECT_INSTANCE_ID
                    + " is missing or is not a Connect instance id or ARN");
        }
        return matcher.group(1);
    }

    /** The agent API cannot work without a region: its absence is a configuration error, not a default. */
    private static KmsClient kms(SdkClients aws) {
        aws.requireRegion();
        return aws.configure(KmsClient.builder(), AwsEnvironment.KMS).build();
    }

    private static Supplier<ConnectClient> connectClient(Map<String, String> env, SdkClients aws) {
        Lazy<ConnectClient> connect = new Lazy<>(() -> {
            aws.requireRegion();
            return aws.configure(ConnectClient.builder(), AwsEnvironment.CONNECT).build();
        });
        if (SNAP_START.equals(env.get(INITIALIZATION_TYPE))) {
            try {
                connect.getValue();
            } catch (RuntimeException e) {
                // Not fatal: the first request tries again, and answers ERROR with the reason if it fails then.
                LOG.atWarn().addKeyValue("exception", e.toString()).log("Could not build the Connect client before the snapshot");
            }
        }
        return connect::getValue;
    }
}
