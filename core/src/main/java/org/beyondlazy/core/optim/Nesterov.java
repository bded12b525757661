package org.beyondlazy.core.optim;

import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/**
 * Nesterov's accelerated gradient in the convex-case schedule (spec A4.3, form {@code nesterov-convex}):
 * y_k = w_k + ((k−1)/(k+2))(w_k − w_{k−1}), w_{k+1} = y_k − η∇f(y_k), with w_{−1} = w_0 and k = 0, 1, …;
 * {@link UpdateForm.NesterovConvex} run in place. {@link #step} returns f(y_k).
 */
@SpecRef("A4.3")
public final class Nesterov implements Optimizer {
    private final FormOptimizer run;

    /** @param learningRate η &gt; 0 */
    public Nesterov(double learningRate) {
        this.run = new FormOptimizer(new UpdateForm.NesterovConvex(learningRate));
    }

    /** The momentum coefficient (k−1)/(k+2) of step k (A4.3); see {@link UpdateForm.NesterovConvex#momentumAt}. */
    public static double momentumAt(int k) {
        return UpdateForm.NesterovConvex.momentumAt(k);
    }

    @Override
    public double step(Objective objective, double[] theta) {
        return run.step(objective, theta);
    }

    @Override
    public int steps() {
        return run.steps();
    }

    @Override
    public String form() {
        return run.form();
    }
}
