package org.beyondlazy.core;

/**
 * An implementation of the spec's computations: the reference, the fast path, or another JVM
 * implementation under test by the conformance kit. Claims are written against this interface.
 */
public interface Backend {
    /** A short name for reports, e.g. {@code "reference"}. */
    String name();

    /** The objective of a problem; validates the problem against the backend's limits. */
    Objective objective(Problem problem);
}
