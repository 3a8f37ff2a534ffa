package com.nomidio.connect.domain;

/** Why a challenge was cancelled before a sample could be verified; the result then reads TIMEOUT. */
public enum CancelReason {
    INSUFFICIENT_AUDIO,
    NO_AUDIO,
    STREAM_ERROR,
    CALLER_HUNG_UP,
    INTERNAL_ERROR
}
