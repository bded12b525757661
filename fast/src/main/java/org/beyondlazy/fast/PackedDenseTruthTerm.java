package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;

/**
 * The truth term of a dense symmetric T* as one matrix product over packed storage (spec E8.4): with
 * k = l − 1 and the N = N(d,k) multisets α = (i_1 ≤ … ≤ i_k) in lexicographic order,
 * <pre>
 *   T*(v^{⊗k})_a = Σ_α mult(α) · T*_{a,α} · v^α,      mult(α) = k!/Π_c n_c(α)!,  v^α = v_{i_1}⋯v_{i_k}
 * </pre>
 * so the contractions of all m rows are t = M Pᵀ with P (d×N, P_{a,α} = mult(α) T*_{a,α}, built once)
 * and the monomial matrix M (m×N, M_{iα} = v_i^α): 2·m·N(d,l−1)·d flops, about (l−1)! fewer than the
 * unfolded d × d^{l−1} product. Rows are processed in blocks so that the monomial buffer stays below
 * {@link #MONOMIAL_BUFFER_LIMIT} doubles.
 */
@SpecRef("E8.4")
final class PackedDenseTruthTerm implements TruthTerm {
    /** Largest monomial block (doubles): 4M = 32 MB, so l = 4 at d = 100 (N = 171 700) still runs. */
    static final int MONOMIAL_BUFFER_LIMIT = 1 << 22;

    private final BLAS blas;
    private final int dim;
    private final int k;
    private final int width;
    private final int packed;      // N(d, l−1)
    private final double[] weights; // P, d×N column-major: P[a + α·d]
    private final double normSquared;
    private final int blockRows;
    private final double[] monomials; // blockRows × N row-major
    private final double[] scratch;   // m×d, for the value-only path
    private final int[] index;
    private final double[] prefix;

    PackedDenseTruthTerm(BLAS blas, DenseTruth truth, int width) {
        this(blas, truth, width, MONOMIAL_BUFFER_LIMIT);
    }

    /** As above with another bound on the monomial block (the differential suite forces several blocks). */
    PackedDenseTruthTerm(BLAS blas, DenseTruth truth, int width, int bufferLimit) {
        this.blas = blas;
        this.dim = truth.dim();
        this.k = truth.order() - 1;
        this.width = width;
        long n = Sizes.symmetricDimension(dim, k);
        if (n * dim > Sizes.MAX_ARRAY_LENGTH) {
            throw new BeyondLazyException(ErrorCode.SIZE_OVERFLOW, "packed truth d×N(d,l−1) with d=" + dim
                    + ", l=" + truth.order(), n * dim, Sizes.MAX_ARRAY_LENGTH);
        }
        this.packed = (int) n;
        this.normSquared = truth.normSquared();
        this.index = new int[Math.max(k, 1)];
        this.prefix = new double[k + 1];
        this.weights = pack(truth.entries());
        this.blockRows = (int) Math.max(1, Math.min(width, bufferLimit / Math.max(1, packed)));
        this.monomials = new double[blockRows * packed];
        this.scratch = new double[width * dim];
    }

    /** Builds P_{a,α} = mult(α)·T*_{a,α} (E8.4) by walking the multisets in lexicographic order. */
    private double[] pack(double[] entries) {
        double[] p = new double[packed * dim];
        long dk = 1;
        for (int j = 0; j < k; j++) {
            dk *= dim;
        }
        int[] idx = new int[k];
        int[] counts = new int[dim];
        double kFactorial = factorial(k);
        for (int alpha = 0; alpha < packed; alpha++) {
            long offset = 0; // Σ_j i_j d^{k−1−j}
            java.util.Arrays.fill(counts, 0);
            for (int j = 0; j < k; j++) {
                offset = offset * dim + idx[j];
                counts[idx[j]]++;
            }
            double mult = kFactorial;
            for (int c : counts) {
                mult /= factorial(c);
            }
            for (int a = 0; a < dim; a++) {
                p[a + alpha * dim] = mult * entries[(int) (a * dk + offset)];
            }
            next(idx);
        }
        return p;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** Advances a non-decreasing multi-index to its lexicographic successor; returns the first changed position. */
    private int next(int[] idx) {
        int pos = k - 1;
        while (pos >= 0 && idx[pos] == dim - 1) {
            pos--;
        }
        if (pos < 0) {
            return -1;
        }
        int value = idx[pos] + 1;
        for (int j = pos; j < k; j++) {
            idx[j] = value;
        }
        return pos;
    }

    @Override
    public double normSquared() {
        return normSquared;
    }

    /** Fills monomial rows M_{iα} = v_i^α for rows [from, from + rows) with prefix products (N·k flops per row at worst). */
    private void monomials(double[] v, int vOff, int from, int rows) {
        for (int b = 0; b < rows; b++) {
            int row = vOff + (from + b) * dim;
            int out = b * packed;
            if (k <= 3) {
                monomialsUpToThree(v, row, out);
                continue;
            }
            java.util.Arrays.fill(index, 0);
            prefix[0] = 1.0;
            for (int j = 0; j < k; j++) {
                prefix[j + 1] = prefix[j] * v[row]; // all indices 0
            }
            for (int alpha = 0; alpha < packed; alpha++) {
                monomials[out + alpha] = prefix[k];
                int pos = next(index);
                if (pos < 0) {
                    break;
                }
                for (int j = pos; j < k; j++) {
                    prefix[j + 1] = prefix[j] * v[row + index[j]];
                }
            }
        }
    }

    /** The same lexicographic walk as {@link #next} unrolled into nested loops for k = 1, 2, 3 (l ≤ 4). */
    private void monomialsUpToThree(double[] v, int row, int out) {
        int n = out;
        switch (k) {
            case 1 -> {
                System.arraycopy(v, row, monomials, n, dim);
            }
            case 2 -> {
                for (int a = 0; a < dim; a++) {
                    double va = v[row + a];
                    for (int b = a; b < dim; b++) {
                        monomials[n++] = va * v[row + b];
                    }
                }
            }
            case 3 -> {
                for (int a = 0; a < dim; a++) {
                    double va = v[row + a];
                    for (int b = a; b < dim; b++) {
                        double vab = va * v[row + b];
                        for (int c = b; c < dim; c++) {
                            monomials[n++] = vab * v[row + c];
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("k = " + k);
        }
    }

    @Override
    public void contract(double[] v, int vOff, double[] out) {
        for (int from = 0; from < width; from += blockRows) {
            int rows = Math.min(blockRows, width - from);
            monomials(v, vOff, from, rows);
            // tᵀ (d×rows) = P (d×N) · Mᵀ (N×rows); M row-major is Mᵀ column-major with ld N
            blas.dgemm("N", "N", dim, rows, packed, 1.0, weights, 0, dim, monomials, 0, packed,
                    0.0, out, from * dim, dim);
        }
    }

    @Override
    public double weightedFullContraction(double[] v, int vOff, double[] p) {
        contract(v, vOff, scratch);
        double sum = 0;
        for (int i = 0; i < width; i++) {
            double dot = 0;
            for (int a = 0; a < dim; a++) {
                dot += scratch[i * dim + a] * v[vOff + i * dim + a];
            }
            sum += p[i] * dot; // p_i T*(v_i^{⊗l})
        }
        return sum;
    }
}
