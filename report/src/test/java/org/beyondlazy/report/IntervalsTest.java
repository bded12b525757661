package org.beyondlazy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The report's intervals against hand-computed values. */
class IntervalsTest {
    /** Agreement with the hand computation below, which rounds z and t to 7 significant digits. */
    static final double HAND_ROUNDING = 1e-6;

    @Test
    void wilsonOf19OutOf20() {
        // z = 1.959964; centre (p + z²/2n)/(1 + z²/n) = (0.95 + 0.0960365)/1.1920729 = 0.8774936;
        // half width z/(1 + z²/n)·√(p(1−p)/n + z²/4n²) = 1.6441658·√(0.002375 + 0.00240091) = 1.6441658 · 0.0691080 = 0.1136249
        Intervals.Estimate w = Intervals.wilson(19, 20);
        assertThat(w.value()).isEqualTo(0.95);
        assertThat(w.lower()).isCloseTo(0.8774936 - 0.1136249, within(HAND_ROUNDING));
        assertThat(w.upper()).isCloseTo(0.8774936 + 0.1136249, within(HAND_ROUNDING));
    }

    @Test
    void studentTOfOneTwoThree() {
        // mean 2, s = 1, n = 3: half width t_{0.975, 2}·s/√3 = 4.302653 / 1.7320508 = 2.4841377
        Intervals.Estimate m = Intervals.mean(new double[] {1, 2, 3});
        assertThat(m.value()).isCloseTo(2, within(1e-15));
        assertThat(m.upper() - m.value()).isCloseTo(2.4841377, within(HAND_ROUNDING));
        assertThat(m.value() - m.lower()).isCloseTo(2.4841377, within(HAND_ROUNDING));
        assertThat(Intervals.mean(new double[] {5})).isEqualTo(new Intervals.Estimate(5, 5, 5));
    }
}
