package com.nomidio.connect.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.emulator.state.FaceCheck;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class EmulatorCommandLineTest {

    @Test
    void parse_whenOptionsAreGiven_configuresTheEmulator() {
        EmulatorCommandLine options = EmulatorCommandLine.parse(
                "--port", "0", "--host", "127.0.0.1", "--keys", "KEY1=s3cret-one,KEY2=s3cret-two",
                "--supplier", "SUP-X", "--enterprise", "ENT-X", "--token-ttl", "60", "--challenge-ttl", "30",
                "--verification-delay", "0", "--face-check", "fail", "--free-trial-limit");

        try (GatewayEmulator emulator = options.builder().build().start(options.host, options.port)) {
            assertThat(emulator.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(emulator.clientConfig().accessKeyId()).isEqualTo("KEY1");
            assertThat(emulator.clientConfig().supplierCode()).isEqualTo("SUP-X");
            assertThat(emulator.clientConfig().enterpriseCode()).isEqualTo("ENT-X");
            assertThat(emulator.settings().tokenLifetime()).isEqualTo(Duration.ofSeconds(60));
            assertThat(emulator.settings().challengeLifetime()).isEqualTo(Duration.ofSeconds(30));
            assertThat(emulator.settings().verificationDelay()).isZero();
            assertThat(emulator.settings().faceCheck()).isEqualTo(FaceCheck.FAIL);
            assertThat(emulator.settings().freeTrialLimitReached()).isTrue();
        }
    }

    @Test
    void parse_whenKeysAreGiven_acceptsThoseKeysAtTheTokenEndpoint() {
        EmulatorCommandLine options = EmulatorCommandLine.parse("--keys", "MYKEY=my-secret");

        try (GatewayEmulator emulator = options.builder().build().start(0)) {
            HttpNomidioGateway gateway = new HttpNomidioGateway(emulator.clientConfig(), new ObjectMapper());
            assertThat(gateway.identify(Subject.phone("+447700900001"), Deadline.after(Duration.ofSeconds(5))).status())
                    .isEqualTo(NomidioStatus.ENROLLED);
        }
    }

    @Test
    void parse_whenOptionIsUnknownOrIncomplete_failsNamingIt() {
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--colour", "blue"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--port"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--keys", "no-secret"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("ID=SECRET");
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--face-check", "maybe"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--face-check");
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--threshold", "2").builder())
                .isInstanceOf(ParameterException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--port", "70000").builder())
                .isInstanceOf(ParameterException.class).hasMessageContaining("--port", "0..65535");
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--challenge-ttl", "0").builder())
                .isInstanceOf(ParameterException.class).hasMessageContaining("--challenge-ttl");
    }

    @Test
    void execute_whenAnOptionIsBad_isExitStatusTwoWithTheReasonAndTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = EmulatorCommandLine.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute("--threshold", "2");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("threshold within -1..1", "--min-speech=SECONDS");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void execute_whenHelpIsAsked_listsEveryOptionWithItsDefault() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = EmulatorCommandLine.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .execute("--help");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not a biometric product", "--port=N", "default 8090",
                "default 0.0.0.0", "--seed=FILE", "--audio-dir=DIR", "--keys=ID=SECRET", "--supplier=CODE",
                "--enterprise=CODE", "--token-ttl=SECONDS", "--challenge-ttl=SECONDS", "--verification-delay=MS",
                "--face-check=PASS|FAIL|NEVER", "--min-speech=SECONDS", "--threshold=X", "--free-trial-limit");
    }

    @Test
    void printBanner_whenStarted_showsWhatToConfigureButNeverTheSecret() {
        EmulatorCommandLine options = EmulatorCommandLine.parse("--keys", "KEY9=top-secret-value");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (GatewayEmulator emulator = options.builder().build().start(0)) {
            EmulatorCommandLine.printBanner(emulator, new PrintStream(out, true, StandardCharsets.UTF_8));

            String banner = out.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains("NOMIDIO_GATEWAY_URL=", "NOMIDIO_ACCESS_KEY_ID=KEY9", "not a biometric product",
                    String.valueOf(emulator.baseUri().getPort()));
            assertThat(banner).doesNotContain("top-secret-value");
        }
    }
}
