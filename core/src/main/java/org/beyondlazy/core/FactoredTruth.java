package org.beyondlazy.core;

/**
 * T* = Σ_{j<r} c_j u_j^{⊗l} (spec E2.10), u_j the rows of an r×d matrix.
 *
 * @param order   l ≥ 2
 * @param dim     d ≥ 1
 * @param rank    r ≥ 1
 * @param factors U*, r×d row-major (row j = u_j); not copied, not modified
 * @param coeffs  c*, length r; not copied, not modified
 */
@SpecRef("E2.10")
public record FactoredTruth(int order, int dim, int rank, double[] factors, double[] coeffs) implements Truth {
    public FactoredTruth {
        Check.atLeast("order l", order, 2);
        Check.atLeast("dimension d", dim, 1);
        Check.atLeast("rank r", rank, 1);
        Check.finite("truth factors", Check.length("truth factors", factors, (long) rank * dim, "r×d = " + rank + "×" + dim));
        Check.finite("truth coefficients", Check.length("truth coefficients", coeffs, rank, "r = " + rank));
    }

    /**
     * ‖T*‖² = Σ_{jj'} c_j c_j' (u_j·u_j')^l, by the identity ⟨u^{⊗l}, v^{⊗l}⟩ = (u·v)^l (spec E1.5).
     */
    @Override
    @SpecRef("E1.5")
    public double normSquared() {
        double sum = 0;
        for (int j = 0; j < rank; j++) {
            for (int k = 0; k < rank; k++) {
                double dot = 0;
                for (int a = 0; a < dim; a++) {
                    dot += factors[j * dim + a] * factors[k * dim + a];
                }
                sum += coeffs[j] * coeffs[k] * Math.pow(dot, order);
            }
        }
        return Math.max(sum, 0.0);
    }

    /** Row j of U* as a fresh array. */
    public double[] factor(int j) {
        double[] row = new double[dim];
        System.arraycopy(factors, j * dim, row, 0, dim);
        return row;
    }
}
