package com.nomidio.connect.benchmarks.action;

import com.nomidio.connect.action.entrypoints.NomidioActionWiring;
import com.nomidio.connect.action.adapters.ConnectEvent;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.phone.PhoneNumbers;
import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.aws.SdkClients;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.secret.KmsAccessKeySecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Where a cold first lookup spends its time: the same steps the handler takes, one by one, in a fresh JVM, each
 * timed once (so each pays for the classes it is first to load). Diagnostic, run by the benchmark script.
 */
public final class ColdPhases {

    private static long last = System.nanoTime();

    private ColdPhases() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        last = System.nanoTime();
        LoggerFactory.getLogger(ColdPhases.class).atInfo().addKeyValue("phase", "logging").log("First log line");
        phase("SLF4J + nomidio-logging JSON backend, first line");
        var json = Json.mapper();
        ConnectEvent event = json.readValue(Files.readAllBytes(Path.of(args[0])), ConnectEvent.class);
        phase("Jackson: read the Connect event");
        PhoneNumbers phones = new PhoneNumbers("GB");
        phones.classify(event.details().contactData().customerEndpoint().address());
        phase("libphonenumber: normalise the caller");
        KmsClient kms = SdkClients.fromEnvironment(env, NomidioActionWiring.TIMEOUTS)
                .configure(KmsClient.builder(), AwsEnvironment.KMS).build();
        phase("SDK: build the KMS client");
        KmsAccessKeySecret secret = new KmsAccessKeySecret(kms, env.get(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT),
                env.get(GatewayConfig.ACCESS_KEY_ID));
        secret.get();
        phase("SDK: KMS Decrypt (first call)");
        HttpNomidioGateway gateway = new HttpNomidioGateway(GatewayConfig.fromEnvironment(env, secret), json);
        phase("JDK HttpClient: build the gateway client");
        gateway.identify(Subject.phone("+447700900123"), Deadline.after(Duration.ofSeconds(5)));
        phase("gateway: token + identify (first calls)");
        json.writeValueAsBytes(Map.of("nomidio_status", "ENROLLED"));
        phase("Jackson: write the answer");
    }

    private static void phase(String name) {
        long now = System.nanoTime();
        phase(name, now - last);
        last = System.nanoTime();
    }

    private static void phase(String name, long nanos) {
        System.err.printf(Locale.ROOT, "  %-44s %6.0f ms%n", name, nanos / 1e6);
    }
}
