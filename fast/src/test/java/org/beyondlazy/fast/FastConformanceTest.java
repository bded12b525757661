package org.beyondlazy.fast;

import org.beyondlazy.core.Backend;
import org.beyondlazy.properties.GradientClaims;
import org.beyondlazy.properties.InvarianceClaims;
import org.beyondlazy.properties.MonotonicityClaims;
import org.beyondlazy.properties.ObjectiveIdentityClaims;
import org.beyondlazy.properties.SmoothnessBoundClaims;
import org.beyondlazy.properties.MomentumClaims;
import org.beyondlazy.properties.LazyLimitClaims;
import org.beyondlazy.properties.LazyFailureClaims;
import org.beyondlazy.properties.TangentRankClaims;
import org.beyondlazy.properties.TangentSpectrumClaims;
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
    /** Pure-Java BLAS and LAPACK (the kernel-form tangent space's eigensolver included). */
    private static final Backend PURE_JAVA_LAPACK = new GramBackend(Blas.pureJava(), Lapack.pureJava());

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

    /** Claims C8–C10, C13 (the variant and vanilla GD): runs, not kernels, but run on both BLAS like every suite. */
    @Nested
    class VariantPureJava extends VariantClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class VariantBest extends VariantClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class TangentSpectrumPureJava extends TangentSpectrumClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA_LAPACK;
        }
    }

    @Nested
    class TangentSpectrumBest extends TangentSpectrumClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class TangentRankPureJava extends TangentRankClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class TangentRankBest extends TangentRankClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class LazyFailurePureJava extends LazyFailureClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class LazyFailureBest extends LazyFailureClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class LazyLimitPureJava extends LazyLimitClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class LazyLimitBest extends LazyLimitClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class MomentumPureJava extends MomentumClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class MomentumBest extends MomentumClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }

    @Nested
    class SmoothnessBoundPureJava extends SmoothnessBoundClaims {
        @Override
        public Backend backend() {
            return PURE_JAVA;
        }
    }

    @Nested
    class SmoothnessBoundBest extends SmoothnessBoundClaims {
        @Override
        public Backend backend() {
            return BEST;
        }
    }
}
