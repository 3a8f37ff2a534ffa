package com.nomidio.connect.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whom a gateway call is about: exactly one of an E.164 number, a chat customer reference, or a Nomidio ID. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subject(String phoneNumber, String customerReference, String nomidioId) {

    public Subject {
        int given = (phoneNumber == null ? 0 : 1) + (customerReference == null ? 0 : 1) + (nomidioId == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("a subject names exactly one of phoneNumber, customerReference, nomidioId");
        }
    }

    public static Subject phone(String e164) {
        return new Subject(e164, null, null);
    }

    public static Subject customerReference(String reference) {
        return new Subject(null, reference, null);
    }

    public static Subject nomidioId(String id) {
        return new Subject(null, null, id);
    }
}
