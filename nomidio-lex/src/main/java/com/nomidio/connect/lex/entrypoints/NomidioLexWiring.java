package com.nomidio.connect.lex.entrypoints;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.lex.domain.LexCodeHook;
import com.nomidio.connect.lex.domain.NomidioLexDialogue;
import com.nomidio.connect.lex.domain.Unconfigured;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.secret.AccessKeySecrets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Builds nomidioLex's dialogue and its clients from the environment map (template.yaml sets it; the gateway names
 * are GatewayConfig's, the secret's AccessKeySecrets', the one below this function's own).
 */
public final class NomidioLexWiring {

    /** The country of numbers typed without one (ISO 3166 alpha-2, e.g. GB). */
    public static final String DEFAULT_COUNTRY_CODE = "DEFAULT_COUNTRY_CODE";

    /** Call timeouts well inside the hook's budget (NomidioLexHandler.BUDGET). */
    public static final SdkClients.Timeouts TIMEOUTS = new SdkClients.Timeouts(
            Duration.ofMillis(1000), Duration.ofMillis(2500), Duration.ofSeconds(3));

    private static final Logger LOG = LoggerFactory.getLogger(NomidioLexWiring.class);

    private NomidioLexWiring() {
    }

    /** The dialogue on SDK clients built from {@code env}: KMS at once (the secret is decrypted on first use). */
    public static LexCodeHook fromEnvironment(Map<String, String> env) {
        SdkClients aws = SdkClients.fromEnvironment(env, TIMEOUTS);
        return fromEnvironment(env, () -> kms(aws));
    }

    /**
     * The dialogue, or {@link Unconfigured} when the environment is unusable, so that every invocation answers
     * ERROR and logs what to fix instead of the function failing to start.
     */
    public static LexCodeHook fromEnvironment(Map<String, String> env, Supplier<KmsClient> kms) {
        try {
            Supplier<String> secret = AccessKeySecrets.fromEnvironment(env, kms);
            GatewayConfig config = GatewayConfig.fromEnvironment(env, secret);
            PhoneNumbers phoneNumbers = new PhoneNumbers(env.get(DEFAULT_COUNTRY_CODE));
            LOG.atInfo().addKeyValue("gateway", config.baseUri()).addKeyValue("defaultCountry", phoneNumbers.defaultCountry())
                    .log("nomidioLex configured");
            return new NomidioLexDialogue(new HttpNomidioGateway(config, Json.mapper()), phoneNumbers);
        } catch (IllegalArgumentException | SdkException e) {
            LOG.atError().addKeyValue("problem", e.getMessage())
                    .log("nomidioLex configuration is unusable, every invocation will answer ERROR");
            return new Unconfigured(e.getMessage());
        }
    }

    /** nomidioLex cannot work without a region: its absence is a configuration error, not a default. */
    private static KmsClient kms(SdkClients aws) {
        aws.requireRegion();
        return aws.configure(KmsClient.builder(), AwsEnvironment.KMS).build();
    }
}
