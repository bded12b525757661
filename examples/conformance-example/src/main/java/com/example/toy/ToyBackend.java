package com.example.toy;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * A toy backend: its objective delegates to the beyondlazy reference. It implements only the mandatory
 * {@link Backend#objective}; the optional lazy-regime methods keep their defaults, which throw
 * {@code ErrorCode.UNSUPPORTED}, so the kit reports the claims needing them as "not supported".
 */
public final class ToyBackend implements Backend {
    private final Backend delegate = new ReferenceBackend();

    @Override
    public String name() {
        return "toy";
    }

    /** A new objective per call: objectives may keep scratch buffers and are used by one thread each. */
    @Override
    public Objective objective(Problem problem) {
        return delegate.objective(problem);
    }
}
