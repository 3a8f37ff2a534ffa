package com.nomidio.connect.emulator.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void powerSpectrum_whenFrameIsACosineOnABin_peaksAtThatBinWithItsEnergy() {
        int n = 64;
        double[] frame = new double[n];
        for (int i = 0; i < n; i++) {
            frame[i] = Math.cos(2 * Math.PI * 8 * i / n);
        }

        double[] power = Fft.powerSpectrum(frame);

        assertThat(power).hasSize(n / 2 + 1);
        assertThat(power[8]).isCloseTo((n / 2.0) * (n / 2.0), Offset.offset(1e-6));
        for (int k = 0; k < power.length; k++) {
            if (k != 8) {
                assertThat(power[k]).as("bin " + k).isLessThan(1e-6);
            }
        }
    }

    @Test
    void transform_whenLengthIsNotAPowerOfTwo_isRefused() {
        assertThatThrownBy(() -> Fft.transform(new double[12], new double[12])).isInstanceOf(IllegalArgumentException.class);
    }
}
