package org.beyondlazy.core.optim;

import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/**
 * Polyak's heavy ball w_{k+1} = w_k − η∇f(w_k) + β(w_k − w_{k−1}), with w_{−1} = w_0 (spec A4.2):
 * {@link UpdateForm.HeavyBall} run in place.
 */
@SpecRef("A4.2")
public final class HeavyBall implements Optimizer {
    private final FormOptimizer run;

    /**
     * @param learningRate η &gt; 0
     * @param momentum     β ∈ [0, 1)
     */
    public HeavyBall(double learningRate, double momentum) {
        this.run = new FormOptimizer(new UpdateForm.HeavyBall(learningRate, momentum));
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
