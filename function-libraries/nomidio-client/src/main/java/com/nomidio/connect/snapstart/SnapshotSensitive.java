package com.nomidio.connect.snapstart;

/**
 * Something an execution environment keeps between invocations that must be neither written into a SnapStart
 * snapshot nor shared by the many environments restored from one: the decrypted access key secret, a gateway token.
 * {@link #forget()} drops it; the next use builds it again (a KMS Decrypt, a token request). {@link #refill()} builds
 * it again ahead of that use, after a restore.
 */
public interface SnapshotSensitive {

    /** Drops what is held; safe to call at any time and from any thread. */
    void forget();

    /**
     * Builds again what {@link #forget()} dropped, so that the first invocation after a restore finds it held or in
     * flight. Called by {@link SnapStartPriming#afterRestore} on a background thread, never by an invocation; it may
     * block and may throw, and a failure must leave the lazy path intact (the next use builds it as if no refill had
     * run). An invocation that needs the value while a refill builds it must wait no longer than its own deadline.
     * By default nothing is refilled: the next use builds it.
     */
    default void refill() {
    }
}
