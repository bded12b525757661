package org.beyondlazy.core;

import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.core.lazy.TangentSpectrum;

/**
 * An implementation of the spec's computations: the reference, the fast path, or another JVM
 * implementation under test by the conformance kit. Claims are written against this interface.
 *
 * <p>Threading: a backend may be shared between threads; the {@link Objective}s it returns are not
 * (one objective per thread). Register a backend by name through a {@link BackendProvider} service.
 */
public interface Backend {
    /** A short name for reports, e.g. {@code "reference"}. */
    String name();

    /**
     * What the backend's speed depends on, for {@code bench} and reports (spec E9.11): at least
     * {@code threads}, the threads its timed code may use; a native path adds the libraries it loaded
     * (e.g. {@code blas}, {@code lapack}). The default: one thread of plain Java.
     */
    default java.util.Map<String, Object> runtime() {
        return java.util.Map.of("threads", 1);
    }

    /** The objective of a problem; validates the problem against the backend's limits. */
    Objective objective(Problem problem);

    /**
     * The linearized objective of spec E5.6 around θ₀: f̄(w) = ½‖T(w₀) + J(w₀)(w − w₀) − T*‖² + (λ/2)‖W‖²,
     * with gradient Jᵀ(T̄(w) − T*) + λw (E5.4, E5.5). Plain model only (spec 05-lazy.md).
     *
     * @param theta0 w₀ (m×d row-major); copied
     * @throws BeyondLazyException {@link ErrorCode#UNSUPPORTED} when the backend does not implement the
     *         lazy-regime section (the default)
     */
    default Objective linearizedObjective(Problem problem, double[] theta0) {
        throw new BeyondLazyException(ErrorCode.UNSUPPORTED, name(), "the linearized objective (spec E5.6)");
    }

    /**
     * The tangent space V(W₀) of spec E5.7 with its numerical rank (A5.1) and lazy residual (A5.2).
     * Plain model only.
     *
     * @param theta0 W₀ (m×d row-major); copied
     * @throws BeyondLazyException {@link ErrorCode#UNSUPPORTED} when the backend does not implement the
     *         lazy-regime section (the default)
     */
    default TangentSpace tangentSpace(Problem problem, double[] theta0) {
        throw new BeyondLazyException(ErrorCode.UNSUPPORTED, name(), "the tangent space (spec E5.7)");
    }

    /**
     * The rank, singular values and lazy residual of the tangent space (spec E5.7) by whichever route the
     * backend computes fastest; by default {@link #tangentSpace}. A backend may answer from the kernel
     * JᵀJ (spec E8.10, A8.1) where forming the N(d,l) × m·d Jacobian is too costly.
     *
     * @param theta0 W₀ (m×d row-major); copied
     * @throws BeyondLazyException {@link ErrorCode#UNSUPPORTED} when the backend does not implement the lazy-regime section
     */
    default TangentSpectrum tangentSpectrum(Problem problem, double[] theta0) {
        return tangentSpace(problem, theta0);
    }
}
