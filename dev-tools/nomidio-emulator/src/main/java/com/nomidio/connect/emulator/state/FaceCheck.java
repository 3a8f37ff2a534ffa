package com.nomidio.connect.emulator.state;

/** How the simulated face check of a HIGH challenge ends, once the voice has passed. */
public enum FaceCheck {
    PASS,
    FAIL,
    /** The caller never shows their face: the challenge stays PENDING until it times out. */
    NEVER
}
