package com.nomidio.connect.domain;

import java.util.Optional;

/** The guide's "Challenge Authentication Level": STANDARD is voice only, HIGH is voice and face. */
public enum AuthLevel {
    STANDARD,
    HIGH;

    /** True when a challenge at this level proves at least what {@code required} asks for (HIGH covers both). */
    public boolean covers(AuthLevel required) {
        return this == HIGH || required != HIGH;
    }

    /** Parses a contact attribute value; empty when it is not exactly one of the levels (case-insensitive). */
    public static Optional<AuthLevel> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (AuthLevel level : values()) {
            if (level.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
