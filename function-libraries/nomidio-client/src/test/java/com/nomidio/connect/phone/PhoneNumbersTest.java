package com.nomidio.connect.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers gb = new PhoneNumbers("GB");

    @ParameterizedTest
    @CsvSource({
            "+447700900123, +447700900123",
            "07700 900123, +447700900123",
            "00447700900123, +447700900123",
            "+1 202-555-0143, +12025550143"})
    void classify_whenNumberUsable_returnsE164(String raw, String e164) {
        assertThat(gb.classify(raw)).isEqualTo(new CallerNumber.E164(e164));
    }

    @Test
    void classify_whenAmbiguous_usesTheDefaultCountry() {
        assertThat(new PhoneNumbers("US").classify("202-555-0143")).isEqualTo(new CallerNumber.E164("+12025550143"));
        assertThat(new PhoneNumbers(null).defaultCountry()).isEqualTo("GB");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "anonymous", "Anonymous", "Restricted", "Unavailable", "+266696687"})
    void classify_whenWithheld_returnsWithheld(String raw) {
        assertThat(gb.classify(raw)).isInstanceOf(CallerNumber.Withheld.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "not a number", "+44 12"})
    void classify_whenUnusable_returnsInvalidWithMaskedValue(String raw) {
        CallerNumber number = gb.classify(raw);

        assertThat(number).isInstanceOf(CallerNumber.Invalid.class);
        assertThat(number.masked()).startsWith("***");
    }

    @Test
    void mask_whenLongNumber_keepsOnlyLastThreeDigits() {
        assertThat(PhoneNumbers.mask("+447700900123")).isEqualTo("***123");
        assertThat(new CallerNumber.E164("+447700900123").toString()).doesNotContain("7700900");
        assertThat(PhoneNumbers.mask("12")).isEqualTo("***");
    }

    @Test
    void constructor_whenCountryUnknown_failsClearly() {
        assertThatThrownBy(() -> new PhoneNumbers("XX")).hasMessageContaining("XX");
    }
}
