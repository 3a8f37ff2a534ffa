package com.nomidio.connect.snapstart;

/**
 * Something an execution environment keeps between invocations that must be neither written into a SnapStart
 * snapshot nor shared by the many environments restored from one: the decrypted access key secret, a gateway token.
 * {@link #forget()} drops it; the next use builds it again (a KMS Decrypt, a token request).
 */
public interface SnapshotSensitive {

    /** Drops what is held; safe to call at any time and from any thread. */
    void forget();
}
