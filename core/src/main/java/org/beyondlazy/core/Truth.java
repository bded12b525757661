package org.beyondlazy.core;

/**
 * The target tensor T* (spec E2.10): either factored, T* = Σ_j c_j u_j^{⊗l}, or a dense symmetric
 * tensor. Implementations are immutable; constructors validate shapes and finiteness.
 */
public sealed interface Truth permits FactoredTruth, DenseTruth {
    /** Tensor order l ≥ 2. */
    int order();

    /** Dimension d ≥ 1. */
    int dim();

    /** ‖T*‖_F² (spec E1.5). */
    double normSquared();
}
