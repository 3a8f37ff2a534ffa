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

class EmulatorCommandLineTest {

    @Test
    void parse_whenOptionsAreGiven_configuresTheEmulator() {
        EmulatorCommandLine.Options options = EmulatorCommandLine.parse(new String[] {
                "--port", "0", "--host", "127.0.0.1", "--keys", "KEY1=s3cret-one,KEY2=s3cret-two",
                "--supplier", "SUP-X", "--enterprise", "ENT-X", "--challenge-ttl", "30", "--face-check", "fail",
                "--free-trial-limit"});

        try (GatewayEmulator emulator = options.builder.build().start(options.host, options.port)) {
            assertThat(emulator.clientConfig().accessKeyId()).isEqualTo("KEY1");
            assertThat(emulator.clientConfig().supplierCode()).isEqualTo("SUP-X");
            assertThat(emulator.clientConfig().enterpriseCode()).isEqualTo("ENT-X");
            assertThat(emulator.settings().challengeLifetime()).isEqualTo(Duration.ofSeconds(30));
            assertThat(emulator.settings().faceCheck()).isEqualTo(FaceCheck.FAIL);
            assertThat(emulator.settings().freeTrialLimitReached()).isTrue();
        }
    }

    @Test
    void parse_whenKeysAreGiven_acceptsThoseKeysAtTheTokenEndpoint() {
        EmulatorCommandLine.Options options = EmulatorCommandLine.parse(new String[] {"--keys", "MYKEY=my-secret"});

        try (GatewayEmulator emulator = options.builder.build().start(0)) {
            HttpNomidioGateway gateway = new HttpNomidioGateway(emulator.clientConfig(), new ObjectMapper());
            assertThat(gateway.identify(Subject.phone("+447700900001"), Deadline.after(Duration.ofSeconds(5))).status())
                    .isEqualTo(NomidioStatus.ENROLLED);
        }
    }

    @Test
    void parse_whenOptionIsUnknownOrIncomplete_failsNamingIt() {
        assertThatThrownBy(() -> EmulatorCommandLine.parse(new String[] {"--colour", "blue"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> EmulatorCommandLine.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> EmulatorCommandLine.parse(new String[] {"--keys", "no-secret"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ID=SECRET");
        assertThatThrownBy(() -> EmulatorCommandLine.parse(new String[] {"--threshold", "2"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    }

    @Test
    void printBanner_whenStarted_showsWhatToConfigureButNeverTheSecret() {
        EmulatorCommandLine.Options options = EmulatorCommandLine.parse(new String[] {"--keys", "KEY9=top-secret-value"});
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (GatewayEmulator emulator = options.builder.build().start(0)) {
            EmulatorCommandLine.printBanner(emulator, new PrintStream(out, true, StandardCharsets.UTF_8));

            String banner = out.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains("NOMIDIO_GATEWAY_URL=", "NOMIDIO_ACCESS_KEY_ID=KEY9", "not a biometric product",
                    String.valueOf(emulator.baseUri().getPort()));
            assertThat(banner).doesNotContain("top-secret-value");
        }
    }
}
