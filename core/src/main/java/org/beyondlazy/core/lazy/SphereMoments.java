package org.beyondlazy.core.lazy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.SpecRef;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The exact conditional mean square of the lazy residual for a rank-one target with a uniform direction (spec
 * E5.12): for a fixed tangent space V, E_u[ρ_lazy(V, u^{⊗l})²] = 1 − tr(P_V M_l), where
 * M_l = E[pack(u^{⊗l}) pack(u^{⊗l})ᵀ] (u uniform on the unit sphere of R^d, packed coordinates of E5.7) has the
 * entries M_{αβ} = √(mult(α)·mult(β))·E[u^{α+β}], with the sphere moments
 * E[u^γ] = ∏_c (γ_c − 1)!! / ∏_{j<l} (d + 2j) when every exponent γ_c is even and 0 otherwise.
 *
 * <p>M_l commutes with the action of O(d), so it is a scalar μ_g on each of its few eigenspaces (the harmonic
 * pieces of Sym^l). With the largest eigenspace b, tr(P_V M) = μ_b·dim V + Σ_{g≠b} (μ_g − μ_b)·Σ_{e∈g} ‖P_V e‖²,
 * and ‖P_V e‖² = 1 − ρ_lazy(V, e)² for a unit eigenvector e: the computation needs only the tangent space's rank
 * and its lazy residual of the (few) eigenvectors outside b, so it runs on any backend.
 */
@SpecRef("E5.12")
public final class SphereMoments {
    /** Eigenvalues of M_l within this (relative to the largest) belong to one eigenspace; the gaps are ≥ 1e-3 relative. */
    public static final double EIGENVALUE_GROUPING = 1e-8;

    private static final Map<Long, SphereMoments> CACHE = new ConcurrentHashMap<>();

    private final int dim;
    private final int order;
    private final List<int[]> indices;
    private final double[][] moment;
    private final double bulkEigenvalue;
    private final List<Double> otherEigenvalues = new ArrayList<>();
    private final List<DenseTruth> otherEigenvectors = new ArrayList<>();

    private SphereMoments(int dim, int order) {
        this.dim = dim;
        this.order = order;
        this.indices = sortedMultiIndices(dim, order);
        int n = indices.size();
        this.moment = new double[n][n];
        double denominator = 1;
        for (int j = 0; j < order; j++) {
            denominator *= dim + 2 * j; // ∏_{j<l} (d + 2j)
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int[] gamma = new int[dim];
                for (int i : indices.get(a)) {
                    gamma[i]++;
                }
                for (int i : indices.get(b)) {
                    gamma[i]++;
                }
                double numerator = 1;
                for (int g : gamma) {
                    if (g % 2 != 0) {
                        numerator = 0; // an odd exponent: the moment vanishes by the symmetry u_c → −u_c
                        break;
                    }
                    numerator *= doubleFactorial(g - 1); // (γ_c − 1)!!
                }
                moment[a][b] = Math.sqrt(multiplicity(indices.get(a)) * multiplicity(indices.get(b))) * numerator / denominator;
            }
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(moment));
        double[] values = eig.getEigenvalues(); // descending
        RealMatrix vectors = eig.getV();
        List<int[]> groups = new ArrayList<>(); // [first, end) index ranges of equal eigenvalues
        int start = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || Math.abs(values[k] - values[start]) > EIGENVALUE_GROUPING * values[0]) {
                groups.add(new int[] {start, k});
                start = k;
            }
        }
        int[] bulk = groups.get(0);
        for (int[] g : groups) {
            if (g[1] - g[0] > bulk[1] - bulk[0]) {
                bulk = g;
            }
        }
        this.bulkEigenvalue = mean(values, bulk);
        for (int[] g : groups) {
            if (g == bulk) {
                continue;
            }
            double mu = mean(values, g);
            for (int k = g[0]; k < g[1]; k++) {
                otherEigenvalues.add(mu);
                otherEigenvectors.add(unpack(vectors.getColumn(k)));
            }
        }
    }

    /** The moment structure of (d, l), computed once per shape. */
    public static SphereMoments of(int dim, int order) {
        return CACHE.computeIfAbsent(((long) dim << 32) | order, key -> new SphereMoments(dim, order));
    }

    /** M_l in the packed coordinates of E5.7 (N(d,l) × N(d,l)); a fresh array. */
    public double[][] momentMatrix() {
        double[][] copy = new double[moment.length][];
        for (int k = 0; k < moment.length; k++) {
            copy[k] = moment[k].clone();
        }
        return copy;
    }

    /** The number of eigenvectors outside the largest eigenspace: the lazy residuals one evaluation costs. */
    public int evaluations() {
        return otherEigenvectors.size();
    }

    /**
     * E5.12: E_u[ρ_lazy² | V] = 1 − tr(P_V M_l) for a tangent space of this (d, l).
     *
     * @param space the tangent space V (its rank and lazy residual are used); not modified
     */
    public double conditionalMeanSquare(TangentSpace space) {
        double trace = bulkEigenvalue * space.rank(); // μ_b·dim V
        for (int k = 0; k < otherEigenvectors.size(); k++) {
            double residual = space.lazyResidual(otherEigenvectors.get(k));
            trace += (otherEigenvalues.get(k) - bulkEigenvalue) * (1 - residual * residual); // (μ_g − μ_b)‖P_V e‖²
        }
        return 1 - trace;
    }

    /** The dense symmetric tensor whose packed coordinates (E5.7) are {@code packed}: A_i = packed_α/√mult(α), α = sort(i). */
    private DenseTruth unpack(double[] packed) {
        int total = 1;
        for (int k = 0; k < order; k++) {
            total *= dim;
        }
        double[] entries = new double[total];
        int[] index = new int[order];
        for (int offset = 0; offset < total; offset++) {
            int rest = offset;
            for (int k = order - 1; k >= 0; k--) {
                index[k] = rest % dim; // row-major digits (E1.1)
                rest /= dim;
            }
            int[] sorted = index.clone();
            java.util.Arrays.sort(sorted);
            int position = position(sorted);
            entries[offset] = packed[position] / Math.sqrt(multiplicity(sorted));
        }
        return new DenseTruth(order, dim, entries);
    }

    private int position(int[] sorted) {
        for (int k = 0; k < indices.size(); k++) {
            if (java.util.Arrays.equals(indices.get(k), sorted)) {
                return k;
            }
        }
        throw new IllegalStateException("multi-index not found");
    }

    private static double mean(double[] values, int[] range) {
        double s = 0;
        for (int k = range[0]; k < range[1]; k++) {
            s += values[k];
        }
        return s / (range[1] - range[0]);
    }

    private static double doubleFactorial(int n) {
        double out = 1;
        for (int k = n; k > 1; k -= 2) {
            out *= k;
        }
        return out;
    }

    /** mult(α) = l!/∏_c (count of c in α)! (E5.7). */
    static double multiplicity(int[] alpha) {
        double out = 1;
        for (int k = 2; k <= alpha.length; k++) {
            out *= k;
        }
        int run = 1;
        for (int k = 1; k <= alpha.length; k++) {
            if (k < alpha.length && alpha[k] == alpha[k - 1]) {
                run++;
            } else {
                for (int f = 2; f <= run; f++) {
                    out /= f;
                }
                run = 1;
            }
        }
        return out;
    }

    /** The sorted multi-indices of E5.7 in lexicographic order. */
    static List<int[]> sortedMultiIndices(int dim, int order) {
        List<int[]> out = new ArrayList<>();
        int[] alpha = new int[order];
        while (true) {
            out.add(alpha.clone());
            int k = order - 1;
            while (k >= 0 && alpha[k] == dim - 1) {
                k--;
            }
            if (k < 0) {
                return out;
            }
            alpha[k]++;
            for (int j = k + 1; j < order; j++) {
                alpha[j] = alpha[k];
            }
        }
    }
}
