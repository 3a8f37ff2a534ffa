package com.nomidio.connect.simulator.engine;

/** How starting media streaming goes wrong on a simulated call (UpdateContactMediaStreamingBehavior, Enabled). */
public enum MediaFault {
    /** Streaming starts and the caller's audio flows into the contact's stream. */
    NONE,
    /** The block takes its error branch (live media streaming not enabled on the instance, a stream not created). */
    BLOCK_FAILS,
    /** The block succeeds but Connect reports no stream in {@code $.MediaStreams.Customer.Audio}. */
    NO_STREAM
}
