package org.beyondlazy.cli.audit;

import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.properties.GradientClaims;
import org.beyondlazy.properties.InvarianceClaims;
import org.beyondlazy.properties.LazyFailureClaims;
import org.beyondlazy.properties.LazyLimitClaims;
import org.beyondlazy.properties.MomentumClaims;
import org.beyondlazy.properties.MonotonicityClaims;
import org.beyondlazy.properties.SmoothnessBoundClaims;
import org.beyondlazy.properties.TangentRankClaims;
import org.beyondlazy.properties.VariantClaims;
import org.beyondlazy.properties.ObjectiveIdentityClaims;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * The conformance-kit suites bound to the reference backend and to the fast path, for the audit. The audit's claim verdicts
 * come from these very properties, run through the JUnit Platform Launcher.
 *
 * <p>EXTENSION POINT: when an issue adds a claim suite to the properties module, add a binding here
 * (a public static subclass) and list it in {@link #SUITES}; the audit reports a claim whose status is
 * {@code tested} but which has no bound property as "not run", which fails the audit.
 */
public final class ReferenceSuites {
    private static final Backend REFERENCE = new ReferenceBackend();

    private ReferenceSuites() {
    }

    /** Every bound suite the audit runs. */
    public static final List<Class<?>> SUITES = List.of(ObjectiveIdentity.class, Gradient.class, Invariance.class,
            Monotonicity.class, SmoothnessBound.class, Variant.class, TangentRank.class, LazyFailure.class, LazyLimit.class, Momentum.class,
            FastObjectiveIdentity.class, FastGradient.class, FastInvariance.class, FastMonotonicity.class);

    /** C4's smoothness-bound properties on the reference. */
    public static class SmoothnessBound extends SmoothnessBoundClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    /** C8, C9, C10, C13 on the reference, with C8's lazy-residual column on the reference's tangent space. */
    public static class Variant extends VariantClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }

        @Override
        protected Backend lazyBackend() {
            return REFERENCE;
        }
    }

    /** C5 on the reference (issue 3). */
    public static class TangentRank extends TangentRankClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    /** C6 on the reference (issue 3). */
    public static class LazyFailure extends LazyFailureClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    /** C7 on the reference (issue 3). */
    public static class LazyLimit extends LazyLimitClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    /** C11 on the reference (issue 3). */
    public static class Momentum extends MomentumClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    /** The fast path (issue 5) on the best available BLAS. */
    private static final Backend FAST = new GramBackend();

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

    /** C1 on the reference. */
    public static class ObjectiveIdentity extends ObjectiveIdentityClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    /** C2 on the reference. */
    public static class Gradient extends GradientClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    /** C3 on the reference. */
    public static class Invariance extends InvarianceClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }

    /** C4 on the reference. */
    public static class Monotonicity extends MonotonicityClaims {
        @Override
        public Backend backend() {
            return REFERENCE;
        }
    }
}
