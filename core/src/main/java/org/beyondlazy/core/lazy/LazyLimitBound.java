package org.beyondlazy.core.lazy;

import org.beyondlazy.core.SpecRef;

/**
 * The final-error bound of the lazy-limit comparison (spec E5.11): K steps of gradient descent with step
 * η on the linearized objective, started at w₀, leave a relative error err_lin with
 * ρ_lazy² ≤ err_lin² ≤ ρ_lazy² + (1 − ησ_r²)^{2K}(1 − ρ_lazy²), where σ_r is the smallest non-zero
 * singular value of the Jacobian (A5.1) and ησ₁² ≤ 1.
 */
@SpecRef("E5.11")
public final class LazyLimitBound {
    private LazyLimitBound() {
    }

    /**
     * The upper bound on err_lin² of E5.11.
     *
     * @param lazyResidual        ρ_lazy ∈ [0, 1]
     * @param step                η &gt; 0 with ησ₁² ≤ 1
     * @param smallestSingular    σ_r &gt; 0
     * @param steps               K ≥ 0
     */
    public static double linearizedErrorSquaredBound(double lazyResidual, double step, double smallestSingular, int steps) {
        double contraction = 1 - step * smallestSingular * smallestSingular; // per-step factor on the fitted part
        double rho2 = lazyResidual * lazyResidual;
        return rho2 + Math.pow(contraction, 2.0 * steps) * (1 - rho2);
    }
    /**
     * K*(ε) of E5.11: the smallest K with (1 − ησ_r²)^{2K} ≤ ε, after which the bound gives err_lin² ≤ ρ_lazy² + ε
     * (1 − ρ² ≤ 1). Integer.MAX_VALUE when it does not fit an int.
     *
     * @param epsilon          ε ∈ (0, 1)
     * @param step             η &gt; 0 with ησ_r² ≤ 1
     * @param smallestSingular σ_r &gt; 0
     */
    public static int stepsToWithin(double epsilon, double step, double smallestSingular) {
        double contraction = 1 - step * smallestSingular * smallestSingular;
        if (contraction <= 0) {
            return 1;
        }
        double steps = Math.ceil(Math.log(epsilon) / (2 * Math.log(contraction)));
        return steps >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(steps, 0);
    }
}
