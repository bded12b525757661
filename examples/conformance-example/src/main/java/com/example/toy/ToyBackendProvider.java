package com.example.toy;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BackendProvider;

/** Registers {@link ToyBackend} as {@code "toy"} (META-INF/services), so {@code Backends.get("toy")} finds it. */
public final class ToyBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "toy";
    }

    @Override
    public Backend create() {
        return new ToyBackend();
    }
}
