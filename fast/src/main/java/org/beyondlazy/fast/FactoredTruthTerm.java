package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.SpecRef;

/**
 * The truth term of a factored T* = Σ_j c_j u_j^{⊗l} through Gram matrices only (spec E8.3):
 * H = V U*ᵀ (m×r), then t_i = Σ_j c_j H_ij^{l−1} u_j, i.e. T = (H^{∘(l−1)} diag(c)) U*, and
 * Σ_i p_i T*(v_i^{⊗l}) = Σ_ij p_i c_j H_ij^l. Cost 4mrd flops for the contraction, 2mrd for the
 * value-only cross term; never forms a d^l array.
 */
@SpecRef("E8.3")
final class FactoredTruthTerm implements TruthTerm {
    private final BLAS blas;
    private final int order;
    private final int dim;
    private final int rank;
    private final int width;
    private final double[] factors;
    private final double[] coeffs;
    private final double normSquared;
    private final double[] h; // H, m×r row-major
    private final double[] z; // c_j H_ij^{l−1}, m×r row-major

    FactoredTruthTerm(BLAS blas, FactoredTruth truth, int width) {
        this.blas = blas;
        this.order = truth.order();
        this.dim = truth.dim();
        this.rank = truth.rank();
        this.width = width;
        this.factors = truth.factors();
        this.coeffs = truth.coeffs();
        this.normSquared = truth.normSquared();
        this.h = new double[width * rank];
        this.z = new double[width * rank];
    }

    @Override
    public double normSquared() {
        return normSquared;
    }

    /** H = V U*ᵀ: column-major, Hᵀ (r×m) = (U*ᵀ)ᵀ·Vᵀ with U*ᵀ and Vᵀ the row-major arrays read as d×r and d×m. */
    private void gram(double[] v, int vOff) {
        blas.dgemm("T", "N", rank, width, dim, 1.0, factors, 0, dim, v, vOff, dim, 0.0, h, 0, rank);
    }

    @Override
    public void contract(double[] v, int vOff, double[] out) {
        gram(v, vOff);
        int lm1 = order - 1;
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < rank; j++) {
                z[i * rank + j] = coeffs[j] * GramObjective.power(h[i * rank + j], lm1); // c_j H_ij^{l−1}
            }
        }
        // Tᵀ (d×m) = U*ᵀ (d×r) · Zᵀ (r×m), all read column-major from row-major arrays
        blas.dgemm("N", "N", dim, width, rank, 1.0, factors, 0, dim, z, 0, rank, 0.0, out, 0, dim);
    }

    @Override
    public double weightedFullContraction(double[] v, int vOff, double[] p) {
        gram(v, vOff);
        double sum = 0;
        for (int i = 0; i < width; i++) {
            if (p[i] == 0) {
                continue;
            }
            double row = 0;
            for (int j = 0; j < rank; j++) {
                row += coeffs[j] * GramObjective.power(h[i * rank + j], order); // c_j H_ij^l
            }
            sum += p[i] * row;
        }
        return sum;
    }
}
