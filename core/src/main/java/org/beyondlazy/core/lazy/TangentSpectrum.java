package org.beyondlazy.core.lazy;

import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;

/**
 * What the lazy-regime claims need of the tangent space V(W₀) = range J(W₀) of the plain model (spec E5.7):
 * the singular values of J, its numerical rank and the lazy residual ρ_lazy (A5.2). It does not expose the
 * Jacobian matrix, so an implementation may compute these from the kernel JᵀJ (spec E8.10–A8.1) without
 * ever forming the N(d,l) packed coordinates; {@link TangentSpace} adds the matrix itself.
 */
@SpecRef("E5.7")
public interface TangentSpectrum {
    /** m·d, the number of parameters (columns of J). */
    int parameterCount();

    /**
     * The singular values σ₁ ≥ σ₂ ≥ … of J, m·d of them or N(d,l) when that is smaller; a fresh array.
     * Their accuracy is the implementation's: see its documentation.
     */
    double[] singularValues();

    /** The numerical rank of J, by the implementation's threshold (A5.1 for the packed SVD, A8.1 for the kernel). */
    int rank();

    /**
     * The lazy residual ρ_lazy = ‖(I − P_V)T*‖_F / ‖T*‖_F (A5.2).
     *
     * @param truth T* of the same order and dimension; T* ≠ 0
     */
    double lazyResidual(Truth truth);

    /**
     * A first-order estimate of |ρ̂² − ρ²| for {@link #lazyResidual} (spec A8.1: (mk + m)·ε·λ₁/λ_r for the
     * kernel form). 0 by default: the SVD route forms the residual vector directly (A5.2), without the
     * cancellation of ‖T*‖² − ‖P_V T*‖², so its error is round-off of order N(d,l)·ε.
     */
    default double residualSquareAccuracy() {
        return 0.0;
    }
}
