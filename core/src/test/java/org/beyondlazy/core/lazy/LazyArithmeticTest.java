package org.beyondlazy.core.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.momentum.Envelope;
import org.beyondlazy.core.momentum.MomentumOdes;
import org.junit.jupiter.api.Test;

/** Hand-computed values of E5.8–E5.10, E6.4 and E6.6, and input validation of the momentum ODEs. */
class LazyArithmeticTest {
    @Test
    void expectedRankMatchesHandComputedValues() {
        assertThat(TangentRank.expectedRank(5, 3, 7)).isEqualTo(34); // defective: min(35, 35) − 1
        assertThat(TangentRank.expectedRank(5, 3, 6)).isEqualTo(30);
        assertThat(TangentRank.expectedRank(3, 4, 5)).isEqualTo(14);
        assertThat(TangentRank.expectedRank(4, 4, 9)).isEqualTo(34);
        assertThat(TangentRank.expectedRank(5, 4, 14)).isEqualTo(69);
        assertThat(TangentRank.expectedRank(4, 2, 2)).isEqualTo(7); // 2·4 − 1
        assertThat(TangentRank.expectedRank(4, 2, 5)).isEqualTo(10); // N(4,2)
        assertThat(TangentRank.expectedRank(1, 3, 4)).isEqualTo(1);
        assertThat(TangentRank.predictedMeanSquare(8, 3, 5)).isCloseTo(1 - 40.0 / 120, within(1e-15));
        assertThat(TangentRank.predictedMeanSquare(8, 3, 16)).isEqualTo(0.0);
    }

    @Test
    void nesterovModeAndDiscretePrediction() {
        assertThat(MomentumOdes.nesterovMode(4.0, 0.0)).isEqualTo(1.0);
        // 2J₁(x)/x at x = 2: J₁(2) = 0.5767248077568734
        assertThat(MomentumOdes.nesterovMode(1.0, 2.0)).isCloseTo(0.5767248077568734, within(1e-12));
        assertThat(MomentumOdes.discreteNesterovLogRatio(0.01, 2000, 4000))
                .isCloseTo(2000 * 0.5 * Math.log(0.99) - 1.5 * Math.log(2), within(1e-12));
        assertThat(Envelope.slope(new double[] {0, 1, 2}, new double[] {1, 3, 5})).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void badOdeInputIsRejectedWithItsCode() {
        MomentumOdes odes = new MomentumOdes(1e-10, 1e-10);
        double[][] asymmetric = {{1, 0.5}, {0, 1}};
        assertThatThrownBy(() -> odes.integrate(MomentumOdes.Form.GRADIENT_DESCENT, asymmetric, new double[] {1, 0}, 0, 0, 0.1, 1))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_SYMMETRIC));
        double[][] k = {{1, 0}, {0, 1}};
        assertThatThrownBy(() -> odes.integrate(MomentumOdes.Form.NESTEROV, k, new double[] {1, 0}, 0, 0.5, 0.1, 1))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThatThrownBy(() -> odes.integrate(MomentumOdes.Form.HEAVY_BALL, k, new double[] {1}, 1, 0, 0.1, 1))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SHAPE_MISMATCH));
        assertThatThrownBy(() -> TangentRank.expectedRank(3, 1, 2))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIZE));
    }
}
