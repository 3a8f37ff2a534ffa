package com.nomidio.connect.lex.bots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.lex.domain.MenuChoice;
import com.nomidio.connect.lex.domain.NomidioLexDialogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bot definition in {@code bots/} against what Lex V2 accepts (the lexmodelsv2 API reference's name patterns
 * and lengths, the built-in slot types, a FallbackIntent per locale) and against what nomidioLex expects, so that a
 * mistake fails here rather than in a deployment's build step. deploymentHelper deploys these files and the contact
 * simulator's local Lex runtime interprets them.
 */
class BotDefinitionFileTest {

    /** botName, intentName, slotName: "^([0-9a-zA-Z][_-]?){1,100}$" in the lexmodelsv2 API reference. */
    private static final Pattern LEX_NAME = Pattern.compile("^([0-9a-zA-Z][_-]?){1,100}$");
    private static final Pattern LOCALE_ID = Pattern.compile("^[a-z]{2}_[A-Z0-9]{2,3}$");
    private static final Pattern SLOT_REFERENCE = Pattern.compile("\\{([^}]*)}");
    /**
     * Letters, spaces and apostrophes around slot references: numbers are written as words ("one"), since a digit
     * in a sample utterance is what the customer typed, not a pattern, and punctuation does not help the model.
     */
    private static final Pattern UTTERANCE_TEXT = Pattern.compile("^[\\p{L} ']*$");
    /** Built-in slot types of Lex V2 that suit a typed or spoken identifier (AMAZON.FreeFormInput does not: see below). */
    private static final Set<String> BUILT_IN_SLOT_TYPES = Set.of("AMAZON.AlphaNumeric", "AMAZON.Number",
            "AMAZON.PhoneNumber", "AMAZON.Confirmation", "AMAZON.EmailAddress", "AMAZON.FirstName", "AMAZON.LastName",
            "AMAZON.Date", "AMAZON.Time", "AMAZON.UKPostalCode", "AMAZON.FreeFormInput");
    /** Polly voices of the locales we may define (Lex checks the voice belongs to the locale). */
    private static final Map<String, Set<String>> VOICES = Map.of(
            "en_GB", Set.of("Amy", "Emma", "Brian", "Arthur"),
            "en_US", Set.of("Joanna", "Salli", "Kendra", "Kimberly", "Ivy", "Ruth", "Danielle", "Matthew", "Joey",
                    "Justin", "Kevin", "Stephen", "Gregory"));

    static Stream<Path> botFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bots"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return Json.mapper().readTree(file.toFile());
    }

    @ParameterizedTest
    @MethodSource("botFiles")
    void botFile_whenRead_hasANomidioNameAndValidBotSettings(Path file) throws IOException {
        JsonNode bot = read(file);

        String name = bot.path("botName").asText();
        assertThat(name).matches(LEX_NAME).startsWith("Nomidio");
        assertThat(file.getFileName().toString()).isEqualTo(name + ".json");
        assertThat(bot.path("description").asText().length()).isBetween(1, 200);
        assertThat(bot.path("idleSessionTTLInSeconds").asInt()).isBetween(60, 86_400);
        assertThat(bot.path("childDirected").isBoolean()).isTrue();
        assertThat(bot.path("locales").size()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("botFiles")
    void botFile_whenRead_definesEnGbAndValidLocales(Path file) throws IOException {
        JsonNode bot = read(file);
        List<String> ids = new ArrayList<>();

        for (JsonNode locale : bot.path("locales")) {
            String id = locale.path("localeId").asText();
            ids.add(id);
            assertThat(id).matches(LOCALE_ID);
            assertThat(locale.path("nluIntentConfidenceThreshold").asDouble()).isBetween(0.0, 1.0);
            assertThat(VOICES).containsKey(id);
            assertThat(VOICES.get(id)).contains(locale.path("voiceId").asText());
            assertThat(locale.path("description").asText().length()).isLessThanOrEqualTo(200);
        }

        assertThat(ids).contains("en_GB").doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("botFiles")
    void botFile_whenRead_eachLocaleHasExactlyOneFallbackIntentWithoutUtterancesOrSlots(Path file) throws IOException {
        for (JsonNode locale : read(file).path("locales")) {
            List<JsonNode> fallbacks = new ArrayList<>();
            locale.path("intents").forEach(i -> {
                if ("AMAZON.FallbackIntent".equals(i.path("parentIntentSignature").asText())) {
                    fallbacks.add(i);
                }
            });

            assertThat(fallbacks).hasSize(1);
            JsonNode fallback = fallbacks.getFirst();
            // Lex creates it as "FallbackIntent" in every new locale; the helper updates that one.
            assertThat(fallback.path("intentName").asText()).isEqualTo(NomidioLexDialogue.FALLBACK_INTENT);
            assertThat(fallback.path("sampleUtterances")).isEmpty();
            assertThat(fallback.path("slots")).isEmpty();
            assertThat(fallback.path("fulfillmentCodeHook").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("botFiles")
    void botFile_whenRead_intentsAndSlotsHaveValidNamesTypesAndPrompts(Path file) throws IOException {
        for (JsonNode locale : read(file).path("locales")) {
            Set<String> intentNames = new HashSet<>();
            for (JsonNode intent : locale.path("intents")) {
                String name = intent.path("intentName").asText();
                assertThat(name).matches(LEX_NAME);
                assertThat(intentNames.add(name)).as("intent %s defined twice", name).isTrue();
                assertThat(intent.path("description").asText().length()).isLessThanOrEqualTo(200);
                assertThat(intent.path("dialogCodeHook").isBoolean()).isTrue();
                assertThat(intent.path("fulfillmentCodeHook").isBoolean()).isTrue();
                Set<String> slotNames = new HashSet<>();
                for (JsonNode slot : intent.path("slots")) {
                    assertThat(slot.path("slotName").asText()).matches(LEX_NAME);
                    assertThat(slotNames.add(slot.path("slotName").asText())).isTrue();
                    assertThat(BUILT_IN_SLOT_TYPES).contains(slot.path("slotTypeName").asText());
                    assertThat(slot.path("slotConstraint").asText()).isIn("Required", "Optional");
                    assertThat(slot.path("elicitationPrompt").asText().length()).isBetween(1, 1000);
                    assertThat(slot.path("maxRetries").asInt()).isBetween(0, 5);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("botFiles")
    void botFile_whenRead_utterancesAreWordsReferringOnlyToTheirIntentsSlotsAndAreUniqueInTheLocale(Path file)
            throws IOException {
        for (JsonNode locale : read(file).path("locales")) {
            Map<String, String> owner = new HashMap<>();
            for (JsonNode intent : locale.path("intents")) {
                String intentName = intent.path("intentName").asText();
                Map<String, String> slotTypes = new HashMap<>();
                intent.path("slots").forEach(s -> slotTypes.put(s.path("slotName").asText(), s.path("slotTypeName").asText()));
                boolean isFallback = intent.has("parentIntentSignature");
                assertThat(isFallback || intent.path("sampleUtterances").size() > 0)
                        .as("%s needs sample utterances", intentName).isTrue();
                for (JsonNode node : intent.path("sampleUtterances")) {
                    String utterance = node.asText();
                    assertThat(utterance.length()).as(utterance).isBetween(1, 200);
                    Matcher references = SLOT_REFERENCE.matcher(utterance);
                    while (references.find()) {
                        String slot = references.group(1);
                        assertThat(slotTypes).as("utterance '%s' of %s refers to a slot it does not have", utterance,
                                intentName).containsKey(slot);
                        // Lex V2: AMAZON.FreeFormInput cannot be used in intent sample utterances (and Connect chat
                        // does not support it).
                        assertThat(slotTypes.get(slot)).isNotEqualTo("AMAZON.FreeFormInput");
                    }
                    assertThat(SLOT_REFERENCE.matcher(utterance).replaceAll("")).as(utterance).matches(UTTERANCE_TEXT);
                    String key = utterance.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
                    String previous = owner.put(key, intentName);
                    assertThat(previous).as("utterance '%s' in %s and %s", utterance, previous, intentName).isNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("botFiles")
    void botFile_whenRead_hasTheIntentsAndSlotNomidioLexAnswers(Path file) throws IOException {
        for (JsonNode locale : read(file).path("locales")) {
            Map<String, JsonNode> intents = new HashMap<>();
            locale.path("intents").forEach(i -> intents.put(i.path("intentName").asText(), i));

            assertThat(intents).containsKeys(NomidioLexDialogue.IDENTIFY_INTENT, MenuChoice.REGISTER_INTENT,
                    MenuChoice.OPT_OUT_INTENT, MenuChoice.DECLINE_INTENT, NomidioLexDialogue.FALLBACK_INTENT);
            JsonNode identify = intents.get(NomidioLexDialogue.IDENTIFY_INTENT);
            assertThat(identify.path("slots").findValuesAsText("slotName")).containsExactly(NomidioLexDialogue.IDENTIFIER_SLOT);
            // AlphaNumeric, not FreeFormInput: the latter is not supported on Connect chat nor in utterances. The hook
            // reads what was typed (inputTranscript) itself, so "CUST-1001" or "+44 7700 900123" still arrive whole.
            assertThat(identify.path("slots").get(0).path("slotTypeName").asText()).isEqualTo("AMAZON.AlphaNumeric");
            intents.values().forEach(intent -> assertThat(intent.path("fulfillmentCodeHook").asBoolean()).isTrue());
        }
    }
}
