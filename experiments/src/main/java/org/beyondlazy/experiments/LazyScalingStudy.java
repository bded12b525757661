package org.beyondlazy.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentRank;

/**
 * The lazy side of the scaling-law experiment: over a grid of dimensions d at a fixed order l and a fixed
 * width m, the exact lazy threshold m*(d, l) (E5.9) with its log–log slope against d (W20's m = Ω(d^{l−1}):
 * the slope tends to l − 1), and the measured lazy residual ρ_lazy at the fixed m (A5.2 on the A5.3
 * instances, through {@link LazyResidualStudy}, i.e. the backend's preferred tangent-space route — the
 * kernel form of A8.1 on the fast path) with its tangent rank against E5.8. Prints nothing.
 */
@SpecRef({"E5.8", "E5.9", "A5.3"})
public final class LazyScalingStudy {
    private LazyScalingStudy() {
    }

    /**
     * What to measure.
     *
     * @param order     l ≥ 2
     * @param width     the fixed m ≥ 1
     * @param dims      the dimensions d ≥ 1, strictly increasing (e.g. geometric: 10, 20, …, 320); copied
     * @param firstSeed seed of the first instance; instance s uses {@code firstSeed + s} at every d
     * @param seeds     instances per d ≥ 1
     */
    public record Spec(int order, int width, int[] dims, long firstSeed, int seeds) {
        public Spec {
            Check.atLeast("order l", order, 2);
            Check.atLeast("width m", width, 1);
            Check.atLeast("seeds", seeds, 1);
            if (dims == null || dims.length < 2) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "dims", "at least two dimensions (for a slope)",
                        dims == null ? "none" : Arrays.toString(dims));
            }
            dims = dims.clone();
            for (int k = 0; k < dims.length; k++) {
                Check.atLeast("dimension d", dims[k], 1);
                if (k > 0 && dims[k] <= dims[k - 1]) {
                    throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "dims", "strictly increasing", Arrays.toString(dims));
                }
            }
        }

        /** The geometric grid from, 2·from, 4·from, … up to at most to. */
        public static int[] doubling(int from, int to) {
            Check.atLeast("first dimension", from, 1);
            List<Integer> out = new ArrayList<>();
            for (long d = from; d <= to; d *= 2) {
                out.add((int) d);
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * One dimension of the grid.
     *
     * @param dim                d
     * @param symmetricDimension N(d, l)
     * @param threshold          m*(d, l) (E5.9)
     * @param lazy               ρ_lazy and the tangent rank at the fixed m (the study's single width)
     */
    public record Point(int dim, long symmetricDimension, int threshold, LazyResidualStudy.Width lazy) {
    }

    /**
     * The outcome.
     *
     * @param spec           what was measured
     * @param points         one per dimension, in the spec's order
     * @param thresholdSlope least-squares slope of log m*(d, l) against log d over the grid
     */
    public record Result(Spec spec, List<Point> points, double thresholdSlope) {
    }

    /** Runs the study on the backend's preferred tangent-space route. */
    public static Result run(Backend backend, Spec spec) {
        List<Point> points = new ArrayList<>();
        double[] x = new double[spec.dims().length];
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            int d = spec.dims()[k];
            int mStar = TangentRank.threshold(d, spec.order()); // E5.9
            LazyResidualStudy.Result lazy = LazyResidualStudy.run(backend,
                    new LazyResidualStudy.Spec(d, spec.order(), new int[] {spec.width()}, spec.firstSeed(), spec.seeds()));
            points.add(new Point(d, Sizes.symmetricDimension(d, spec.order()), mStar, lazy.widths().get(0)));
            x[k] = Math.log(d);
            y[k] = Math.log(mStar);
        }
        return new Result(spec, List.copyOf(points), slope(x, y));
    }

    /** Least-squares slope of y against x (at least two distinct x). */
    static double slope(double[] x, double[] y) {
        double mx = Statistics.mean(x);
        double my = Statistics.mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        return sxy / sxx;
    }
}
