package com.nomidio.connect.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the gateway knows of a caller. {@code nomidioId} and {@code fraudFlag} may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Identity(String nomidioId, NomidioStatus status, FraudFlag fraudFlag) {

    public Identity {
        if (status == null) {
            throw new IllegalArgumentException("identity without a status");
        }
        GatewayIds.checkedOrNull(nomidioId, "nomidioId");
    }

    public static Identity ofStatus(NomidioStatus status) {
        return new Identity(null, status, null);
    }
}
