package org.beyondlazy.fast;

import java.util.List;
import org.beyondlazy.core.SpecRef;

/**
 * The registry of fast variants (spec E8.5): every kernel class of the fast path that computes a
 * spec quantity differently from the reference. The differential suite covers each variant on both
 * BLAS implementations, and its count check fails when a kernel class exists that is not listed here
 * or a listed variant is not exercised.
 */
@SpecRef("E8.5")
public enum FastVariant {
    /** Model part in Gram form (E8.2) with a factored truth in Gram form (E8.3), every model. */
    GRAM_FACTORED(List.of(GramObjective.class, FactoredTruthTerm.class, PackedResidual.class)),
    /** Model part in Gram form with a dense truth contracted through packed symmetric storage (E8.4). */
    PACKED_DENSE(List.of(GramObjective.class, PackedDenseTruthTerm.class, PackedResidual.class)),
    /** The linearized plain model in Gram form (E8.7), with either truth term. */
    GRAM_LINEARIZED(List.of(GramLinearizedObjective.class, FactoredTruthTerm.class, PackedDenseTruthTerm.class, PackedResidual.class)),
    /** The tangent space V(W₀) of the plain model in packed coordinates (E8.8). */
    PACKED_TANGENT(List.of(PackedTangentSpace.class)),
    /** The tangent space's rank, spectrum and lazy residual from the kernel JᵀJ in block form (E8.10, E8.11, A8.1). */
    KERNEL_TANGENT(List.of(KernelTangentSpace.class, FactoredTruthTerm.class, PackedDenseTruthTerm.class));

    private final List<Class<?>> kernels;

    FastVariant(List<Class<?>> kernels) {
        this.kernels = kernels;
    }

    /** The kernel classes this variant runs. */
    public List<Class<?>> kernels() {
        return kernels;
    }
}
