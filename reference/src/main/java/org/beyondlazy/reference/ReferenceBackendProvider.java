package org.beyondlazy.reference;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BackendProvider;

/** Registers the reference as {@code "reference"} (found through {@link java.util.ServiceLoader}). */
public final class ReferenceBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "the dense double-precision reference (plain loops)";
    }

    @Override
    public Backend create() {
        return new ReferenceBackend();
    }
}
