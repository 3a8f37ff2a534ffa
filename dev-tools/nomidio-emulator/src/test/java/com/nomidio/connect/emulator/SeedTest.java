package com.nomidio.connect.emulator;

import static com.nomidio.connect.emulator.AudioFixtures.VOICE_A_PASSPHRASE;
import static com.nomidio.connect.emulator.AudioFixtures.VOICE_B_ENROLMENT;
import static com.nomidio.connect.emulator.AudioFixtures.VOICE_B_PASSPHRASE;
import static com.nomidio.connect.emulator.AudioFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.emulator.state.Seed;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void seed_whenEverySixteenStatusesAreSeeded_identifiesEachAsSeeded() {
        Seed seed = Seed.load(resource("seeds/all-statuses.json"), JSON);

        try (GatewayEmulator emulator = GatewayEmulator.builder().seed(seed).build().start(0)) {
            HttpNomidioGateway gateway = new HttpNomidioGateway(emulator.clientConfig(), JSON);
            for (Seed.SeedIdentity caller : seed.identities()) {
                NomidioStatus status = gateway.identify(Subject.phone(caller.phoneNumber()),
                        Deadline.after(Duration.ofSeconds(5))).status();
                assertThat(status.name()).as(caller.caller()).isEqualTo(caller.status());
            }
            assertThat(seed.identities()).hasSize(NomidioStatus.values().length);
        }
    }

    @Test
    void seed_whenDefaultIsLoaded_hasACallerForEveryStatusPathOfTheFlows() {
        Seed seed = Seed.loadDefault(JSON);

        assertThat(seed.identities()).extracting(Seed.SeedIdentity::status).contains("ENROLLED", "TAC_WARN",
                "AWAITING_APPROVAL", "INVITED", "PENDING", "EXISTS", "OPTED_OUT", "BLOCKED", "TAC_EXPIRED", "INVITATION_SENT");
        assertThat(seed.identities()).extracting(Seed.SeedIdentity::fraudFlag).contains("FRAUD_WARNING", "SUSPECTED_FRAUD");
        assertThat(seed.identities()).extracting(Seed.SeedIdentity::status).doesNotContain("NOT_FOUND");
    }

    @Test
    void seed_whenVoiceprintRecordingIsMissing_failsNamingIt() {
        Seed seed = Seed.load(resource("seeds/missing-voiceprint.json"), JSON);

        assertThatThrownBy(() -> GatewayEmulator.builder().seed(seed).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-recording.wav");
    }

    @Test
    void seed_whenTwoCallersShareANumber_isRefused() {
        Seed seed = Seed.load(resource("seeds/duplicate-phone.json"), JSON);

        assertThatThrownBy(() -> GatewayEmulator.builder().seed(seed).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phoneNumber");
    }

    @Test
    void seed_whenNumberIsNotE164_isRefusedWithoutPrintingTheNumber() {
        Seed seed = Seed.load(resource("seeds/bad-phone.json"), JSON);

        assertThatThrownBy(() -> GatewayEmulator.builder().seed(seed).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E.164")
                .hasMessageNotContaining("900303")
                .hasMessageContaining("***303");
    }

    @Test
    void seed_whenStatusIsUnknown_isRefusedNamingIt() {
        Seed seed = Seed.load(resource("seeds/unknown-status.json"), JSON);

        assertThatThrownBy(() -> GatewayEmulator.builder().seed(seed).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VIP");
    }

    @Test
    void seed_whenVoiceprintRecordingIsBesideTheSeedFile_enrolsThatVoice(@TempDir Path folder) throws IOException {
        Files.copy(resource("seeds/own-voiceprint.json"), folder.resolve("seed.json"));
        Files.write(folder.resolve("own-voice.wav"), wav(VOICE_B_ENROLMENT));
        Seed seed = Seed.load(folder.resolve("seed.json"), JSON);

        try (GatewayEmulator emulator = GatewayEmulator.builder().seed(seed)
                .settings(s -> s.verificationDelay(Duration.ZERO)).build().start(0)) {
            HttpNomidioGateway gateway = new HttpNomidioGateway(emulator.clientConfig(), JSON);

            assertThat(verify(gateway, VOICE_B_PASSPHRASE)).isEqualTo(ChallengeStatus.PASSED);
            assertThat(verify(gateway, VOICE_A_PASSPHRASE)).isEqualTo(ChallengeStatus.FAILED);
        }
    }

    private static ChallengeStatus verify(HttpNomidioGateway gateway, String sample) {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10));
        String id = gateway.createChallenge("NID-OWN", AuthLevel.STANDARD, Channel.VOICE, "c-1", deadline).challengeId();
        gateway.uploadSample(id, wav(sample), deadline);
        return gateway.challengeResult(id, Duration.ofSeconds(5), deadline).status();
    }

    private static Path resource(String name) {
        try {
            return Path.of(SeedTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
