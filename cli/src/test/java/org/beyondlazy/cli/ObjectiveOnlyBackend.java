package org.beyondlazy.cli;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * A third-party backend with only the mandatory capability ({@link Backend#objective}), registered for the
 * tests through {@code META-INF/services/org.beyondlazy.core.Backend}: the lazy-regime claims must be
 * reported as not supported, never as failures.
 */
public final class ObjectiveOnlyBackend implements Backend {
    private final Backend delegate = new ReferenceBackend();

    @Override
    public String name() {
        return "objective-only";
    }

    @Override
    public Objective objective(Problem problem) {
        return delegate.objective(problem);
    }
}
