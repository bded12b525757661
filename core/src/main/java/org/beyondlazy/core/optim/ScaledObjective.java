package org.beyondlazy.core.optim;

import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;

/**
 * A framework's loss L = a·f (spec E9.14): value a·f(θ) and gradient a·∇f(θ) of another objective. With
 * a = 1 (½‖T − T*‖², {@code --loss half}), 2 (‖T − T*‖², {@code sum}) or 2/d^l (‖T − T*‖²/d^l, {@code mean}),
 * and the wrapped objective built with λ/a, L = a·½‖T − T*‖² + (λ/2)‖W‖², so λ keeps its meaning.
 */
@SpecRef("E9.14")
public final class ScaledObjective implements Objective {
    private final Objective objective;
    private final double scale;

    /**
     * @param objective f; not modified
     * @param scale     a &gt; 0
     */
    public ScaledObjective(Objective objective, double scale) {
        this.objective = objective;
        this.scale = org.beyondlazy.core.Check.positive("loss scale", scale);
    }

    @Override
    public Problem problem() {
        return objective.problem();
    }

    @Override
    public int parameterCount() {
        return objective.parameterCount();
    }

    @Override
    public double value(double[] theta) {
        return scale * objective.value(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double value = objective.valueAndGradient(theta, gradient);
        if (scale != 1) {
            for (int p = 0; p < gradient.length; p++) {
                gradient[p] *= scale;
            }
        }
        return scale * value;
    }

    @Override
    public double residualNorm(double[] theta) {
        return objective.residualNorm(theta);
    }
}
