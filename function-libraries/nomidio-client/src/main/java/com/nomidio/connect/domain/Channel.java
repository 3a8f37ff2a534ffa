package com.nomidio.connect.domain;

public enum Channel {
    VOICE,
    CHAT
}
