package org.beyondlazy.core.variant;

import org.beyondlazy.core.SpecRef;

/**
 * Polar coordinates of the homog model's components and their velocities along gradient flow
 * (spec E7.2, E7.3). With w_i = ρ_i w̄_i and dw_i/dt = −∇_{w_i} f:
 * <ul>
 *   <li>dρ_i/dt = w̄_i · dw_i/dt = −w̄_i·∇_{w_i} f (chain rule, ρ = ‖w‖),</li>
 *   <li>dw̄_i/dt = P⊥_i (dw_i/dt)/ρ_i = −P⊥_i ∇_{w_i} f / ρ_i, P⊥_i = I − w̄_i w̄_iᵀ.</li>
 * </ul>
 * These hold for any differentiable f and only need the gradient, so they run on every backend. For the
 * homog objective (E2.7) they equal the closed forms (claim C12)
 * dρ_i/dt = ρ_i(2a_i G(w̄_i^{⊗l}) − λ) and dw̄_i/dt = a_i·l·P⊥_i G(w̄_i^{⊗(l−1)}) with G = T* − T,
 * provided here as functions of the contractions G(w̄^{⊗l}) and G(w̄^{⊗(l−1)}), which the caller computes.
 *
 * <p>All arrays: W is m×d row-major, the gradient has the same layout; nothing is modified.
 */
@SpecRef({"E7.2", "E7.3"})
public final class PolarDynamics {
    private PolarDynamics() {
    }

    /** ρ_i = ‖w_i‖ (row i of the m×d matrix {@code theta}). */
    public static double norm(double[] theta, int dim, int i) {
        double s = 0;
        for (int a = 0; a < dim; a++) {
            s += theta[i * dim + a] * theta[i * dim + a];
        }
        return Math.sqrt(s);
    }

    /** w̄_i = w_i/ρ_i as a fresh array of length d; requires ρ_i &gt; 0. */
    public static double[] direction(double[] theta, int dim, int i) {
        double rho = norm(theta, dim, i);
        double[] unit = new double[dim];
        for (int a = 0; a < dim; a++) {
            unit[a] = theta[i * dim + a] / rho;
        }
        return unit;
    }

    /**
     * E7.2, gradient form: dρ_i/dt = −w̄_i·∇_{w_i} f.
     *
     * @param theta    W, m×d
     * @param gradient ∇f at W, m×d
     */
    @SpecRef("E7.2")
    public static double radialVelocity(double[] theta, double[] gradient, int dim, int i) {
        double[] unit = direction(theta, dim, i); // w̄_i
        double s = 0;
        for (int a = 0; a < dim; a++) {
            s += unit[a] * gradient[i * dim + a]; // w̄_i·∇_{w_i} f
        }
        return -s;
    }

    /**
     * E7.3, gradient form: dw̄_i/dt = −P⊥_i ∇_{w_i} f / ρ_i, a fresh array of length d.
     *
     * @param theta    W, m×d
     * @param gradient ∇f at W, m×d
     */
    @SpecRef("E7.3")
    public static double[] directionVelocity(double[] theta, double[] gradient, int dim, int i) {
        double rho = norm(theta, dim, i); // ρ_i
        double[] unit = direction(theta, dim, i); // w̄_i
        double radial = 0;
        for (int a = 0; a < dim; a++) {
            radial += unit[a] * gradient[i * dim + a]; // w̄_i·∇
        }
        double[] v = new double[dim];
        for (int a = 0; a < dim; a++) {
            v[a] = -(gradient[i * dim + a] - radial * unit[a]) / rho; // −(∇ − (w̄·∇)w̄)/ρ
        }
        return v;
    }

    /**
     * E7.2, closed form for the homog model: dρ/dt = ρ(2a·G(w̄^{⊗l}) − λ).
     *
     * @param rho         ρ_i
     * @param sign        a_i
     * @param gFull       G(w̄_i^{⊗l}) with G = T* − T
     * @param lambda      λ
     */
    @SpecRef("E7.2")
    public static double radialVelocityClosedForm(double rho, double sign, double gFull, double lambda) {
        return rho * (2 * sign * gFull - lambda);
    }

    /**
     * E7.3, closed form for the homog model: dw̄/dt = a·l·P⊥ G(w̄^{⊗(l−1)}), a fresh array.
     *
     * @param unit    w̄_i, length d; not modified
     * @param sign    a_i
     * @param order   l
     * @param gVector G(w̄_i^{⊗(l−1)}), length d; not modified
     */
    @SpecRef("E7.3")
    public static double[] directionVelocityClosedForm(double[] unit, double sign, int order, double[] gVector) {
        double radial = 0;
        for (int a = 0; a < unit.length; a++) {
            radial += unit[a] * gVector[a]; // w̄·G(w̄^{⊗(l−1)}) = G(w̄^{⊗l})
        }
        double[] v = new double[unit.length];
        for (int a = 0; a < unit.length; a++) {
            v[a] = sign * order * (gVector[a] - radial * unit[a]); // a·l·P⊥ G(..)
        }
        return v;
    }
}
