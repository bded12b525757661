package org.beyondlazy.report;

import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Backends;
import org.beyondlazy.fast.Blas;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.properties.ConformanceKit;
import org.beyondlazy.properties.ClaimSettings;
import org.beyondlazy.properties.ConformanceKitTests;
import org.beyondlazy.properties.DifferentialClaims;
import org.beyondlazy.properties.GradientClaims;
import org.beyondlazy.properties.InvarianceClaims;
import org.beyondlazy.properties.MonotonicityClaims;
import org.beyondlazy.properties.ObjectiveContractClaims;
import org.beyondlazy.properties.ObjectiveIdentityClaims;
import org.beyondlazy.properties.TangentSpectrumClaims;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * The conformance kit bound for the audit: the whole kit ({@link ConformanceKit#SUITES}) on the
 * reference, and on the fast path the suites that judge an implementation rather than the mathematics
 * (C1–C4, the differential suite C14, the contract checks C15 and the kernel-form tangent space C16). The audit's claim verdicts come from these
 * very properties, run through the JUnit Platform Launcher; a suite added to the kit is audited on the
 * reference without a change here.
 */
public final class ReferenceSuites {
    private static final Backend REFERENCE = new ReferenceBackend();
    /** The fast path on the best available BLAS. */
    private static final Backend FAST = new GramBackend();

    private ReferenceSuites() {
    }

    /** Every bound suite the audit runs. */
    public static final List<Class<?>> SUITES = List.of(Reference.class, FastObjectiveIdentity.class, FastGradient.class,
            FastInvariance.class, FastMonotonicity.class, FastDifferential.class, FastObjectiveContract.class, FastTangentSpectrum.class);

    /**
     * The suites the audit runs: {@link #SUITES}, or, for a named implementation, the whole kit bound to it
     * ({@link Named}).
     *
     * @param implementation a registered backend name, or null
     */
    public static List<Class<?>> suites(String implementation) {
        return implementation == null ? SUITES : List.of(Named.class);
    }

    /**
     * The whole kit on the backend named by the configuration parameter {@value Backends#PROPERTY} (the
     * audit's {@code --implementation}); claims needing a capability it lacks are reported as not supported.
     */
    public static class Named extends ConformanceKitTests {
        @Override
        protected Backend backend() {
            return Backends.get(ClaimSettings.parameter(Backends.PROPERTY).orElse(Backends.DEFAULT));
        }
    }

    /**
     * The whole kit on the reference; C8's paper-scale scaling form (full profile only) runs its study on the
     * fast path, which C14 holds equal to the reference, on one BLAS thread per seed thread.
     */
    public static class Reference extends ConformanceKitTests {
        @Override
        protected Backend backend() {
            return REFERENCE;
        }

        @Override
        protected Backend paperScaleBackend() {
            return FAST;
        }

        /**
         * C6 (1680 tangent spaces of up to 220 × 220 per run) on the fast path's LAPACK SVD: the claim is about the
         * mathematics, and the fast path's packed tangent space equals the reference's (TangentSpaceDifferentialTest,
         * C16); on the reference's pure-Java SVD it was most of the quick audit's time.
         */
        @Override
        protected Backend backendFor(Class<? extends org.beyondlazy.properties.BackendUnderTest> suite) {
            return suite == org.beyondlazy.properties.LazyFailureClaims.class ? FAST : REFERENCE;
        }

        @Override
        protected <T> T atPaperScale(java.util.function.Supplier<T> measurement) {
            return Blas.singleThreaded(measurement);
        }
    }

    /** C1 on the fast path. */
    public static class FastObjectiveIdentity extends ObjectiveIdentityClaims {
        @Override
        public Backend backend() {
            return FAST;
        }
    }

    /** C2 on the fast path. */
    public static class FastGradient extends GradientClaims {
        @Override
        public Backend backend() {
            return FAST;
        }
    }

    /** C3 on the fast path. */
    public static class FastInvariance extends InvarianceClaims {
        @Override
        public Backend backend() {
            return FAST;
        }
    }

    /** C4 on the fast path. */
    public static class FastMonotonicity extends MonotonicityClaims {
        @Override
        public Backend backend() {
            return FAST;
        }
    }

    /** C14: the fast path against the reference oracle. */
    public static class FastDifferential extends DifferentialClaims {
        @Override
        public Backend backend() {
            return FAST;
        }
    }

    /** The objective contract on the fast path. */
    public static class FastObjectiveContract extends ObjectiveContractClaims {
        @Override
        public Backend backend() {
            return FAST;
        }
    }

    /** C16 on the fast path, where the kernel form of A8.1 is a route of its own (on the reference it is the SVD). */
    public static class FastTangentSpectrum extends TangentSpectrumClaims {
        @Override
        public Backend backend() {
            return FAST;
        }
    }
}
