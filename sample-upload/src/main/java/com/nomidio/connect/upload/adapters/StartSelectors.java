package com.nomidio.connect.upload.adapters;

import com.nomidio.connect.domain.SampleUploadRequest;
import com.nomidio.connect.upload.domain.StartSelectorChoice;
import java.time.Instant;
import software.amazon.awssdk.services.kinesisvideomedia.model.StartSelector;
import software.amazon.awssdk.services.kinesisvideomedia.model.StartSelectorType;

/** The GetMedia StartSelector for a request: the preferred kind when the request has what it needs. */
final class StartSelectors {

    private StartSelectors() {
    }

    /**
     * @param notBefore the earliest producer time the capture keeps (null: unknown); a timestamp selector starts
     *                  there rather than at the stream start, so audio from before the challenge is not even read
     */
    static StartSelector forRequest(SampleUploadRequest request, StartSelectorChoice preferred, Long notBefore) {
        Long from = notBefore != null ? notBefore : request.startTimestampMillis();
        boolean hasTimestamp = request.startTimestampMillis() != null;
        boolean hasFragment = request.startFragmentNumber() != null && !request.startFragmentNumber().isBlank();
        StartSelectorChoice choice = preferred;
        if (choice != StartSelectorChoice.FRAGMENT_NUMBER && !hasTimestamp) {
            choice = StartSelectorChoice.FRAGMENT_NUMBER;
        } else if (choice == StartSelectorChoice.FRAGMENT_NUMBER && !hasFragment) {
            choice = StartSelectorChoice.PRODUCER_TIMESTAMP;
        }
        return switch (choice) {
            case FRAGMENT_NUMBER -> StartSelector.builder()
                    .startSelectorType(StartSelectorType.FRAGMENT_NUMBER)
                    .afterFragmentNumber(request.startFragmentNumber().trim())
                    .build();
            case PRODUCER_TIMESTAMP -> StartSelector.builder()
                    .startSelectorType(StartSelectorType.PRODUCER_TIMESTAMP)
                    .startTimestamp(Instant.ofEpochMilli(from))
                    .build();
            case SERVER_TIMESTAMP -> StartSelector.builder()
                    .startSelectorType(StartSelectorType.SERVER_TIMESTAMP)
                    .startTimestamp(Instant.ofEpochMilli(from))
                    .build();
        };
    }
}
