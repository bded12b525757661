package org.beyondlazy.core.lazy;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;

/**
 * The expected rank of the tangent space of the plain model at generic W₀ (spec E5.8, Alexander–Hirschowitz
 * via Terracini's lemma) and the lazy threshold m*(d,l) (spec E5.9). Pure integer arithmetic.
 */
public final class TangentRank {
    /** The four defective cases (d, l, m) of E5.8 with l ≥ 3, where the rank is one less than min(m·d, N). */
    @SpecRef("E5.8")
    public static final int[][] DEFECTIVE_CASES = {{5, 3, 7}, {3, 4, 5}, {4, 4, 9}, {5, 4, 14}};

    private TangentRank() {
    }

    /**
     * Spec E5.8: the rank of J(W₀) for generic W₀ ∈ R^{m×d}:
     * l = 2: m·d − m(m−1)/2 for m ≤ d, N(d,2) for m ≥ d;
     * l ≥ 3: min(m·d, N(d,l)), minus one in the four {@link #DEFECTIVE_CASES}.
     */
    @SpecRef("E5.8")
    public static long expectedRank(int dim, int order, int width) {
        Check.atLeast("dimension d", dim, 1);
        Check.atLeast("order l", order, 2);
        Check.atLeast("width m", width, 1);
        long n = Sizes.symmetricDimension(dim, order); // N(d,l)
        long md = (long) width * dim;
        if (order == 2) {
            // E5.8, l = 2: the span of the Sym(w_i ⊗ v) is the set of symmetric matrices whose range meets span(W₀)
            return width <= dim ? md - (long) width * (width - 1) / 2 : n;
        }
        long generic = Math.min(md, n); // E5.8, l ≥ 3: min(m·d, N)
        return isDefective(dim, order, width) ? generic - 1 : generic;
    }

    /** Whether (d, l, m) is one of the four defective cases of E5.8. */
    @SpecRef("E5.8")
    public static boolean isDefective(int dim, int order, int width) {
        for (int[] c : DEFECTIVE_CASES) {
            if (c[0] == dim && c[1] == order && c[2] == width) {
                return true;
            }
        }
        return false;
    }

    /**
     * Spec E5.9: m*(d,l), the smallest m whose expected rank (E5.8) equals N(d,l): ⌈N/d⌉ for l ≥ 3 outside
     * the defective cases, one more in them, and d for l = 2.
     */
    @SpecRef("E5.9")
    public static int threshold(int dim, int order) {
        long n = Sizes.symmetricDimension(dim, order);
        for (int m = 1; ; m++) {
            if (expectedRank(dim, order, m) == n) {
                return m;
            }
            if (m > n) { // unreachable: the rank is N from m = N on
                throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "lazy threshold", "no m ≤ N reaches N");
            }
        }
    }

    /**
     * Spec E5.10: the predicted mean of ρ_lazy² below the threshold, 1 − m·d/N(d,l) (clamped at 0), for a
     * uniform random rank-one target and Gaussian W₀.
     */
    @SpecRef("E5.10")
    public static double predictedMeanSquare(int dim, int order, int width) {
        double n = Sizes.symmetricDimension(dim, order);
        return Math.max(0.0, 1.0 - (double) width * dim / n);
    }
}
