package com.nomidio.connect.simulator.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A bot definition file of {@code nomidio-lex/bots/} — the file deploymentHelper creates the bot from, its field
 * names those of lexmodelsv2's requests (CreateBot, CreateBotLocale, CreateIntent, CreateSlot) — read for the local
 * Lex runtime. Only what the runtime interprets is modelled; the rest is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BotDefinition(String botName, List<Locale> locales) {

    /** Where the simulator's classpath holds the files (contact-simulator's pom copies nomidio-lex/bots/ there). */
    static final String FOLDER = "bots/";
    /** Lex V2's built-in fallback, the intent every bot must have. */
    static final String FALLBACK_SIGNATURE = "AMAZON.FallbackIntent";

    public BotDefinition {
        locales = locales == null ? List.of() : List.copyOf(locales);
    }

    /** Loads {@code bots/<botName>.json} from the classpath. */
    public static BotDefinition load(String botName, ObjectMapper json) {
        String resource = FOLDER + botName + ".json";
        try (InputStream in = BotDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bot definition " + resource + " is not on the classpath");
            }
            return json.readValue(in, BotDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bot definition " + resource, e);
        }
    }

    public Optional<Locale> locale(String localeId) {
        return locales.stream().filter(l -> l.localeId().equals(localeId)).findFirst();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Locale(String localeId, List<Intent> intents) {

        public Locale {
            intents = intents == null ? List.of() : List.copyOf(intents);
        }

        public Optional<Intent> intent(String name) {
            return intents.stream().filter(i -> i.intentName().equals(name)).findFirst();
        }

        /** The intent built on AMAZON.FallbackIntent (Lex refuses a bot without one). */
        public Intent fallback() {
            return intents.stream().filter(i -> FALLBACK_SIGNATURE.equals(i.parentIntentSignature())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("locale " + localeId + " has no AMAZON.FallbackIntent"));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Intent(String intentName, String parentIntentSignature, List<String> sampleUtterances,
            boolean dialogCodeHook, boolean fulfillmentCodeHook, List<Slot> slots) {

        public Intent {
            sampleUtterances = sampleUtterances == null ? List.of() : List.copyOf(sampleUtterances);
            slots = slots == null ? List.of() : List.copyOf(slots);
        }

        public Optional<Slot> slot(String name) {
            return slots.stream().filter(s -> s.slotName().equals(name)).findFirst();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slot(String slotName, String slotTypeName, String slotConstraint, String elicitationPrompt,
            Integer maxRetries) {

        public boolean required() {
            return "Required".equals(slotConstraint);
        }
    }
}
