package com.nomidio.connect.action.entrypoints;

import com.nomidio.connect.action.adapters.LambdaSampleUploadStarter;
import com.nomidio.connect.action.domain.ActionPerformer;
import com.nomidio.connect.action.domain.ConfigurationFailure;
import com.nomidio.connect.action.domain.ContactFlowActions;
import com.nomidio.connect.action.domain.Unconfigured;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.secret.AccessKeySecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utils.Lazy;

/**
 * Builds nomidioAction's actions and their clients from the environment map (template.yaml sets it; the gateway
 * names are GatewayConfig's, the secret's AccessKeySecrets', the two below this function's own).
 */
public final class NomidioActionWiring {

    /** The country of callers' numbers written without one (ISO 3166 alpha-2, e.g. GB). */
    public static final String DEFAULT_COUNTRY_CODE = "DEFAULT_COUNTRY_CODE";
    /** The sampleUpload function that startSampleUpload invokes. */
    public static final String SAMPLE_UPLOAD_FUNCTION = "SAMPLE_UPLOAD_FUNCTION";

    /** What the handler may spend before its answer margin: Connect's 8 s less about 1 s for Invoke and a restore. */
    public static final Duration HANDLER_CAP = Duration.ofSeconds(7);
    /**
     * The longest challengeResult long-poll: an answer that arrives at the end of it still leaves time for a retry's
     * worth of slack and the answer itself inside the handler's 6.5 s.
     */
    public static final Duration MAX_LONG_POLL = Duration.ofSeconds(5);

    /** Call timeouts well inside Connect's 8 s. */
    public static final SdkClients.Timeouts TIMEOUTS = new SdkClients.Timeouts(
            Duration.ofMillis(1000), Duration.ofMillis(2500), Duration.ofSeconds(3));

    private static final Logger LOG = LoggerFactory.getLogger(NomidioActionWiring.class);
    /** Lambda's name for a SnapStart initialisation: then clients are built before the snapshot, not on first use. */
    private static final String SNAP_START = "snap-start";
    private static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private NomidioActionWiring() {
    }

    /**
     * The actions on SDK clients built from {@code env}: KMS at once (the secret is decrypted on first use), Lambda
     * on the first startSampleUpload, or before the snapshot under SnapStart.
     */
    public static ActionPerformer fromEnvironment(Map<String, String> env) {
        SdkClients aws = SdkClients.fromEnvironment(env, TIMEOUTS);
        return fromEnvironment(env, () -> kms(aws), lambdaClient(env, aws), Clock.systemUTC());
    }

    /**
     * The actions, or {@link Unconfigured} when the environment is unusable, so that every invocation answers
     * ERROR and logs what to fix instead of the function failing to start.
     */
    public static ActionPerformer fromEnvironment(Map<String, String> env, Supplier<KmsClient> kms,
                                                  Supplier<LambdaClient> lambda, Clock clock) {
        try {
            Supplier<String> secret = countedAsConfiguration(AccessKeySecrets.fromEnvironment(env, kms));
            GatewayConfig config = GatewayConfig.fromEnvironment(env, secret);
            PhoneNumbers phoneNumbers = new PhoneNumbers(env.get(DEFAULT_COUNTRY_CODE));
            String sampleUploadFunction = env.get(SAMPLE_UPLOAD_FUNCTION);
            if (sampleUploadFunction == null || sampleUploadFunction.isBlank()) {
                LOG.warn("{} is not set: startSampleUpload will answer ERROR", SAMPLE_UPLOAD_FUNCTION);
            }
            LOG.atInfo().addKeyValue("gateway", config.baseUri()).addKeyValue("defaultCountry", phoneNumbers.defaultCountry())
                    .addKeyValue("sampleUploadFunction", sampleUploadFunction).log("nomidioAction configured");
            return new ContactFlowActions(new HttpNomidioGateway(config, Json.mapper()), phoneNumbers,
                    new LambdaSampleUploadStarter(lambda, sampleUploadFunction, Json.mapper()), clock, MAX_LONG_POLL);
        } catch (IllegalArgumentException | SdkException e) {
            LOG.atError().addKeyValue("problem", e.getMessage())
                    .log("nomidioAction configuration is unusable, every invocation will answer ERROR");
            return new Unconfigured(e.getMessage());
        }
    }

    /**
     * The secret, with a failure to get it (KMS refusing the key policy, an unreachable endpoint, a bad ciphertext)
     * marked as the deployment's, so that it counts in the ConfigurationFailure metric rather than as any ERROR.
     */
    private static Supplier<String> countedAsConfiguration(Supplier<String> secret) {
        return () -> {
            try {
                return secret.get();
            } catch (SdkException | IllegalStateException e) {
                throw new ConfigurationFailure("could not decrypt the Nomidio access key secret", e);
            }
        };
    }

    /** nomidioAction cannot work without a region: its absence is a configuration error, not a default. */
    private static KmsClient kms(SdkClients aws) {
        aws.requireRegion();
        return aws.configure(KmsClient.builder(), AwsEnvironment.KMS).build();
    }

    private static Supplier<LambdaClient> lambdaClient(Map<String, String> env, SdkClients aws) {
        Lazy<LambdaClient> lambda = new Lazy<>(() -> {
            aws.requireRegion();
            return aws.configure(LambdaClient.builder(), AwsEnvironment.LAMBDA).build();
        });
        if (SNAP_START.equals(env.get(INITIALIZATION_TYPE))) {
            try {
                lambda.getValue();
            } catch (RuntimeException e) {
                // Not fatal: startSampleUpload tries again, and answers ERROR with the reason if it fails then.
                LOG.atWarn().addKeyValue("exception", e.toString()).log("Could not build the Lambda client before the snapshot");
            }
        }
        return lambda::getValue;
    }
}
