package org.beyondlazy.reference;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.reference.lazy.ReferenceLinearizedObjective;
import org.beyondlazy.reference.lazy.ReferenceTangentSpace;

/** The reference implementation of {@link Backend}: dense tensors, plain loops, double precision. */
public final class ReferenceBackend implements Backend {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Objective objective(Problem problem) {
        return new ReferenceObjective(problem);
    }

    /** The linearized objective of spec E5.6 (plain model). */
    @Override
    public Objective linearizedObjective(Problem problem, double[] theta0) {
        return new ReferenceLinearizedObjective(problem, theta0);
    }

    /** The tangent space of spec E5.7 (plain model). */
    @Override
    public TangentSpace tangentSpace(Problem problem, double[] theta0) {
        return new ReferenceTangentSpace(problem, theta0);
    }
}
