package org.beyondlazy.fast;

import org.beyondlazy.core.Backend;
import org.beyondlazy.properties.ConformanceKitTests;
import org.junit.jupiter.api.Nested;

/**
 * The conformance kit (module beyondlazy-properties) run on the fast path: every suite of
 * {@code ConformanceKit.SUITES}, once on pure-Java BLAS and LAPACK and once on the best available one (native
 * OpenBLAS when installed). This is also the worked example of how another JVM implementation runs
 * the kit on itself: one subclass of {@link ConformanceKitTests} per backend.
 */
class FastConformanceTest {
    /** Pure-Java BLAS and LAPACK (the kernel-form tangent space's eigensolver included). */
    private static final Backend PURE_JAVA = new GramBackend(Blas.pureJava(), Lapack.hipparchus());
    private static final Backend BEST = new GramBackend(Blas.best());

    @Nested
    class PureJava extends ConformanceKitTests {
        @Override
        protected Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class Best extends ConformanceKitTests {
        @Override
        protected Backend backend() {
            return BEST;
        }
    }
}
