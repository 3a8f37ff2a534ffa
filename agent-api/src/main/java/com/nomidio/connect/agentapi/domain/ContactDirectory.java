package com.nomidio.connect.agentapi.domain;

import com.nomidio.connect.time.Deadline;
import java.util.Map;
import java.util.Optional;

/** The contacts of this function's Amazon Connect instance. Failures other than "no such contact" throw. */
public interface ContactDirectory {

    /** The contact, or empty when the instance has no contact of that id. */
    Optional<ConnectedContact> describe(String contactId, Deadline deadline);

    /** The contact's user-defined attributes now. */
    Map<String, String> attributes(String contactId, Deadline deadline);

    /** Adds or replaces these attributes on the contact. */
    void update(String contactId, Map<String, String> attributes, Deadline deadline);

    /** Connect could not be asked (throttled, unreachable, refused our role): the caller answers ERROR. */
    final class DirectoryException extends RuntimeException {
        public DirectoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
