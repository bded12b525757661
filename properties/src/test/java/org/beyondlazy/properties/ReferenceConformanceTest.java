package org.beyondlazy.properties;

import org.beyondlazy.core.Backend;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Nested;

/** Runs every claim suite of the conformance kit against the reference implementation. */
class ReferenceConformanceTest {
    private static final Backend REFERENCE = new ReferenceBackend();

    @Nested
    class ObjectiveIdentity extends ObjectiveIdentityClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class Gradient extends GradientClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class Invariance extends InvarianceClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class SmoothnessBound extends SmoothnessBoundClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class Monotonicity extends MonotonicityClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class TangentRank extends TangentRankClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class LazyFailure extends LazyFailureClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class LazyLimit extends LazyLimitClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class Momentum extends MomentumClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    @Nested
    class Variant extends VariantClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }

        /** C8's lazy column on the reference's tangent space. */
        @Override
        protected Backend lazyBackend() {
            return REFERENCE;
        }
    }

    @Nested
    class PolarDynamics extends PolarDynamicsClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }
}
