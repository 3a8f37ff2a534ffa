package com.nomidio.connect.deployment.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nomidio.connect.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lex V2 bot as the repository defines it ({@code nomidio-lex/bots/<name>.json}, packaged into the helper's jar
 * under {@code bots/}). The field names are lexmodelsv2's request fields (CreateBot, CreateBotLocale, CreateIntent,
 * CreateSlot); the contact simulator's local Lex runtime reads the same file. Fields this helper does not know are
 * ignored (the file may grow), {@code _comment} among them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BotDefinition(
        String botName,
        String description,
        int idleSessionTTLInSeconds,
        boolean childDirected,
        List<LocaleDefinition> locales) {

    /** The classpath folder the bot definitions are packaged in. */
    public static final String RESOURCE_FOLDER = "bots/";
    /** The bot(s) the helper deploys, by file name. */
    public static final List<String> BOT_FILES = List.of("NomidioAuthentication.json");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LocaleDefinition(
            String localeId,
            String description,
            double nluIntentConfidenceThreshold,
            String voiceId,
            List<IntentDefinition> intents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IntentDefinition(
            String intentName,
            String parentIntentSignature,
            String description,
            List<String> sampleUtterances,
            boolean dialogCodeHook,
            boolean fulfillmentCodeHook,
            List<SlotDefinition> slots) {

        public List<String> sampleUtterances() {
            return sampleUtterances == null ? List.of() : sampleUtterances;
        }

        public List<SlotDefinition> slots() {
            return slots == null ? List.of() : slots;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SlotDefinition(
            String slotName,
            String slotTypeName,
            String slotConstraint,
            String elicitationPrompt,
            int maxRetries) {
    }

    public List<LocaleDefinition> locales() {
        return locales == null ? List.of() : locales;
    }

    /** Reads a packaged definition ({@code bots/<file>}); a missing or unreadable file is a build defect. */
    public static BotDefinition load(String file) {
        try (InputStream in = BotDefinition.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the bot definition " + RESOURCE_FOLDER + file
                        + " is not in the deploymentHelper jar (see deployment-helper/pom.xml, resources)");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bot definition " + file, e);
        }
    }

    public static BotDefinition parse(byte[] json) throws IOException {
        return Json.mapper().readValue(json, BotDefinition.class);
    }

    /**
     * 32 hex digits of SHA-256 over the definition in a canonical form (this record serialised with sorted keys):
     * the same definition always gives the same hash, whatever the file's layout or comments, so an Update whose
     * definition did not change publishes no new version.
     */
    public String contentHash() {
        try {
            byte[] bytes = CANONICAL.writeValueAsBytes(this);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
}
