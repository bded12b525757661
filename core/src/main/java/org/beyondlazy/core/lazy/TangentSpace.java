package org.beyondlazy.core.lazy;

import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;

/**
 * The tangent space V(W₀) = range J(W₀) of the plain model at W₀ (spec E5.7), in the packed isometric
 * coordinates of E5.7: a symmetric tensor A is the vector of √mult(α)·A_α over the N(d,l) sorted
 * multi-indices α, so that Euclidean norms equal Frobenius norms.
 */
@SpecRef("E5.7")
public interface TangentSpace extends TangentSpectrum {
    /**
     * Relative rank threshold of A5.1: singular values of the Jacobian matrix at most this times σ₁
     * count as zero. Measured gap on the C5 range: kept σ_k/σ₁ stay above 1.2e-6, dropped ones below
     * 3e-16 (proofs-notes/C5.md), so any threshold between the two gives the same rank.
     */
    double RANK_TOLERANCE = 1e-9;

    /** N(d,l), the number of rows of the Jacobian matrix. */
    int ambientDimension();

    /** m·d, the number of columns. */
    @Override
    int parameterCount();

    /**
     * The Jacobian matrix of A5.1 step 1: N(d,l) rows (packed coordinates, E5.7), m·d columns in the
     * parameter order of E2.9 ((i, a) ↦ i·d + a). A fresh array.
     */
    double[][] jacobianMatrix();

    /** The singular values σ₁ ≥ σ₂ ≥ … of the Jacobian matrix (A5.1 step 2); a fresh array. */
    @Override
    double[] singularValues();

    /** The numerical rank of A5.1 step 3: #{k : σ_k &gt; {@link #RANK_TOLERANCE}·σ₁}. */
    @Override
    int rank();

    /**
     * The lazy residual of A5.2: ρ_lazy = ‖(I − P_V)T*‖_F / ‖T*‖_F.
     *
     * @param truth T* of the same order and dimension; T* ≠ 0
     */
    @Override
    double lazyResidual(Truth truth);
}
