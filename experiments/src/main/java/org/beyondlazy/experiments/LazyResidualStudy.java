package org.beyondlazy.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.core.lazy.TangentSpectrum;

/**
 * The lazy-residual study: ρ_lazy (A5.2) and the tangent rank (A5.1) over seeds and widths on the seeded
 * instances of A5.3 (T* = u^{⊗l}, Gaussian W₀ with N(0, 1/d) entries, nested in m), next to the prediction
 * 1 − m·d/N of the mean of ρ_lazy² (E5.10), the expected rank (E5.8) and the threshold m* (E5.9). The
 * tangent space comes from the backend under study (plain model, λ = 0). Prints nothing.
 */
@SpecRef({"A5.2", "A5.3", "E5.9", "E5.10"})
public final class LazyResidualStudy {
    private LazyResidualStudy() {
    }

    /**
     * What to measure.
     *
     * @param dim       d ≥ 1
     * @param order     l ≥ 2
     * @param widths    the widths m ≥ 1, strictly increasing (the instances are nested, so a seed's rows for
     *                  one width are the first rows of the next); copied
     * @param firstSeed seed of the first instance; instance s uses {@code firstSeed + s}
     * @param seeds     number of instances ≥ 1
     */
    /**
     * Parses a shape {@code "d:l"} (e.g. {@code "8:3"}) into {d, l}.
     *
     * @throws BeyondLazyException {@link ErrorCode#INVALID_INPUT} naming {@code option} and the bad shape
     */
    public static int[] parseShape(String option, String shape) {
        String[] dl = shape.trim().split(":");
        try {
            if (dl.length != 2) {
                throw new NumberFormatException();
            }
            return new int[] {Integer.parseInt(dl[0].trim()), Integer.parseInt(dl[1].trim())};
        } catch (NumberFormatException e) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, option, "expected d:l (e.g. 8:3), found '" + shape + "'");
        }
    }

    public record Spec(int dim, int order, int[] widths, long firstSeed, int seeds) {
        public Spec {
            Check.atLeast("dimension d", dim, 1);
            Check.atLeast("order l", order, 2);
            Check.atLeast("seeds", seeds, 1);
            if (widths == null || widths.length == 0) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "widths", "at least one width", "none");
            }
            widths = widths.clone();
            for (int k = 0; k < widths.length; k++) {
                Check.atLeast("width m", widths[k], 1);
                if (k > 0 && widths[k] <= widths[k - 1]) {
                    throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "widths", "strictly increasing", Arrays.toString(widths));
                }
            }
        }

        /** The widths 1, 2, …, maxWidth. */
        public static int[] upTo(int maxWidth) {
            Check.atLeast("width m", maxWidth, 1);
            int[] w = new int[maxWidth];
            for (int k = 0; k < maxWidth; k++) {
                w[k] = k + 1;
            }
            return w;
        }

        /**
         * The widths of the table in proofs-notes/C6.md: 1, 5, ⌈m* / 2⌉ − 1, ⌊m* / 2⌋, m* − 1 and m* (E5.9),
         * each at least 1, sorted, without repeats.
         */
        public static int[] tableWidths(int dim, int order) {
            int mStar = TangentRank.threshold(dim, order);
            return IntStream.of(1, 5, (mStar + 1) / 2 - 1, mStar / 2, mStar - 1, mStar).map(m -> Math.max(1, m))
                    .distinct().sorted().toArray();
        }

        /** The seed of instance s. */
        public long seed(int s) {
            return firstSeed + s;
        }
    }

    /**
     * The measurements at one width m.
     *
     * @param width               m
     * @param residuals           ρ_lazy per instance (instance order)
     * @param ranks               numerical rank of the Jacobian matrix per instance (A5.1)
     * @param expectedRank        E5.8 at (d, l, m)
     * @param predictedMeanSquare 1 − m·d/N, floored at 0 (E5.10)
     * @param belowThreshold      m &lt; m* (E5.9)
     * @param defective           (d, l, m) is an Alexander–Hirschowitz exception (E5.8)
     * @param residualSquareAccuracy the largest {@link TangentSpectrum#residualSquareAccuracy()} over the instances:
     *                            0 for the Jacobian's SVD, A8.1's estimate of |ρ̂² − ρ²| for the kernel form
     */
    public record Width(int width, double[] residuals, int[] ranks, long expectedRank, double predictedMeanSquare,
            boolean belowThreshold, boolean defective, double residualSquareAccuracy) {
        public double mean() {
            return Statistics.mean(residuals);
        }

        public double meanSquare() {
            return Statistics.meanSquare(residuals);
        }

        public double min() {
            return Statistics.min(residuals);
        }

        public double max() {
            return Statistics.max(residuals);
        }

        /** The number of instances whose rank equals {@link #expectedRank}. */
        public int ranksMatching() {
            return (int) Arrays.stream(ranks).filter(k -> k == expectedRank).count();
        }
    }

    /**
     * The study's outcome.
     *
     * @param spec               what was measured
     * @param symmetricDimension N(d, l) (E5.8)
     * @param threshold          m* = ⌈N/d⌉ (E5.9)
     * @param widths             one entry per width of the spec, in its order
     */
    public record Result(Spec spec, long symmetricDimension, int threshold, List<Width> widths) {
        /** ρ_lazy of instance s at the k-th width. */
        public double residual(int s, int k) {
            return widths.get(k).residuals()[s];
        }
    }

    /**
     * Runs the study on the backend's tangent space by its preferred route (Backend#tangentSpectrum: the packed
     * SVD of A5.1–A5.2 or, on the fast path where it costs fewer flops, the kernel form of A8.1).
     */
    public static Result run(Backend backend, Spec spec) {
        int d = spec.dim();
        int l = spec.order();
        int[] widths = spec.widths();
        int maxWidth = widths[widths.length - 1];
        double[][] rho = new double[widths.length][spec.seeds()];
        int[][] ranks = new int[widths.length][spec.seeds()];
        double[] accuracy = new double[widths.length];
        for (int s = 0; s < spec.seeds(); s++) {
            LazyInstances.Instance instance = LazyInstances.rankOneTarget(spec.seed(s), d, l, maxWidth); // A5.3
            for (int k = 0; k < widths.length; k++) {
                TangentSpectrum v = tangentSpectrum(backend, instance.truth(), instance.initialization(widths[k]), widths[k]);
                ranks[k][s] = v.rank(); // A5.1 (A8.1 on the kernel route)
                rho[k][s] = v.lazyResidual(instance.truth()); // A5.2 (A8.1 step 6)
                accuracy[k] = Math.max(accuracy[k], v.residualSquareAccuracy());
            }
        }
        int mStar = TangentRank.threshold(d, l);
        List<Width> out = new ArrayList<>();
        for (int k = 0; k < widths.length; k++) {
            int m = widths[k];
            out.add(new Width(m, rho[k], ranks[k], TangentRank.expectedRank(d, l, m), TangentRank.predictedMeanSquare(d, l, m),
                    m < mStar, TangentRank.isDefective(d, l, m), accuracy[k]));
        }
        return new Result(spec, Sizes.symmetricDimension(d, l), mStar, List.copyOf(out));
    }

    /**
     * ρ_lazy of the plain model at width m for the given truth and W₀ with N(0, 1/d) entries drawn from
     * {@code seed} (A3.3, A5.3's initialization): the lazy column of the recovery experiment (E7.5).
     */
    @SpecRef("A5.2")
    public static double residualAtGaussianInitialization(Backend backend, FactoredTruth truth, int width, long seed) {
        int d = truth.dim();
        double[] w0 = Generators.gaussian(Generators.rng(seed), width, d, 1.0 / Math.sqrt(d));
        return tangentSpectrum(backend, truth, w0, width).lazyResidual(truth);
    }

    /** The backend's preferred route (Backend#tangentSpectrum: the kernel form of A8.1 on the fast path when it is cheaper). */
    private static TangentSpectrum tangentSpectrum(Backend backend, FactoredTruth truth, double[] w0, int width) {
        return backend.tangentSpectrum(Problem.of(ModelKind.PLAIN, width, 0.0, truth), w0);
    }
}
