package org.beyondlazy.core.optim;

import org.beyondlazy.core.Check;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/**
 * Gradient descent with the certified step of spec A4.6: at each iterate,
 * L₀ = L(θ, g, 0), L₁ = L(θ, g, 1/L₀) (spec E4.5) and η = fraction / L₁. Because L₁ ≥ L₀ the
 * segment to the next iterate stays inside B(θ, g, 1/L₀), where η ≤ 1/L₁ makes the descent lemma
 * hold: f(θ − ηg) ≤ f(θ) − (η/2)‖g‖².
 */
@SpecRef("A4.6")
public final class CertifiedStep implements Optimizer {
    private final double fraction;
    private double[] gradient = new double[0];
    private double lastStepSize = Double.NaN;
    private double lastGradientNormSquared = Double.NaN;
    private int steps;

    /** @param fraction the safety fraction in (0, 1] of 1/L₁ */
    public CertifiedStep(double fraction) {
        this.fraction = Check.positive("step fraction", fraction);
        if (fraction > 1) {
            throw new org.beyondlazy.core.BeyondLazyException(org.beyondlazy.core.ErrorCode.INVALID_PARAMETER,
                    "step fraction", "in (0, 1]", fraction);
        }
    }

    @Override
    public double step(Objective objective, double[] theta) {
        if (gradient.length != theta.length) {
            gradient = new double[theta.length];
        }
        double value = objective.valueAndGradient(theta, gradient); // A4.6 step 1: g = ∇f(θ)
        double norm2 = 0;
        for (double g : gradient) {
            norm2 += g * g;
        }
        if (norm2 == 0) { // A4.6 step 1': a stationary point is left where it is (η = 0)
            lastStepSize = 0;
            lastGradientNormSquared = 0;
            steps++;
            return value;
        }
        double l0 = SmoothnessBound.over(objective.problem(), theta, gradient, 0.0); // A4.6 step 2: L₀
        double l1 = SmoothnessBound.over(objective.problem(), theta, gradient, 1.0 / l0); // A4.6 step 3: L₁
        double eta = fraction / l1; // A4.6 step 4: η = fraction / L₁
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new org.beyondlazy.core.BeyondLazyException(org.beyondlazy.core.ErrorCode.DIVERGED,
                    form(), steps, "certified step size " + eta + " (L0=" + l0 + ", L1=" + l1 + ")");
        }
        for (int p = 0; p < theta.length; p++) {
            theta[p] -= eta * gradient[p]; // A4.6 step 5: θ ← θ − η g
        }
        Optimizer.requireFinite(form(), steps, theta);
        lastStepSize = eta;
        lastGradientNormSquared = norm2;
        steps++;
        return value;
    }

    /** η of the last step. */
    public double lastStepSize() {
        return lastStepSize;
    }

    /** ‖g‖² of the last step. */
    public double lastGradientNormSquared() {
        return lastGradientNormSquared;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public String form() {
        return "gd-certified";
    }
}
