package com.nomidio.connect.simulator.engine;

/** The caller's side of live media streaming: what Connect puts into Kinesis Video Streams for the contact. */
public interface CustomerMedia {

    /** Streaming starts now: the caller's audio goes into the contact's stream from here. */
    Contact.CustomerAudioStream start(String contactId);

    /** Streaming stops: the stream as Connect then reports it (stop fragment and time). */
    Contact.CustomerAudioStream stop(Contact.CustomerAudioStream streaming);

    /** A prompt has just finished playing, at {@code callMillis}: a caller who was asked to speak starts now. */
    default void promptEnded(long callMillis) {
    }
}
