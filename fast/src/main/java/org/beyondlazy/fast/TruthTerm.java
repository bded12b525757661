package org.beyondlazy.fast;

import org.beyondlazy.core.SpecRef;

/**
 * The part of the fast objective that touches T*: the contractions t_i = T*(v_i^{⊗(l−1)}) of every
 * row v_i of an m×d matrix V, and ‖T*‖². The model part never needs T*, so a factored truth (Gram
 * form, {@link FactoredTruthTerm}) and a dense one (packed symmetric storage, {@link PackedDenseTruthTerm})
 * plug into the same {@link GramObjective}.
 *
 * <p>Implementations own their scratch buffers (sized at construction for m rows), so an instance is
 * not thread-safe and allocates nothing per call.
 */
@SpecRef({"E8.3", "E8.4"})
interface TruthTerm {
    /** ‖T*‖_F², computed once. */
    double normSquared();

    /**
     * t_i = T*(v_i^{⊗(l−1)}) for every row.
     *
     * @param v    V, m×d row-major starting at {@code vOff}; not modified
     * @param vOff offset of V in {@code v}
     * @param out  m×d row-major; overwritten with the rows t_i
     */
    void contract(double[] v, int vOff, double[] out);

    /**
     * Σ_i p_i T*(v_i^{⊗l}) = Σ_i p_i (t_i·v_i), the cross term of the loss (E8.2), without the gradient's
     * products where the truth's form allows it.
     *
     * @param v    V, m×d row-major starting at {@code vOff}; not modified
     * @param vOff offset of V in {@code v}
     * @param p    the m component scales; not modified
     */
    double weightedFullContraction(double[] v, int vOff, double[] p);
}
