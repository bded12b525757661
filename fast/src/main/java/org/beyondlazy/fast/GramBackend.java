package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;

/**
 * The fast path's {@link Backend}: {@link GramObjective} for every model, with the truth term in Gram
 * form for a factored T* (E8.3) and as a packed symmetric contraction for a dense T* (E8.4). BLAS
 * through dev.ludovic.netlib; {@link #name()} reports which BLAS runs.
 */
@SpecRef({"E8.1", "E8.6"})
public final class GramBackend implements Backend {
    private final BLAS blas;

    /** On {@link Blas#best()}: native OpenBLAS when installed, pure Java otherwise. */
    public GramBackend() {
        this(Blas.best());
    }

    /** On the given BLAS (e.g. {@link Blas#pureJava()}). */
    public GramBackend(BLAS blas) {
        this.blas = blas;
    }

    /** The BLAS in use. */
    public BLAS blas() {
        return blas;
    }

    /** {@code gram[<BLAS class>]}, e.g. {@code gram[dev.ludovic.netlib.blas.JNIBLAS]}. */
    @Override
    public String name() {
        return "gram[" + Blas.describe(blas) + "]";
    }

    @Override
    public Objective objective(Problem problem) {
        return new GramObjective(problem, blas, truthTerm(problem));
    }

    private TruthTerm truthTerm(Problem problem) {
        if (problem.truth() instanceof FactoredTruth f) {
            return new FactoredTruthTerm(blas, f, problem.width());
        }
        return new PackedDenseTruthTerm(blas, (DenseTruth) problem.truth(), problem.width());
    }
}
