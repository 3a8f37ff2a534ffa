package com.nomidio.connect.emulator.state;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.emulator.voice.Verification;
import java.time.Instant;

/**
 * Everything the emulator knows about a challenge, for tests ({@code GET /_emulator/challenges/{id}}).
 *
 * @param sampleBytes  size of the uploaded WAV, or null before an upload
 * @param verification the verifier's findings, or null until it has run
 * @param faceCheck    for HIGH challenges: null before the voice passed, then PENDING, PASSED or FAILED
 * @param resultReads  how many times the result was read (each long-poll counts once)
 */
public record ChallengeInspection(
        String challengeId,
        String nomidioId,
        AuthLevel level,
        Channel channel,
        String contactId,
        ChallengeStatus status,
        String reason,
        Instant createdAt,
        Instant expiresAt,
        Instant completedAt,
        Integer sampleBytes,
        Instant sampleReceivedAt,
        Verification verification,
        String faceCheck,
        int resultReads) {
}
