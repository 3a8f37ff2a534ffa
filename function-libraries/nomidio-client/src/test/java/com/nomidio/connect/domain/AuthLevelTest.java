package com.nomidio.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthLevelTest {

    @Test
    void covers_whenHighIsRequired_onlyHighCovers() {
        assertThat(AuthLevel.HIGH.covers(AuthLevel.HIGH)).isTrue();
        assertThat(AuthLevel.STANDARD.covers(AuthLevel.HIGH)).isFalse();
    }

    @Test
    void covers_whenStandardIsRequired_bothCover() {
        assertThat(AuthLevel.STANDARD.covers(AuthLevel.STANDARD)).isTrue();
        assertThat(AuthLevel.HIGH.covers(AuthLevel.STANDARD)).isTrue();
    }
}
