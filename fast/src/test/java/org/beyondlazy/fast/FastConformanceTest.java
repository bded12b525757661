package org.beyondlazy.fast;

import org.beyondlazy.core.Backend;
import org.beyondlazy.properties.GradientClaims;
import org.beyondlazy.properties.InvarianceClaims;
import org.beyondlazy.properties.MonotonicityClaims;
import org.beyondlazy.properties.ObjectiveIdentityClaims;
import org.beyondlazy.properties.VariantClaims;
import org.junit.jupiter.api.Nested;

/**
 * The conformance kit (module beyondlazy-properties) run on the fast path: every claim suite, once on
 * the pure-Java BLAS and once on the best available one (native OpenBLAS when installed). This is
 * also the worked example of how another JVM implementation runs the kit on itself.
 */
class FastConformanceTest {
    private static final Backend PURE_JAVA = new GramBackend(Blas.pureJava());
    private static final Backend BEST = new GramBackend(Blas.best());

    @Nested
    class ObjectiveIdentityPureJava extends ObjectiveIdentityClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class GradientPureJava extends GradientClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class InvariancePureJava extends InvarianceClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class MonotonicityPureJava extends MonotonicityClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class ObjectiveIdentityBest extends ObjectiveIdentityClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class GradientBest extends GradientClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class InvarianceBest extends InvarianceClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class MonotonicityBest extends MonotonicityClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    /** Claims C8–C10, C13 (the variant and vanilla GD) on the best BLAS only: they are runs, not kernels. */
    @Nested
    class VariantBest extends VariantClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }
}
