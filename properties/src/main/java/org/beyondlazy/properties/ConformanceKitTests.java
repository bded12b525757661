package org.beyondlazy.properties;

import org.beyondlazy.core.Backend;
import org.junit.jupiter.api.Nested;

/**
 * The whole conformance kit bound to one backend: extend this class once, return your backend from
 * {@link #backend()}, and JUnit 5 runs every suite of {@link ConformanceKit#SUITES} as an inherited
 * nested class. Claims needing a capability the backend lacks are aborted as "not supported".
 *
 * <pre>{@code
 * class MyBackendConformanceTest extends ConformanceKitTests {
 *     protected Backend backend() { return new MyBackend(); }
 * }
 * }</pre>
 *
 * <p>Threading: {@link #backend()} may be called from several threads (C8's runs use two); objectives
 * are created per run and never shared between threads.
 */
public abstract class ConformanceKitTests {
    /** The backend under test; called once per property (return a shared instance or a new one). */
    protected abstract Backend backend();

    private Backend bound() {
        return backend();
    }

    /**
     * The backend a suite runs on: {@link #backend()} unless a binding judges a claim of the mathematics on another
     * backend that conforms to the reference (the audit runs C6's many tangent-space SVDs on the fast path's LAPACK,
     * which C14 and C16 hold equal to the reference).
     */
    protected Backend backendFor(Class<? extends BackendUnderTest> suite) {
        return backend();
    }

    /**
     * The backend of the paper-scale measurements (C8's scaling form, tag {@value ScalingLawClaims#FULL_PROFILE}):
     * the backend under test unless a binding names a faster one that passes the rest of the kit.
     */
    protected Backend paperScaleBackend() {
        return backend();
    }

    /** Wraps a paper-scale measurement (a binding may, e.g., run it on one BLAS thread per seed thread). */
    protected <T> T atPaperScale(java.util.function.Supplier<T> measurement) {
        return measurement.get();
    }

    @Nested
    class ObjectiveIdentity extends ObjectiveIdentityClaims {
        @Override
        public Backend backend() {
            return backendFor(ObjectiveIdentityClaims.class);
        }
    }

    @Nested
    class Gradient extends GradientClaims {
        @Override
        public Backend backend() {
            return backendFor(GradientClaims.class);
        }
    }

    @Nested
    class Invariance extends InvarianceClaims {
        @Override
        public Backend backend() {
            return backendFor(InvarianceClaims.class);
        }
    }

    @Nested
    class Monotonicity extends MonotonicityClaims {
        @Override
        public Backend backend() {
            return backendFor(MonotonicityClaims.class);
        }
    }

    @Nested
    class SmoothnessBound extends SmoothnessBoundClaims {
        @Override
        public Backend backend() {
            return backendFor(SmoothnessBoundClaims.class);
        }
    }

    @Nested
    class TangentRank extends TangentRankClaims {
        @Override
        public Backend backend() {
            return backendFor(TangentRankClaims.class);
        }
    }

    @Nested
    class TangentSpectrum extends TangentSpectrumClaims {
        @Override
        public Backend backend() {
            return backendFor(TangentSpectrumClaims.class);
        }
    }

    @Nested
    class LazyFailure extends LazyFailureClaims {
        @Override
        public Backend backend() {
            return backendFor(LazyFailureClaims.class);
        }
    }

    @Nested
    class LazyLimit extends LazyLimitClaims {
        @Override
        public Backend backend() {
            return backendFor(LazyLimitClaims.class);
        }
    }

    @Nested
    class Variant extends VariantClaims {
        @Override
        public Backend backend() {
            return backendFor(VariantClaims.class);
        }

        /** C8's lazy column on the backend's own tangent space, when it has one (not judged otherwise). */
        @Override
        protected Backend lazyBackend() {
            Backend b = bound();
            return Capability.TANGENT_SPACE.supportedBy(b) ? b : null;
        }
    }

    @Nested
    class ScalingLaw extends ScalingLawClaims {
        @Override
        public Backend backend() {
            return backendFor(ScalingLawClaims.class);
        }

        @Override
        protected Backend studyBackend() {
            return paperScaleBackend();
        }

        @Override
        protected <T> T around(java.util.function.Supplier<T> study) {
            return atPaperScale(study);
        }
    }

    @Nested
    class Momentum extends MomentumClaims {
        @Override
        public Backend backend() {
            return backendFor(MomentumClaims.class);
        }
    }

    @Nested
    class PolarDynamics extends PolarDynamicsClaims {
        @Override
        public Backend backend() {
            return backendFor(PolarDynamicsClaims.class);
        }
    }

    @Nested
    class Differential extends DifferentialClaims {
        @Override
        public Backend backend() {
            return backendFor(DifferentialClaims.class);
        }
    }

    @Nested
    class ObjectiveContract extends ObjectiveContractClaims {
        @Override
        public Backend backend() {
            return backendFor(ObjectiveContractClaims.class);
        }
    }
}
