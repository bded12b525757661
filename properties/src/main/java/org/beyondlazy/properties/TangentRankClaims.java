package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.core.lazy.TangentSpace;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Claim C5 (tangent rank): for Gaussian W₀ the numerical rank (A5.1) of the plain model's Jacobian equals
 * the expected rank E5.8, for every (d, l, m) of {@link #range()}: l = 2 with d ≤ 7, l = 3 with d ≤ 7,
 * l = 4 with d ≤ 5, and m = 1 … m*(d,l) + 1 — which contains the four defective cases and l = 2.
 */
public abstract class TangentRankClaims implements BackendUnderTest {
    /** Independent W₀ per (d, l, m): random ±1 signs, N(0, 1/d) entries. */
    public static final int SEEDS_PER_SHAPE = 2;
    /**
     * Required spectral gap: the smallest kept singular value over σ₁ must exceed this. The rank threshold
     * {@link TangentSpace#RANK_TOLERANCE} = 1e-9 must sit well inside the gap between the kept values
     * (measured ≥ 1.2e-6 on this range) and the dropped ones (measured ≤ 3e-16), else the rank is ambiguous.
     */
    public static final double KEPT_FLOOR = 1e-8;
    /** Dropped singular values over σ₁ must stay below this: round-off of an SVD of a ~100×100 matrix. */
    public static final double DROPPED_CEILING = 1e-12;

    /**
     * One seeded instance of the C5 range: W₀ (m×d, N(0, 1/d) entries), random signs and a unit rank-one truth
     * (irrelevant to the rank), all from the generator of seed {@code ClaimSettings.seed() + 1000003·(100d + 10l)
     * + 7919m + s}. Shared by every property and test that checks ranks over {@link #range()}.
     *
     * @param seed    the seed used (for messages)
     * @param problem the plain-model problem with those signs
     * @param theta0  W₀
     */
    public record RangeInstance(long seed, Problem problem, double[] theta0) {
        /** The instance for shape (d, l, m) and repetition s (0 ≤ s &lt; {@link #SEEDS_PER_SHAPE}). */
        public static RangeInstance of(int d, int l, int m, int s) {
            long seed = ClaimSettings.seed() + 1_000_003L * (100 * d + 10 * l) + 7919L * m + s;
            RandomGenerator rng = Generators.rng(seed);
            double[] w0 = Generators.gaussian(rng, m, d, 1.0 / Math.sqrt(d));
            double[] signs = new double[m];
            for (int i = 0; i < m; i++) {
                signs[i] = rng.nextBoolean() ? 1.0 : -1.0;
            }
            FactoredTruth anyTruth = new FactoredTruth(l, d, 1, Generators.unitVector(rng, d), new double[] {1.0});
            return new RangeInstance(seed, new Problem(ModelKind.PLAIN, m, signs, 0.0, anyTruth), w0);
        }
    }

    /** The (d, l, m) range of the property. */
    public static List<int[]> range() {
        List<int[]> out = new ArrayList<>();
        int[] maxDim = {0, 0, 7, 7, 5};
        for (int l = 2; l <= 4; l++) {
            for (int d = 1; d <= maxDim[l]; d++) {
                int mStar = TangentRank.threshold(d, l);
                for (int m = 1; m <= mStar + 1; m++) {
                    out.add(new int[] {d, l, m});
                }
            }
        }
        return out;
    }

    @Test
    @Tag("C5")
    @SpecRef("C5")
    void numericalRankEqualsTheAlexanderHirschowitzFormula() {
        List<int[]> range = range();
        int defective = 0;
        for (int[] c : range) {
            if (TangentRank.isDefective(c[0], c[1], c[2])) {
                defective++;
            }
        }
        assertThat(defective).as("the range contains the four defective cases").isEqualTo(4);
        int checked = 0;
        for (int[] c : range) {
            int d = c[0];
            int l = c[1];
            int m = c[2];
            for (int s = 0; s < SEEDS_PER_SHAPE; s++) {
                TangentRankClaims.RangeInstance inst = TangentRankClaims.RangeInstance.of(d, l, m, s);
                long seed = inst.seed();
                double[] w0 = inst.theta0();
                Problem p = inst.problem();
                TangentSpace v = backend().tangentSpace(p, w0);
                long expected = TangentRank.expectedRank(d, l, m);
                String what = String.format("(d=%d, l=%d, m=%d), W0 seed %dL", d, l, m, seed);
                assertThat((long) v.rank()).as("rank J(W0) at %s", what).isEqualTo(expected);
                double[] sv = v.singularValues();
                int r = v.rank();
                assertThat(sv[r - 1] / sv[0]).as("smallest kept σ/σ1 at %s", what).isGreaterThan(KEPT_FLOOR);
                if (r < sv.length) {
                    assertThat(sv[r] / sv[0]).as("largest dropped σ/σ1 at %s", what).isLessThan(DROPPED_CEILING);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(range.size() * SEEDS_PER_SHAPE);
    }

    @Test
    @Tag("C5")
    @SpecRef({"C5", "E5.9"})
    void thresholdIsTheFirstWidthOfFullRank() {
        // E5.9 against hand-computed values: ⌈N/d⌉, the defective cases one more, l = 2 at m = d
        assertThat(TangentRank.threshold(8, 3)).isEqualTo(15);
        assertThat(TangentRank.threshold(10, 3)).isEqualTo(22);
        assertThat(TangentRank.threshold(6, 4)).isEqualTo(21);
        assertThat(TangentRank.threshold(5, 3)).isEqualTo(8); // N = 35 = 7·5 but (5,3,7) is defective
        assertThat(TangentRank.threshold(3, 4)).isEqualTo(6);
        assertThat(TangentRank.threshold(4, 4)).isEqualTo(10);
        assertThat(TangentRank.threshold(5, 4)).isEqualTo(15);
        assertThat(TangentRank.threshold(6, 2)).isEqualTo(6);
        assertThat(TangentRank.expectedRank(6, 2, 3)).isEqualTo(3 * 6 - 3);
    }
}
