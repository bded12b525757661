package org.beyondlazy.cli;

import java.util.Map;
import java.util.function.Supplier;
import org.beyondlazy.core.Backend;

/**
 * The implementations the command line can run ({@code --implementation}): the registry of
 * {@link org.beyondlazy.core.Backends} (reference, fast, fast-java, and any jar on the class path that
 * registers a {@link org.beyondlazy.core.BackendProvider}).
 */
public final class Backends {
    private Backends() {
    }

    /** Names of the available backends. */
    public static Map<String, Supplier<Backend>> available() {
        return org.beyondlazy.core.Backends.available();
    }

    /** The backend named {@code name}; {@link org.beyondlazy.core.ErrorCode#UNKNOWN_NAME} otherwise. */
    public static Backend get(String name) {
        return org.beyondlazy.core.Backends.get(name);
    }
}
