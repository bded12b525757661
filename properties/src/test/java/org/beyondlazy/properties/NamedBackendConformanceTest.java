package org.beyondlazy.properties;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Backends;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The whole conformance kit on the backend named by {@code -Dbeyondlazy.backend=NAME} (default
 * {@code reference}), looked up in the registry of {@link Backends}. Skipped when that name is not
 * registered on this module's class path (the fast path registers in its own module, which runs the
 * kit on it).
 */
@EnabledIf(value = "registered", disabledReason = "the backend named by -Dbeyondlazy.backend is not registered on this class path")
class NamedBackendConformanceTest extends ConformanceKitTests {
    private static final Backend BACKEND = registered() ? Backends.get(Backends.selectedName()) : null;

    static boolean registered() {
        return Backends.isRegistered(Backends.selectedName());
    }

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
