package org.beyondlazy.core.optim;

import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/** Gradient descent w ← w − η ∇f(w) (spec A4.1): {@link UpdateForm.Gd} run in place. */
@SpecRef("A4.1")
public final class GradientDescent implements Optimizer {
    private final FormOptimizer run;

    /** @param learningRate η &gt; 0 */
    public GradientDescent(double learningRate) {
        this.run = new FormOptimizer(new UpdateForm.Gd(learningRate));
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
