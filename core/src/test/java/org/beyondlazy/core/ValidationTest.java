package org.beyondlazy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Input validation: each bad input is rejected with its stable error code and a one-line message. */
class ValidationTest {
    static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
        } catch (BeyondLazyException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.code();
        }
        throw new AssertionError("no BeyondLazyException");
    }

    @Test
    void sizes() {
        assertThat(Sizes.denseLength(10, 3)).isEqualTo(1000);
        assertThat(codeOf(() -> Sizes.denseLength(1000, 4))).isEqualTo(ErrorCode.SIZE_OVERFLOW);
        assertThat(codeOf(() -> Sizes.denseLength(0, 3))).isEqualTo(ErrorCode.INVALID_SIZE);
        assertThat(Sizes.symmetricDimension(8, 3)).isEqualTo(120);
        assertThat(Sizes.symmetricDimension(10, 3)).isEqualTo(220);
        assertThat(Sizes.symmetricDimension(6, 4)).isEqualTo(126);
        assertThat(Sizes.symmetricDimension(5, 2)).isEqualTo(15);
    }

    @Test
    void truths() {
        assertThat(codeOf(() -> new FactoredTruth(3, 2, 1, new double[] {1}, new double[] {1})))
                .isEqualTo(ErrorCode.SHAPE_MISMATCH);
        assertThat(codeOf(() -> new FactoredTruth(3, 2, 1, new double[] {1, Double.NaN}, new double[] {1})))
                .isEqualTo(ErrorCode.NON_FINITE);
        assertThat(codeOf(() -> new FactoredTruth(1, 2, 1, new double[] {1, 0}, new double[] {1})))
                .isEqualTo(ErrorCode.INVALID_SIZE);
        // a 2×2 matrix that is not symmetric
        assertThat(codeOf(() -> new DenseTruth(2, 2, new double[] {1, 2, 3, 4}))).isEqualTo(ErrorCode.NOT_SYMMETRIC);
        // order 3, d = 2: entry (0,0,1) differs from (0,1,0)
        double[] t = new double[8];
        t[1] = 1.0;
        assertThat(codeOf(() -> new DenseTruth(3, 2, t))).isEqualTo(ErrorCode.NOT_SYMMETRIC);
        t[2] = 1.0;
        t[4] = 1.0; // now (0,0,1), (0,1,0), (1,0,0) agree
        assertThat(new DenseTruth(3, 2, t).normSquared()).isEqualTo(3.0);
        assertThat(codeOf(() -> new DenseTruth(2, 2, new double[] {1, 2, 2}))).isEqualTo(ErrorCode.SHAPE_MISMATCH);
    }

    @Test
    void problems() {
        FactoredTruth truth = new FactoredTruth(3, 2, 1, new double[] {1, 0}, new double[] {1});
        assertThat(codeOf(() -> new Problem(ModelKind.PLAIN, 2, new double[] {1, 0.5}, 0, truth))).isEqualTo(ErrorCode.INVALID_SIGN);
        assertThat(codeOf(() -> new Problem(ModelKind.PLAIN, 2, new double[] {1}, 0, truth))).isEqualTo(ErrorCode.SHAPE_MISMATCH);
        assertThat(codeOf(() -> new Problem(ModelKind.COEF, 2, new double[] {1, 1}, 0, truth))).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(codeOf(() -> Problem.of(ModelKind.PLAIN, 2, -1, truth))).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(codeOf(() -> Problem.of(ModelKind.PLAIN, 0, 0, truth))).isEqualTo(ErrorCode.INVALID_SIZE);
        Problem coef = Problem.of(ModelKind.COEF, 2, 0, truth);
        assertThat(coef.parameterCount()).isEqualTo(6);
        assertThat(coef.weightsOffset()).isEqualTo(2);
        assertThat(codeOf(() -> coef.checkParameters(new double[5]))).isEqualTo(ErrorCode.SHAPE_MISMATCH);
        assertThat(codeOf(() -> coef.checkParameters(new double[] {0, 0, 0, Double.POSITIVE_INFINITY, 0, 0})))
                .isEqualTo(ErrorCode.NON_FINITE);
        assertThat(codeOf(() -> ModelKind.parse("lazy"))).isEqualTo(ErrorCode.UNKNOWN_NAME);
        assertThat(ModelKind.parse("homog")).isEqualTo(ModelKind.HOMOG);
    }

    @Test
    void generatorsAreSeededAndOrthonormal() {
        double[] a = Generators.orthonormalRows(Generators.rng(7), 3, 5);
        double[] b = Generators.orthonormalRows(Generators.rng(7), 3, 5);
        assertThat(a).containsExactly(b);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 5; k++) {
                    dot += a[i * 5 + k] * a[j * 5 + k];
                }
                assertThat(dot).isCloseTo(i == j ? 1.0 : 0.0, org.assertj.core.data.Offset.offset(1e-14));
            }
        }
        assertThatThrownBy(() -> Generators.orthonormalRows(Generators.rng(1), 4, 3)).isInstanceOf(BeyondLazyException.class);
        double[] u = Generators.unitVector(Generators.rng(3), 7);
        double n = 0;
        for (double x : u) {
            n += x * x;
        }
        assertThat(n).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void nesterovScheduleMatchesTheSpec() {
        assertThat(org.beyondlazy.core.optim.Nesterov.momentumAt(0)).isEqualTo(-0.5);
        assertThat(org.beyondlazy.core.optim.Nesterov.momentumAt(1)).isEqualTo(0.0);
        assertThat(org.beyondlazy.core.optim.Nesterov.momentumAt(4)).isEqualTo(0.5);
    }
}
