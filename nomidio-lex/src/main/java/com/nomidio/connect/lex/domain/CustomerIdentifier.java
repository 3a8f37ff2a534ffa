package com.nomidio.connect.lex.domain;

import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.phone.CallerNumber;
import com.nomidio.connect.phone.PhoneNumbers;
import java.util.regex.Pattern;

/**
 * What a chat customer typed to identify themselves: a phone number (only digits, spaces, +, -, ., brackets;
 * normalised with DefaultCountryCode), a customer reference (letters and digits, at least one letter, dashes
 * allowed, 3 to 40 characters), or neither.
 */
sealed interface CustomerIdentifier {

    Pattern PHONE_CHARACTERS = Pattern.compile("[0-9+()\\-. ]{6,30}");
    Pattern REFERENCE = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\\-]{2,39}");

    /** Safe for a log line. */
    String masked();

    record Phone(String e164) implements CustomerIdentifier {
        Subject subject() {
            return Subject.phone(e164);
        }

        @Override
        public String masked() {
            return PhoneNumbers.mask(e164);
        }

        @Override
        public String toString() {
            return "Phone[" + masked() + "]";
        }
    }

    record Reference(String value) implements CustomerIdentifier {
        @Override
        public String masked() {
            return "reference";
        }
    }

    record Unusable() implements CustomerIdentifier {
        @Override
        public String masked() {
            return "";
        }
    }

    static CustomerIdentifier parse(String typed, PhoneNumbers phoneNumbers) {
        String text = typed == null ? "" : typed.trim();
        if (PHONE_CHARACTERS.matcher(text).matches()
                && phoneNumbers.classify(text) instanceof CallerNumber.E164 number) {
            return new Phone(number.value());
        }
        if (REFERENCE.matcher(text).matches()) {
            return new Reference(text);
        }
        return new Unusable();
    }
}
