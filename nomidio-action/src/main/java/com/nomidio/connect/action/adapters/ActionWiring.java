package com.nomidio.connect.action.adapters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.action.domain.ActionPerformer;
import com.nomidio.connect.action.domain.ContactFlowActions;
import com.nomidio.connect.action.domain.Unconfigured;
import com.nomidio.connect.gateway.EnvironmentVariables;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Builds the actions from the Lambda environment (template.yaml sets it; EnvironmentVariables names it). */
public final class ActionWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ActionWiring.class);

    private ActionWiring() {
    }

    /**
     * The actions, or {@link Unconfigured} when the environment is unusable, so that every invocation answers
     * ERROR and logs what to fix instead of the function failing to start.
     */
    public static ActionPerformer fromEnvironment(Map<String, String> env, Supplier<KmsClient> kms,
                                                  Supplier<LambdaClient> lambda, ObjectMapper json, Clock clock) {
        try {
            KmsAccessKeySecret secret = new KmsAccessKeySecret(kms.get(),
                    env.get(EnvironmentVariables.ACCESS_KEY_SECRET_CIPHERTEXT), env.get(EnvironmentVariables.ACCESS_KEY_ID));
            GatewayConfig config = GatewayConfig.fromEnvironment(env, secret);
            PhoneNumbers phoneNumbers = new PhoneNumbers(env.get(EnvironmentVariables.DEFAULT_COUNTRY_CODE));
            String sampleUploadFunction = env.get(EnvironmentVariables.SAMPLE_UPLOAD_FUNCTION);
            if (sampleUploadFunction == null || sampleUploadFunction.isBlank()) {
                LOG.warn("{} is not set: startSampleUpload will answer ERROR", EnvironmentVariables.SAMPLE_UPLOAD_FUNCTION);
            }
            LOG.atInfo().addKeyValue("gateway", config.baseUri()).addKeyValue("defaultCountry", phoneNumbers.defaultCountry())
                    .addKeyValue("sampleUploadFunction", sampleUploadFunction).log("nomidioAction configured");
            return new ContactFlowActions(new HttpNomidioGateway(config, json), phoneNumbers,
                    new LambdaSampleUploadStarter(lambda, sampleUploadFunction, json), clock);
        } catch (IllegalArgumentException | SdkException e) {
            LOG.atError().addKeyValue("problem", e.getMessage())
                    .log("nomidioAction configuration is unusable, every invocation will answer ERROR");
            return new Unconfigured(e.getMessage());
        }
    }
}
