package com.nomidio.connect.deployment.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bot definitions as the helper's jar carries them (nomidio-lex/bots/ packaged under bots/). */
class BotDefinitionTest {

    private static final Path SOURCE = Path.of("..", "nomidio-lex", "bots", "NomidioAuthentication.json");

    @Test
    void load_whenPackaged_isTheFileInNomidioLexBots() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bots/NomidioAuthentication.json")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(SOURCE));
        }
        assertThat(LexBotsResource.packagedDefinitions()).extracting(BotDefinition::botName)
                .containsExactly("NomidioAuthentication");
    }

    @Test
    void load_whenRead_mapsEveryFieldTheHelperSends() {
        BotDefinition bot = BotDefinition.load("NomidioAuthentication.json");

        assertThat(bot.idleSessionTTLInSeconds()).isEqualTo(300);
        BotDefinition.LocaleDefinition locale = bot.locales().getFirst();
        assertThat(locale.localeId()).isEqualTo("en_GB");
        assertThat(locale.voiceId()).isEqualTo("Amy");
        BotDefinition.IntentDefinition identify = locale.intents().getFirst();
        assertThat(identify.intentName()).isEqualTo("NomidioIdentify");
        assertThat(identify.slots().getFirst().slotTypeName()).isEqualTo("AMAZON.AlphaNumeric");
        assertThat(identify.slots().getFirst().maxRetries()).isEqualTo(2);
        assertThat(locale.intents().getLast().parentIntentSignature()).isEqualTo("AMAZON.FallbackIntent");
    }

    @Test
    void contentHash_whenOnlyLayoutOrCommentsDiffer_isTheSame() throws IOException {
        String source = Files.readString(SOURCE);
        String reformatted = source.replace("\n", "\n  ").replace("\"_comment\": \"", "\"_comment\": \"edited: ");

        assertThat(BotDefinition.parse(reformatted.getBytes(StandardCharsets.UTF_8)).contentHash())
                .isEqualTo(BotDefinition.parse(source.getBytes(StandardCharsets.UTF_8)).contentHash())
                .matches("[0-9a-f]{32}");
    }

    @Test
    void contentHash_whenAnUtteranceChanges_changes() throws IOException {
        String source = Files.readString(SOURCE);
        String changed = source.replace("\"no thanks\"", "\"no thank you\"");

        assertThat(changed).isNotEqualTo(source);
        assertThat(BotDefinition.parse(changed.getBytes(StandardCharsets.UTF_8)).contentHash())
                .isNotEqualTo(BotDefinition.parse(source.getBytes(StandardCharsets.UTF_8)).contentHash());
    }

    @Test
    void load_whenTheFileIsNotPackaged_failsNamingIt() {
        assertThatThrownBy(() -> BotDefinition.load("NomidioMissing.json"))
                .hasMessageContaining("bots/NomidioMissing.json is not in the deploymentHelper jar");
    }
}
