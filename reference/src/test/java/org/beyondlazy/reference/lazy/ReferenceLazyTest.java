package org.beyondlazy.reference.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.lazy.AlphaScaling;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceModels;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Hand checks of the reference lazy-regime pieces (E5.4, E5.5, E5.7) and of input validation. */
class ReferenceLazyTest {
    /** Round-off of sums of d^l products of O(1) numbers. */
    private static final double ROUND_OFF = 1e-12;
    /** Central differences with step 1e-5 of a cubic/quartic polynomial: O(h²) truncation. */
    private static final double FD_TOLERANCE = 1e-8;

    private static Problem plain(int m, int d, int l, RandomGenerator rng) {
        double[] signs = new double[m];
        for (int i = 0; i < m; i++) {
            signs[i] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        return new Problem(ModelKind.PLAIN, m, signs, 0.0,
                new FactoredTruth(l, d, 1, Generators.unitVector(rng, d), new double[] {1.0}));
    }

    private static DenseTensor randomSymmetric(RandomGenerator rng, int d, int l) {
        DenseTensor a = new DenseTensor(l, d);
        for (int k = 0; k < 3; k++) {
            a.addRankOnePower(rng.nextGaussian(), Generators.gaussian(rng, 1, d, 1.0));
        }
        return a;
    }

    @Test
    void packedCoordinatesAreAnIsometryOfSymmetricTensors() {
        for (int l = 2; l <= 4; l++) {
            for (int d = 1; d <= 5; d++) {
                RandomGenerator rng = Generators.rng(31L * d + l);
                Problem p = plain(2, d, l, rng);
                ReferenceTangentSpace v = new ReferenceTangentSpace(p, Generators.gaussian(rng, 2, d, 1.0));
                assertThat((long) v.ambientDimension()).isEqualTo(Sizes.symmetricDimension(d, l));
                DenseTensor a = randomSymmetric(rng, d, l);
                DenseTensor b = randomSymmetric(rng, d, l);
                double[] pa = v.pack(a);
                double[] pb = v.pack(b);
                double inner = 0;
                for (int k = 0; k < pa.length; k++) {
                    inner += pa[k] * pb[k];
                }
                assertThat(inner).isCloseTo(a.inner(b), org.assertj.core.api.Assertions.within(ROUND_OFF * (1 + a.norm() * b.norm())));
            }
        }
    }

    @Test
    void jacobianIsTheDerivativeAndTheTransposeItsAdjoint() {
        for (int l = 2; l <= 4; l++) {
            RandomGenerator rng = Generators.rng(97L + l);
            int d = 3;
            int m = 2;
            Problem p = plain(m, d, l, rng);
            double[] w0 = Generators.gaussian(rng, m, d, 1.0);
            ReferenceLinearizedObjective linear = new ReferenceLinearizedObjective(p, w0);
            double[] delta = Generators.gaussian(rng, m, d, 1.0);
            DenseTensor j = linear.jacobian(delta);
            double h = 1e-5;
            double[] plus = w0.clone();
            double[] minus = w0.clone();
            for (int q = 0; q < w0.length; q++) {
                plus[q] += h * delta[q];
                minus[q] -= h * delta[q];
            }
            double[] tp = ReferenceModels.plainTensor(p, plus).entries();
            double[] tm = ReferenceModels.plainTensor(p, minus).entries();
            for (int k = 0; k < tp.length; k++) {
                assertThat(j.entries()[k]).as("J(Δ) entry %d, l=%d", k, l)
                        .isCloseTo((tp[k] - tm[k]) / (2 * h), org.assertj.core.api.Assertions.within(FD_TOLERANCE));
            }
            DenseTensor e = randomSymmetric(rng, d, l);
            double[] jt = new double[m * d];
            linear.jacobianTranspose(e, jt);
            double lhs = e.inner(j);
            double rhs = 0;
            for (int q = 0; q < jt.length; q++) {
                rhs += jt[q] * delta[q];
            }
            assertThat(lhs).as("⟨E, JΔ⟩ = ⟨JᵀE, Δ⟩, l=%d", l).isCloseTo(rhs, org.assertj.core.api.Assertions.within(ROUND_OFF * (1 + Math.abs(lhs))));
        }
    }

    @Test
    void pairedInitializationHasAZeroTensor() {
        RandomGenerator rng = Generators.rng(5L);
        double[] w0 = AlphaScaling.pairedInitialization(Generators.gaussian(rng, 3, 4, 1.0), 4);
        Problem p = new Problem(ModelKind.PLAIN, 6, AlphaScaling.pairedSigns(6), 0.0,
                new FactoredTruth(3, 4, 1, Generators.unitVector(rng, 4), new double[] {1.0}));
        double scale = 0;
        for (int i = 0; i < 3; i++) {
            double norm2 = 0;
            for (int a = 0; a < 4; a++) {
                norm2 += w0[i * 4 + a] * w0[i * 4 + a];
            }
            scale += Math.pow(norm2, 1.5); // Σ_j ‖v_j‖^l, the size of the cancelling terms
        }
        for (double x : ReferenceModels.plainTensor(p, w0).entries()) {
            assertThat(Math.abs(x)).as("T(w0) entry: zero up to the round-off of the cancellation").isLessThanOrEqualTo(ROUND_OFF * scale);
        }
    }

    @Test
    void badInputIsRejectedWithItsCode() {
        RandomGenerator rng = Generators.rng(7L);
        FactoredTruth truth = new FactoredTruth(3, 4, 1, Generators.unitVector(rng, 4), new double[] {1.0});
        Problem coef = Problem.of(ModelKind.COEF, 2, 0.0, truth);
        assertThatThrownBy(() -> new ReferenceLinearizedObjective(coef, new double[2 + 8]))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        Problem regularized = Problem.of(ModelKind.PLAIN, 2, 0.1, truth);
        assertThatThrownBy(() -> AlphaScaling.centeredBySubtraction(regularized, new double[8], 2.0))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        Problem unpaired = Problem.of(ModelKind.PLAIN, 2, 0.0, truth);
        assertThatThrownBy(() -> AlphaScaling.centeredByPairing(unpaired, 2.0))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGN));
        assertThatThrownBy(() -> AlphaScaling.pairedSigns(3))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIZE));
        assertThatThrownBy(() -> AlphaScaling.centeredByPairing(unpaired, 0.0))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }
}
