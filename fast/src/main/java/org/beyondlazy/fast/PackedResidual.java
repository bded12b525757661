package org.beyondlazy.fast;

import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;

/**
 * ‖T − T*‖_F without cancellation (spec E8.9): the residual is accumulated entry by entry in packed
 * symmetric storage, R_α = Σ_i p_i v_i^α − T*_α over the N(d,l) sorted multi-indices α, and
 * ‖T − T*‖² = Σ_α mult(α)·R_α². Cost m·N(d,l) (+ r·N(d,l) for a factored truth) per call, so it is
 * used only when m·N(d,l) ≤ {@link #WORK_LIMIT}; otherwise the objective falls back to the Gram form.
 * The residual buffer (N doubles) is allocated on first use and kept.
 */
@SpecRef("E8.9")
final class PackedResidual {
    /** Largest m·N(d,l) for which the packed residual is used: about 0.1–0.3 s per call. */
    static final long WORK_LIMIT = 200_000_000L;
    /** Largest N(d,l) for which the packed residual is used (32 MB of buffer). */
    static final long SIZE_LIMIT = 1L << 22;

    private final Truth truth;
    private final int dim;
    private final int order;
    private final int width;
    private final int packed;
    private double[] residual;
    private double[] multiplicity;
    private final int[] index;
    private final double[] prefix;
    private final double[] prefixDerivative;

    private PackedResidual(Truth truth, int width, int packed) {
        this.truth = truth;
        this.dim = truth.dim();
        this.order = truth.order();
        this.width = width;
        this.packed = packed;
        this.index = new int[order];
        this.prefix = new double[order + 1];
        this.prefixDerivative = new double[order + 1];
    }

    /** The packed residual for this size, or null when N(d,l) or m·N(d,l) exceeds the limits. */
    static PackedResidual forSize(Truth truth, int width, long workLimit) {
        long n;
        try {
            n = Sizes.symmetricDimension(truth.dim(), truth.order());
        } catch (ArithmeticException e) {
            return null;
        }
        if (n > SIZE_LIMIT || n * width > workLimit) {
            return null;
        }
        return new PackedResidual(truth, width, (int) n);
    }

    /** Advances a sorted multi-index; returns the first changed position, −1 after the last. */
    private int next() {
        int pos = order - 1;
        while (pos >= 0 && index[pos] == dim - 1) {
            pos--;
        }
        if (pos < 0) {
            return -1;
        }
        int value = index[pos] + 1;
        for (int j = pos; j < order; j++) {
            index[j] = value;
        }
        return pos;
    }

    /** Adds scale·v^α to R_α for every α (prefix products along the lexicographic walk). */
    private void addPower(double scale, double[] v, int off) {
        java.util.Arrays.fill(index, 0);
        prefix[0] = scale;
        for (int j = 0; j < order; j++) {
            prefix[j + 1] = prefix[j] * v[off];
        }
        for (int alpha = 0; alpha < packed; alpha++) {
            residual[alpha] += prefix[order];
            int pos = next();
            if (pos < 0) {
                break;
            }
            for (int j = pos; j < order; j++) {
                prefix[j + 1] = prefix[j] * v[off + index[j]];
            }
        }
    }

    /**
     * Adds scale·(a^α + D(a^α)[δ]) to R_α for every α: the monomial and its directional derivative
     * D(a^α)[δ] = Σ_k δ_{α_k} Π_{j≠k} a_{α_j}, carried along the walk as a dual number
     * (P_{j+1} = P_j a_{α_j}, D_{j+1} = D_j a_{α_j} + P_j δ_{α_j}).
     */
    private void addLinearizedPower(double scale, double[] a, double[] delta, int off) {
        java.util.Arrays.fill(index, 0);
        prefix[0] = scale;
        prefixDerivative[0] = 0.0;
        for (int j = 0; j < order; j++) {
            prefix[j + 1] = prefix[j] * a[off];
            prefixDerivative[j + 1] = prefixDerivative[j] * a[off] + prefix[j] * delta[off];
        }
        for (int alpha = 0; alpha < packed; alpha++) {
            residual[alpha] += prefix[order] + prefixDerivative[order];
            int pos = next();
            if (pos < 0) {
                break;
            }
            for (int j = pos; j < order; j++) {
                int c = off + index[j];
                prefix[j + 1] = prefix[j] * a[c];
                prefixDerivative[j + 1] = prefixDerivative[j] * a[c] + prefix[j] * delta[c];
            }
        }
    }

    private void setUp() {
        residual = new double[packed];
        multiplicity = new double[packed];
        java.util.Arrays.fill(index, 0);
        double lFactorial = 1;
        for (int k = 2; k <= order; k++) {
            lFactorial *= k;
        }
        for (int alpha = 0; alpha < packed; alpha++) {
            double mult = lFactorial;
            int run = 1;
            for (int k = 1; k <= order; k++) {
                if (k < order && index[k] == index[k - 1]) {
                    run++;
                } else {
                    for (int f = 2; f <= run; f++) {
                        mult /= f;
                    }
                    run = 1;
                }
            }
            multiplicity[alpha] = mult; // mult(α) = l!/Π n_c(α)!
            next();
        }
    }

    /**
     * ‖Σ_i p_i v_i^{⊗l} − T*‖_F.
     *
     * @param v    V, m×d row-major from {@code vOff}; not modified
     * @param vOff offset of V
     * @param p    the m scales; not modified
     */
    double norm(double[] v, int vOff, double[] p) {
        if (residual == null) {
            setUp();
        }
        java.util.Arrays.fill(residual, 0.0);
        for (int i = 0; i < width; i++) {
            if (p[i] != 0) {
                addPower(p[i], v, vOff + i * dim); // R += p_i v_i^α
            }
        }
        return subtractTruthAndNorm();
    }

    /**
     * ‖T(A) + J(A)Δ − T*‖_F for the linearized plain model (E8.7, E8.9): R_α = Σ_i s_i (a_i^α + D(a_i^α)[δ_i]) − T*_α.
     *
     * @param a     A = W₀, m×d row-major; not modified
     * @param delta Δ, m×d row-major; not modified
     * @param signs the m signs s_i; not modified
     */
    double linearizedNorm(double[] a, double[] delta, double[] signs) {
        if (residual == null) {
            setUp();
        }
        java.util.Arrays.fill(residual, 0.0);
        for (int i = 0; i < width; i++) {
            addLinearizedPower(signs[i], a, delta, i * dim); // R += s_i (a_i^α + D(a_i^α)[δ_i])
        }
        return subtractTruthAndNorm();
    }

    private double subtractTruthAndNorm() {
        if (truth instanceof FactoredTruth f) {
            for (int j = 0; j < f.rank(); j++) {
                addPower(-f.coeffs()[j], f.factors(), j * dim); // R −= c_j u_j^α
            }
        } else {
            double[] entries = ((DenseTruth) truth).entries();
            java.util.Arrays.fill(index, 0);
            for (int alpha = 0; alpha < packed; alpha++) {
                int offset = 0;
                for (int j = 0; j < order; j++) {
                    offset = offset * dim + index[j]; // row-major offset of the sorted index (E1.1)
                }
                residual[alpha] -= entries[offset]; // R −= T*_α
                next();
            }
        }
        double sum = 0;
        for (int alpha = 0; alpha < packed; alpha++) {
            sum += multiplicity[alpha] * residual[alpha] * residual[alpha]; // Σ mult(α) R_α²
        }
        return Math.sqrt(sum);
    }
}
