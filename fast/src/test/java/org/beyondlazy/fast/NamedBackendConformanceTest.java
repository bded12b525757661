package org.beyondlazy.fast;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Backends;
import org.beyondlazy.properties.ConformanceKitTests;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The whole conformance kit on the backend named by {@code -Dbeyondlazy.backend=NAME} when that name is
 * set and registered here but is not the reference (whose module, properties, runs it already):
 * {@code ./mvnw verify -Dbeyondlazy.backend=fast-java} runs the kit on the pure-Java fast path by name.
 */
@EnabledIf(value = "selected", disabledReason = "-Dbeyondlazy.backend does not name a backend registered by this module")
class NamedBackendConformanceTest extends ConformanceKitTests {
    private static final Backend BACKEND = selected() ? Backends.get(Backends.selectedName()) : null;

    static boolean selected() {
        String name = System.getProperty(Backends.PROPERTY);
        return name != null && !Backends.DEFAULT.equals(name.trim()) && Backends.isRegistered(name.trim());
    }

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
