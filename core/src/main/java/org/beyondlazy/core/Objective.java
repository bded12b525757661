package org.beyondlazy.core;

/**
 * The objective f(θ) = ½‖T(θ) − T*‖_F² + (λ/2)‖W‖_F² of one {@link Problem} (spec E2.4) and its
 * gradient (spec E2.5–E2.7). Implemented by the reference and by the fast path; every algorithm is
 * written against this interface.
 *
 * <p>Implementations may keep scratch buffers, so an instance is not thread-safe; create one
 * objective per thread.
 */
public interface Objective {
    /** The problem this objective evaluates. */
    Problem problem();

    /** Length of θ. */
    default int parameterCount() {
        return problem().parameterCount();
    }

    /**
     * f(θ).
     *
     * @param theta θ, length {@link #parameterCount()}; not modified
     */
    double value(double[] theta);

    /**
     * f(θ) and ∇f(θ).
     *
     * @param theta    θ; not modified
     * @param gradient output, length {@link #parameterCount()}; overwritten with ∇f(θ)
     * @return f(θ)
     */
    double valueAndGradient(double[] theta, double[] gradient);

    /**
     * ‖T(θ) − T*‖_F, without the regularizer (spec E1.6 numerator). Implementations compute it so
     * that it does not cancel catastrophically near a perfect fit where they can.
     *
     * @param theta θ; not modified
     */
    double residualNorm(double[] theta);

    /**
     * The relative error ‖T(θ) − T*‖_F / ‖T*‖_F (spec E1.6); +∞ when T* = 0 and the residual is not.
     *
     * @param theta θ; not modified
     */
    @SpecRef("E1.6")
    default double relativeError(double[] theta) {
        double residual = residualNorm(theta);
        double truthNorm = Math.sqrt(problem().truth().normSquared());
        return truthNorm > 0 ? residual / truthNorm : (residual == 0 ? 0.0 : Double.POSITIVE_INFINITY);
    }
}
