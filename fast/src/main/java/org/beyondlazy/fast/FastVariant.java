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
    PACKED_DENSE(List.of(GramObjective.class, PackedDenseTruthTerm.class, PackedResidual.class));

    private final List<Class<?>> kernels;

    FastVariant(List<Class<?>> kernels) {
        this.kernels = kernels;
    }

    /** The kernel classes this variant runs. */
    public List<Class<?>> kernels() {
        return kernels;
    }
}
