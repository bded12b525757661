package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.experiments.LazyMeanStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Claim C6 (lazy failure below m*): on the seeded instances of A5.3 (T* = u^{⊗l}, Gaussian W₀ with rows of
 * norm ≈ 1, nested in m), below m*(d,l) the sampled ρ_lazy² agrees with its exact conditional mean
 * E_u[ρ_lazy²|W₀] = 1 − tr(P_V M_l) (E5.12) within a CLT band, the random-subspace value 1 − m·d/N (E5.10) is
 * within 0.1 of that exact mean, and the mean of ρ_lazy is ≥ 0.5 when m·d ≤ N/2; from m* on (these shapes have no
 * defective case) ρ_lazy is at round-off level; ρ_lazy never increases when a component is added. (Positivity
 * below m* is not asserted separately: it follows from the rank of C5.)
 *
 * <p>Shapes: (d, l) = (8, 3) and (6, 4) with every m from 1 to m* + 1, and (10, 3) with m ∈ {5, 11, 21, 22}.
 */
public abstract class LazyFailureClaims implements BackendUnderTest {
    /** Seeds (W₀ and the first u) per (d, l, m): ClaimSettings.seed() + 0 … 39. */
    public static final int SEEDS = 40;
    /**
     * Further uniform directions u per W₀ for the exact-mean check (E5.12), drawn from a generator seeded by the
     * instance seed: 40·(1 + 9) = 400 samples of ρ² per width, a standard error ≈ 0.013.
     */
    public static final int EXTRA_TARGETS = 9;
    /**
     * Band of the exact-mean check in standard errors: |mean(ρ² − E_u[ρ²|W₀])| ≤ 4·sd/√n. Two-sided level 6e-5 per
     * width; over the 37 widths below m* of a run the chance of a false alarm is about 0.2% (Bonferroni). Not tuned:
     * proofs-notes/C6.md gives the z-scores measured on seed sets A and B.
     */
    public static final double Z_BAND = 4.0;
    /** Tolerance of the random-subspace approximation E5.10 for the exact mean E5.12 averaged over W₀ (measured bias ≤ 0.078 on the CI seeds). */
    public static final double APPROXIMATION_TOLERANCE = 0.1;
    /** "Positive" for reports (the audit's count of instances below m* with ρ_lazy above round-off): 1e8 × ~1e-15. */
    public static final double POSITIVE_FLOOR = 1e-6;
    /** ρ_lazy at m ≥ m*: round-off of ‖t − UUᵀt‖ with U an orthogonal N×N matrix, N ≤ 220 (measured ≤ 4e-15). */
    public static final double ROUND_OFF = 1e-12;
    /** Allowed increase of ρ_lazy when a component is added: round-off only. */
    public static final double MONOTONE_SLACK = 1e-12;

    @ParameterizedTest(name = "d={0}, l={1}, widths={2}")
    @CsvSource({"8, 3, 1-16", "6, 4, 1-22", "10, 3, 5 11 21 22"})
    @Tag("C6")
    @SpecRef({"C6", "E5.12"})
    void lazyResidualFailsBelowTheThresholdAndVanishesFromIt(int d, int l, String widthSpec) {
        LazyMeanStudy.Result result = LazyMeanStudy.run(backend(),
                new LazyMeanStudy.Spec(d, l, parseWidths(widthSpec), ClaimSettings.seed(), SEEDS, EXTRA_TARGETS));
        int mStar = result.threshold();
        long n = result.symmetricDimension();
        StringBuilder report = new StringBuilder();
        double worstZ = 0;
        for (LazyMeanStudy.Width w : result.widths()) {
            int m = w.width();
            if (m >= mStar) {
                assertThat(TangentRank.isDefective(d, l, m)).isFalse();
                for (int s = 0; s < SEEDS; s++) {
                    assertThat(w.residuals()[s]).as("ρ_lazy at m=%d ≥ m*=%d, (d=%d, l=%d), seed %dL", m, mStar, d, l,
                            ClaimSettings.seed() + s).isLessThanOrEqualTo(ROUND_OFF);
                }
                continue;
            }
            worstZ = Math.max(worstZ, Math.abs(w.z()));
            report.append(String.format(Locale.ROOT, "m=%d meanSq=%.4f exact=%.4f z=%.2f | 1−md/N=%.4f bias %.4f; ",
                    m, w.meanSquare(), w.meanExact(), w.z(), w.predicted(), w.meanExact() - w.predicted()));
            assertThat(Math.abs(w.z())).as("sampled mean ρ² %s vs exact E5.12 mean %s at (d=%d, l=%d, m=%d): z = %s over %d samples",
                    w.meanSquare(), w.meanExact(), d, l, m, w.z(), w.samples()).isLessThanOrEqualTo(Z_BAND);
            assertThat(Math.abs(w.meanExact() - w.predicted())).as("E5.10 approximation 1 − md/N = %s vs exact mean %s at (d=%d, l=%d, m=%d)",
                    w.predicted(), w.meanExact(), d, l, m).isLessThanOrEqualTo(APPROXIMATION_TOLERANCE);
            if (2L * m * d <= n) {
                assertThat(w.meanResidual()).as("mean ρ_lazy at (d=%d, l=%d, m=%d), m·d ≤ N/2", d, l, m).isGreaterThanOrEqualTo(0.5);
            }
        }
        List<LazyMeanStudy.Width> widths = result.widths();
        for (int k = 1; k < widths.size(); k++) {
            for (int s = 0; s < SEEDS; s++) {
                assertThat(widths.get(k).residuals()[s]).as("ρ_lazy non-increasing from m=%d to m=%d, (d=%d, l=%d), seed %dL",
                        widths.get(k - 1).width(), widths.get(k).width(), d, l, ClaimSettings.seed() + s)
                        .isLessThanOrEqualTo(widths.get(k - 1).residuals()[s] + MONOTONE_SLACK);
            }
        }
        ClaimOutput.printf(Locale.ROOT, "C6 (d=%d, l=%d, N=%d, m*=%d, %d seeds × %d targets): max |z| %.2f; %s%n", d, l, n, mStar,
                SEEDS, 1 + EXTRA_TARGETS, worstZ, report);
    }

    /** "a-b" (a range) or space-separated widths, increasing. */
    static int[] parseWidths(String spec) {
        if (spec.contains("-")) {
            String[] ab = spec.split("-");
            int a = Integer.parseInt(ab[0].trim());
            int b = Integer.parseInt(ab[1].trim());
            int[] out = new int[b - a + 1];
            for (int k = 0; k < out.length; k++) {
                out[k] = a + k;
            }
            return out;
        }
        return java.util.Arrays.stream(spec.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }
}
