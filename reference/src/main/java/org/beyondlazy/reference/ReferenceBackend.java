package org.beyondlazy.reference;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;

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
}
