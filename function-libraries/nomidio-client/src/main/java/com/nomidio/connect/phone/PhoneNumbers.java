package com.nomidio.connect.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Set;

/** Normalises caller ids with libphonenumber, recognises withheld numbers, and masks numbers for logs. */
public final class PhoneNumbers {

    public static final String DEFAULT_COUNTRY = "GB";

    /**
     * How carriers and Amazon Connect present a withheld caller id ("+266696687" spells ANONYMOUS on a keypad
     * and is what Connect shows for a withheld number).
     */
    private static final Set<String> WITHHELD = Set.of("", "anonymous", "restricted", "unavailable", "private",
            "unknown", "withheld", "+266696687", "266696687");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultCountry;

    public PhoneNumbers(String defaultCountry) {
        String country = defaultCountry == null || defaultCountry.isBlank()
                ? DEFAULT_COUNTRY
                : defaultCountry.trim().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(country)) {
            throw new IllegalArgumentException("unknown default country code " + country);
        }
        this.defaultCountry = country;
    }

    public String defaultCountry() {
        return defaultCountry;
    }

    public CallerNumber classify(String raw) {
        String trimmed = raw == null ? "" : raw.trim();
        if (WITHHELD.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return new CallerNumber.Withheld();
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(trimmed, defaultCountry);
            if (!util.isPossibleNumber(number)) {
                return new CallerNumber.Invalid("not a possible number", mask(trimmed));
            }
            return new CallerNumber.E164(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return new CallerNumber.Invalid(e.getErrorType().name(), mask(trimmed));
        }
    }

    /** At most the last three digits of a number, e.g. {@code ***789}; never more. */
    public static String mask(String number) {
        if (number == null) {
            return "";
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() <= 3) {
            return "***";
        }
        return "***" + digits.substring(digits.length() - 3);
    }
}
