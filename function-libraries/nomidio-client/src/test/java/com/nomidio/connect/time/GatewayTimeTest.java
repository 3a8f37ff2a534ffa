package com.nomidio.connect.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayTimeTest {

    @Test
    void latency_whenNoCallWasMade_isNull() {
        assertThat(new GatewayTime().latency()).isNull();
    }

    @Test
    void timed_whenTheCallAnswers_returnsItsValueAndRecordsATime() {
        GatewayTime time = new GatewayTime();

        assertThat(time.timed(() -> "answer")).isEqualTo("answer");

        assertThat(time.latency()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void timed_whenTheCallFails_stillRecordsATime() {
        GatewayTime time = new GatewayTime();

        assertThatThrownBy(() -> time.timed(() -> {
            throw new IllegalStateException("gateway down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(time.latency()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
    }
}
