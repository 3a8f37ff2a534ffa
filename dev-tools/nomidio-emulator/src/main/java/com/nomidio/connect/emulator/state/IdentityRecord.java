package com.nomidio.connect.emulator.state;

import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.emulator.voice.Voiceprint;

/**
 * One caller as the emulator holds it. Blocking is kept apart from the status so that unblocking gives back the
 * status the caller had. Guarded by the owning {@link IdentityStore}'s lock.
 */
final class IdentityRecord {

    final String nomidioId;
    final String phoneNumber;
    final String customerReference;
    final String voiceprintName;
    final Voiceprint voiceprint;
    NomidioStatus status;
    boolean blocked;
    FraudFlag fraudFlag;

    IdentityRecord(String nomidioId, String phoneNumber, String customerReference, NomidioStatus status,
                   boolean blocked, FraudFlag fraudFlag, String voiceprintName, Voiceprint voiceprint) {
        this.nomidioId = nomidioId;
        this.phoneNumber = phoneNumber;
        this.customerReference = customerReference;
        this.status = status;
        this.blocked = blocked;
        this.fraudFlag = fraudFlag;
        this.voiceprintName = voiceprintName;
        this.voiceprint = voiceprint;
    }

    NomidioStatus effectiveStatus() {
        return blocked ? NomidioStatus.BLOCKED : status;
    }

    Identity view() {
        return new Identity(nomidioId, effectiveStatus(), fraudFlag);
    }
}
