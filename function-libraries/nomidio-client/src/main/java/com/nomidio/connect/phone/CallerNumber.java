package com.nomidio.connect.phone;

/** A caller's number after normalisation: an E.164 number, a withheld number, or something unusable. */
public sealed interface CallerNumber {

    /** A log-safe form: at most the last three digits. */
    String masked();

    record E164(String value) implements CallerNumber {
        @Override
        public String masked() {
            return PhoneNumbers.mask(value);
        }

        @Override
        public String toString() {
            return "E164[" + masked() + "]";
        }
    }

    record Withheld() implements CallerNumber {
        @Override
        public String masked() {
            return "withheld";
        }
    }

    record Invalid(String reason, String masked) implements CallerNumber {
        @Override
        public String toString() {
            return "Invalid[" + reason + ", " + masked + "]";
        }
    }
}
