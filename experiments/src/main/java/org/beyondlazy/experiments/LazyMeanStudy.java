package org.beyondlazy.experiments;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.core.lazy.SphereMoments;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.core.lazy.TangentSpace;
import org.hipparchus.random.RandomGenerator;

/**
 * The mean of the lazy residual against its exact value (claim C6's quantitative part): on the seeded
 * instances of A5.3, nested in m, the sampled ρ_lazy² for the instance's own target and for further uniform
 * directions u drawn per W₀, against the exact conditional mean E_u[ρ_lazy²|W₀] = 1 − tr(P_V M_l) (E5.12) and
 * the random-subspace value 1 − m·d/N (E5.10). Below m* the samples ρ² − E_u[ρ²|W₀] have mean 0 given W₀ and
 * are uncorrelated, so their z-score is a CLT statistic. Prints nothing.
 */
@SpecRef({"A5.3", "E5.10", "E5.12"})
public final class LazyMeanStudy {
    /** XOR-ed into the instance seed for the generator of the extra directions (a stream independent of A5.3's). */
    public static final long EXTRA_TARGET_STREAM = 0x6C617A79L;

    private LazyMeanStudy() {
    }

    /**
     * What to measure.
     *
     * @param widths       increasing widths m ≥ 1; copied
     * @param firstSeed    instance s uses seed firstSeed + s (A5.3)
     * @param seeds        instances ≥ 2
     * @param extraTargets further uniform directions per W₀ for the widths below m* (≥ 0)
     */
    public record Spec(int dim, int order, int[] widths, long firstSeed, int seeds, int extraTargets) {
        public Spec {
            Check.atLeast("seeds", seeds, 2);
            Check.atLeast("extra targets", extraTargets, 0);
            widths = widths.clone();
            for (int k = 0; k < widths.length; k++) {
                Check.atLeast("width m", widths[k], k == 0 ? 1 : widths[k - 1] + 1);
            }
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }
    }

    /**
     * One width.
     *
     * @param width         m
     * @param residuals     ρ_lazy of each instance's own target (A5.3), by seed
     * @param samples       the number of ρ² samples below m* (seeds × (1 + extra targets)); 0 from m* on
     * @param meanSquare    their mean (NaN from m* on)
     * @param meanResidual  the mean of √(ρ²) over the same samples (NaN from m* on)
     * @param meanExact     the mean over W₀ of E_u[ρ²|W₀] (E5.12; NaN from m* on)
     * @param z             mean(ρ² − E_u[ρ²|W₀]) / (sd/√samples) (NaN from m* on)
     * @param predicted     1 − m·d/N (E5.10), clipped at 0
     */
    public record Width(int width, double[] residuals, int samples, double meanSquare, double meanResidual, double meanExact,
                        double z, double predicted) {
    }

    /** The outcome: m*(d, l), N(d, l) and one record per width. */
    public record Result(Spec spec, int threshold, long symmetricDimension, List<Width> widths) {
    }

    /** Runs the study on {@code backend}'s tangent space (E5.7). */
    public static Result run(Backend backend, Spec spec) {
        int d = spec.dim();
        int l = spec.order();
        int[] widths = spec.widths();
        int maxWidth = widths[widths.length - 1];
        int mStar = TangentRank.threshold(d, l);
        SphereMoments moments = SphereMoments.of(d, l);
        int perSeed = 1 + spec.extraTargets();
        double[][] rho = new double[widths.length][spec.seeds()];
        double[][] exact = new double[widths.length][spec.seeds()];
        double[][][] squares = new double[widths.length][spec.seeds()][perSeed];
        for (int s = 0; s < spec.seeds(); s++) {
            LazyInstances.Instance instance = LazyInstances.rankOneTarget(spec.firstSeed() + s, d, l, maxWidth); // A5.3
            RandomGenerator rng = Generators.rng(instance.seed() ^ EXTRA_TARGET_STREAM);
            FactoredTruth[] targets = new FactoredTruth[spec.extraTargets()];
            for (int j = 0; j < targets.length; j++) {
                targets[j] = new FactoredTruth(l, d, 1, Generators.unitVector(rng, d), new double[] {1.0});
            }
            for (int k = 0; k < widths.length; k++) {
                int m = widths[k];
                TangentSpace v = backend.tangentSpace(Problem.of(ModelKind.PLAIN, m, 0.0, instance.truth()), instance.initialization(m));
                rho[k][s] = v.lazyResidual(instance.truth());
                if (m < mStar) {
                    exact[k][s] = moments.conditionalMeanSquare(v); // E5.12 for this W₀
                    squares[k][s][0] = rho[k][s] * rho[k][s];
                    for (int j = 0; j < targets.length; j++) {
                        double r = v.lazyResidual(targets[j]);
                        squares[k][s][1 + j] = r * r;
                    }
                }
            }
        }
        List<Width> out = new ArrayList<>();
        for (int k = 0; k < widths.length; k++) {
            int m = widths[k];
            double predicted = TangentRank.predictedMeanSquare(d, l, m);
            if (m >= mStar) {
                out.add(new Width(m, rho[k], 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, predicted));
                continue;
            }
            int n = spec.seeds() * perSeed;
            double sumDiff = 0;
            double sumDiff2 = 0;
            double sumSquares = 0;
            double sumRho = 0;
            double sumExact = 0;
            for (int s = 0; s < spec.seeds(); s++) {
                sumExact += exact[k][s];
                for (double sq : squares[k][s]) {
                    double diff = sq - exact[k][s];
                    sumDiff += diff;
                    sumDiff2 += diff * diff;
                    sumSquares += sq;
                    sumRho += Math.sqrt(sq);
                }
            }
            double meanDiff = sumDiff / n;
            double sd = Math.sqrt(Math.max(sumDiff2 - n * meanDiff * meanDiff, 0) / (n - 1));
            out.add(new Width(m, rho[k], n, sumSquares / n, sumRho / n, sumExact / spec.seeds(), meanDiff / (sd / Math.sqrt(n)),
                    predicted));
        }
        return new Result(spec, mStar, Sizes.symmetricDimension(d, l), List.copyOf(out));
    }
}
