package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.core.lazy.TangentSpectrum;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Claim C16 through the kit: a backend's {@link org.beyondlazy.core.Backend#tangentSpectrum} (the route it
 * prefers, e.g. the kernel form of A8.1) gives the same rank, spectrum and lazy residual as its
 * {@link org.beyondlazy.core.Backend#tangentSpace} (the Jacobian's SVD, A5.1–A5.2) on A5.3 instances across
 * m*(d,l), and the rank of E5.8 on every case of C5. For a backend whose two routes coincide the first
 * property is an identity and the second repeats C5.
 */
public abstract class TangentSpectrumClaims implements BackendUnderTest {
    /** Eigenvalues σ_k² of the two routes, absolute in σ₁²: a Gram's eigenvalues carry ~n·ε·σ₁² (spec A8.1). */
    public static final double EIGENVALUE_ABS = 1e-13;
    /** Floor of the ρ² comparison: the SVD route's own ρ² round-off, ~N(d,l)·ε. */
    public static final double RESIDUAL_SQUARE_FLOOR = 1e-13;
    /** Seeds per shape. */
    public static final int SEEDS = 2;

    /** (d, l, m) of A5.3 instances below, at and just under m*(d,l): (10,3): m* = 22; (6,4): m* = 21; (8,2): m* = 8. */
    public static List<int[]> shapes() {
        return List.of(new int[] {10, 3, 5}, new int[] {10, 3, 21}, new int[] {10, 3, 22}, new int[] {12, 3, 9},
                new int[] {6, 4, 10}, new int[] {6, 4, 21}, new int[] {8, 2, 5}, new int[] {5, 3, 7});
    }

    @Test
    @Tag("C16")
    @SpecRef("C16")
    void spectrumRouteEqualsTheJacobianSvdAcrossTheThreshold() {
        for (int[] c : shapes()) {
            int d = c[0];
            int l = c[1];
            int m = c[2];
            for (int s = 0; s < SEEDS; s++) {
                long seed = ClaimSettings.seed() + 31L * s + 1009L * d + 17L * m + l;
                LazyInstances.Instance inst = LazyInstances.rankOneTarget(seed, d, l, m);
                Problem p = Problem.of(ModelKind.PLAIN, m, 0.0, inst.truth());
                String what = inst + ", m=" + m;
                TangentSpectrum fast = backend().tangentSpectrum(p, inst.initialization(m));
                TangentSpace svd = backend().tangentSpace(p, inst.initialization(m));
                assertThat(fast.rank()).as("rank, %s", what).isEqualTo(svd.rank());
                double[] sigma = fast.singularValues();
                double[] sigmaRef = svd.singularValues();
                assertThat(sigma).as("number of singular values, %s", what).hasSameSizeAs(sigmaRef);
                double scale = sigmaRef[0] * sigmaRef[0];
                for (int k = 0; k < sigma.length; k++) {
                    assertThat(Math.abs(sigma[k] * sigma[k] - sigmaRef[k] * sigmaRef[k])).as("σ_%d², %s", k, what)
                            .isLessThanOrEqualTo(EIGENVALUE_ABS * scale);
                }
                double rho = fast.lazyResidual(inst.truth());
                double rhoRef = svd.lazyResidual(inst.truth());
                assertThat(Math.abs(rho * rho - rhoRef * rhoRef)).as("ρ², accuracy %s, %s", fast.residualSquareAccuracy(), what)
                        .isLessThanOrEqualTo(fast.residualSquareAccuracy() + RESIDUAL_SQUARE_FLOOR);
            }
        }
    }

    @Test
    @Tag("C16")
    @SpecRef({"C16", "E5.8"})
    void spectrumRankEqualsTheAlexanderHirschowitzFormula() {
        List<int[]> range = TangentRankClaims.range();
        int defective = 0;
        for (int[] c : range) {
            int d = c[0];
            int l = c[1];
            int m = c[2];
            if (TangentRank.isDefective(d, l, m)) {
                defective++;
            }
            for (int s = 0; s < TangentRankClaims.SEEDS_PER_SHAPE; s++) {
                TangentRankClaims.RangeInstance inst = TangentRankClaims.RangeInstance.of(d, l, m, s);
                long seed = inst.seed();
                double[] w0 = inst.theta0();
                Problem p = inst.problem();
                long rank = backend().tangentSpectrum(p, w0).rank();
                assertThat(rank).as("rank at (d=%d, l=%d, m=%d), W0 seed %dL", d, l, m, seed)
                        .isEqualTo(TangentRank.expectedRank(d, l, m));
            }
        }
        assertThat(defective).as("the C5 range contains the four defective cases").isEqualTo(4);
    }
}
