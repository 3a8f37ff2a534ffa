package com.nomidio.connect.simulator.lex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which intent of a locale a customer's words are, and the slot values they carry: a stand-in for Lex's natural
 * language understanding that keeps to what the bot definition says. A sample utterance matches when the words
 * are the same (letter case, punctuation and repeated spaces aside); {@code {slot}} in an utterance takes any text
 * its slot type accepts. Whole-utterance matches win over slot captures, and of those the utterance with the
 * most fixed words wins ("my number is {x}" before "{x}"). Nothing matching is the fallback intent.
 */
final class IntentMatcher {

    private static final Pattern SLOT_REFERENCE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    /** AMAZON.AlphaNumeric as used here: letters and digits, with the separators people type in numbers. */
    private static final Pattern ALPHANUMERIC = Pattern.compile("^[\\p{L}\\p{N}+(][\\p{L}\\p{N} +().-]*$");

    private final BotDefinition.Locale locale;
    private final List<Candidate> candidates = new ArrayList<>();

    IntentMatcher(BotDefinition.Locale locale) {
        this.locale = locale;
        for (BotDefinition.Intent intent : locale.intents()) {
            for (String utterance : intent.sampleUtterances()) {
                candidates.add(Candidate.of(intent, utterance));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::hasSlots).thenComparing(c -> -c.fixedLength()));
    }

    /** The intent of {@code text} and its slot values (original text as typed). */
    Match match(String text) {
        String said = text == null ? "" : text.trim();
        for (Candidate candidate : candidates) {
            Optional<Map<String, String>> slots = candidate.match(said);
            if (slots.isPresent()) {
                return new Match(candidate.intent(), slots.get());
            }
        }
        return new Match(locale.fallback(), Map.of());
    }

    /** Whether {@code text} is exactly one of the intent's utterances without slots (to switch intent mid-slot). */
    Optional<BotDefinition.Intent> wholeUtterance(String text) {
        Match match = match(text);
        return match.slots().isEmpty() && !match.intent().equals(locale.fallback())
                ? Optional.of(match.intent()) : Optional.empty();
    }

    /** A value a slot of this type accepts, as Lex would resolve it; empty when it does not. */
    static Optional<String> slotValue(BotDefinition.Slot slot, String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if ("AMAZON.AlphaNumeric".equals(slot.slotTypeName()) && !ALPHANUMERIC.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    record Match(BotDefinition.Intent intent, Map<String, String> slots) {
    }

    private record Candidate(BotDefinition.Intent intent, Pattern pattern, List<String> slotNames, int fixedLength) {

        static Candidate of(BotDefinition.Intent intent, String utterance) {
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder("^");
            Matcher slots = SLOT_REFERENCE.matcher(utterance);
            int at = 0;
            int fixed = 0;
            while (slots.find()) {
                String words = normalise(utterance.substring(at, slots.start()));
                fixed += words.length();
                regex.append(words.isEmpty() ? "" : Pattern.quote(words) + " ").append("(.+?)");
                names.add(slots.group(1));
                at = slots.end();
            }
            String tail = normalise(utterance.substring(at));
            fixed += tail.length();
            if (!tail.isEmpty()) {
                regex.append(names.isEmpty() ? "" : " ").append(Pattern.quote(tail));
            }
            // Case-insensitive: the fixed words are compared as Lex would; a capture keeps the customer's own case.
            return new Candidate(intent, Pattern.compile(regex.append("$").toString(), Pattern.CASE_INSENSITIVE
                    | Pattern.UNICODE_CASE), names, fixed);
        }

        boolean hasSlots() {
            return !slotNames.isEmpty();
        }

        Optional<Map<String, String>> match(String said) {
            // Slot values are captured from the words as typed (characters kept: "+44 7700 900123", "CUST-1001"),
            // with spaces collapsed and a closing full stop or exclamation dropped; without slots the words are
            // compared normalised.
            Matcher matcher = pattern.matcher(hasSlots() ? spaced(said) : normalise(said));
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < slotNames.size(); i++) {
                String name = slotNames.get(i);
                String captured = matcher.group(i + 1);
                Optional<String> value = intent.slot(name).flatMap(slot -> slotValue(slot, captured));
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.put(name, value.get());
            }
            return Optional.of(values);
        }
    }

    /** Lower case, punctuation at the ends of words dropped, single spaces. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").replaceAll("\\s+", " ").trim();
    }

    private static String spaced(String text) {
        return text.replaceAll("\\s+", " ").trim().replaceAll("[.!?]+$", "").trim();
    }
}
