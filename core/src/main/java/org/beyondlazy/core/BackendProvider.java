package org.beyondlazy.core;

/**
 * A named source of {@link Backend}s, found by {@link Backends} through {@link java.util.ServiceLoader}:
 * a jar registers one by listing the implementing class (public, with a public no-argument constructor)
 * in {@code META-INF/services/org.beyondlazy.core.BackendProvider}.
 */
public interface BackendProvider {
    /** The registry name, e.g. {@code "reference"}: lower case, no spaces; unique on the class path. */
    String name();

    /** A one-line description for listings. */
    default String description() {
        return name();
    }

    /** A new backend (cheap; objectives are created from it per thread). */
    Backend create();
}
