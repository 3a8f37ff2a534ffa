package com.nomidio.connect.simulator.lex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The local runtime's reading of the customer's words against the real bot file (nomidio-lex/bots/). */
class IntentMatcherTest {

    private static final BotDefinition BOT = BotDefinition.load("NomidioAuthentication", new ObjectMapper());
    private final IntentMatcher matcher = new IntentMatcher(BOT.locale("en_GB").orElseThrow());

    @ParameterizedTest
    @CsvSource({
            "yes,                      NomidioRegister",
            "Yes please!,              NomidioRegister",
            "one,                      NomidioRegister",
            "opt out,                  NomidioOptOut",
            "NEVER ask again,          NomidioOptOut",
            "no thanks,                NomidioDecline",
            "I have approved it.,      NomidioChallengeDone",
            "done,                     NomidioChallengeDone"})
    void match_whenTheWordsAreASampleUtterance_isItsIntentWithoutSlots(String words, String intent) {
        IntentMatcher.Match match = matcher.match(words);

        assertThat(match.intent().intentName()).isEqualTo(intent);
        assertThat(match.slots()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "07700 900123,                   07700 900123",
            "my number is +44 7700 900123,   +44 7700 900123",
            "My Reference Is CUST-1001.,     CUST-1001",
            "it is cust-1004,                cust-1004"})
    void match_whenTheWordsFillASlotUtterance_capturesTheValueAsTyped(String words, String value) {
        IntentMatcher.Match match = matcher.match(words);

        assertThat(match.intent().intentName()).isEqualTo("NomidioIdentify");
        assertThat(match.slots()).containsEntry("customerIdentifier", value);
    }

    @Test
    void match_whenNothingMatches_isTheFallbackIntent() {
        assertThat(matcher.match("??").intent().intentName()).isEqualTo("FallbackIntent");
        assertThat(matcher.match("").intent().parentIntentSignature()).isEqualTo("AMAZON.FallbackIntent");
    }

    @Test
    void wholeUtterance_whenTheWordsAreASlotValue_isNoOtherIntent() {
        assertThat(matcher.wholeUtterance("07700 900123")).isEmpty();
        assertThat(matcher.wholeUtterance("no")).hasValueSatisfying(i -> assertThat(i.intentName()).isEqualTo("NomidioDecline"));
    }
}
