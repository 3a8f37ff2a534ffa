package com.nomidio.connect.lex.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.nomidio.connect.phone.PhoneNumbers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerIdentifierTest {

    private final PhoneNumbers phoneNumbers = new PhoneNumbers("GB");

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "+44 7700 900123", "(07700) 900-123", "447700900123", "+447700900123"})
    void parse_whenAMobileNumberIsTyped_isTheE164Number(String typed) {
        assertThat(CustomerIdentifier.parse(typed, phoneNumbers))
                .isEqualTo(new CustomerIdentifier.Phone("+447700900123"));
    }

    @ParameterizedTest
    @CsvSource({"CUST-1001, CUST-1001", "' cust-1001 ', cust-1001", "AB1, AB1"})
    void parse_whenAReferenceIsTyped_isTheReferenceAsTyped(String typed, String reference) {
        assertThat(CustomerIdentifier.parse(typed, phoneNumbers)).isEqualTo(new CustomerIdentifier.Reference(reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello there", "12", "1234", "AB", "CUST 1001", "-CUST", "<script>"})
    void parse_whenNeitherIsTyped_isUnusable(String typed) {
        assertThat(CustomerIdentifier.parse(typed, phoneNumbers)).isInstanceOf(CustomerIdentifier.Unusable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "CUST-1001"})
    void masked_neverShowsMoreThanThreeDigits(String typed) {
        assertThat(CustomerIdentifier.parse(typed, phoneNumbers).masked()).doesNotContainPattern("[0-9]{4}");
    }
}
