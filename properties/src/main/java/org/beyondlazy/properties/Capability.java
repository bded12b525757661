package org.beyondlazy.properties;

import java.util.Collection;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.junit.jupiter.api.Assumptions;

/**
 * What a backend must implement for a suite to judge its claims. {@link #OBJECTIVE} is mandatory
 * ({@link Backend#objective}); the lazy-regime section (spec 05-lazy.md) is optional: a backend without
 * it throws {@link ErrorCode#UNSUPPORTED}, and the kit reports the claims that need it as "not
 * supported" (a JUnit assumption: aborted, not failed).
 */
public enum Capability {
    /** {@link Backend#objective}: every backend. */
    OBJECTIVE,
    /** {@link Backend#linearizedObjective} (spec E5.6). */
    LINEARIZED_OBJECTIVE,
    /** {@link Backend#tangentSpace} (spec E5.7, A5.1, A5.2). */
    TANGENT_SPACE;

    /**
     * Whether {@code backend} implements this capability: calls it once on a tiny plain problem
     * (l = 2, d = 2, m = 1) and reports {@code false} exactly when it throws {@link ErrorCode#UNSUPPORTED}.
     * Any other exception propagates (a broken capability is a failure, not "not supported").
     */
    public boolean supportedBy(Backend backend) {
        Problem tiny = Problem.of(ModelKind.PLAIN, 1, 0.0, new FactoredTruth(2, 2, 1, new double[] {1, 0}, new double[] {1}));
        double[] w0 = {0.6, 0.8};
        try {
            switch (this) {
                case OBJECTIVE -> backend.objective(tiny);
                case LINEARIZED_OBJECTIVE -> backend.linearizedObjective(tiny, w0);
                case TANGENT_SPACE -> backend.tangentSpace(tiny, w0);
            }
            return true;
        } catch (BeyondLazyException e) {
            if (e.code() == ErrorCode.UNSUPPORTED) {
                return false;
            }
            throw e;
        }
    }

    /** Aborts the running test ("not supported: …") unless {@code backend} has every capability of {@code needs}. */
    public static void assumeSupported(Backend backend, Collection<Capability> needs) {
        for (Capability c : needs) {
            Assumptions.assumeTrue(c.supportedBy(backend), () -> notSupported(backend, c));
        }
    }

    /** As {@link #assumeSupported(Backend, Collection)} for one capability. */
    public void assumeSupportedBy(Backend backend) {
        Assumptions.assumeTrue(supportedBy(backend), () -> notSupported(backend, this));
    }

    /** The message of an aborted claim: starts with {@value #NOT_SUPPORTED}. */
    static String notSupported(Backend backend, Capability c) {
        return NOT_SUPPORTED + backend.name() + " does not implement " + c;
    }

    /** Prefix of the abort message of a claim that needs a missing capability (reports key on it). */
    public static final String NOT_SUPPORTED = "not supported: ";
}
