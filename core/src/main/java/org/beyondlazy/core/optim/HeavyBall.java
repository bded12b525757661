package org.beyondlazy.core.optim;

import org.beyondlazy.core.Check;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/** Polyak's heavy ball w_{k+1} = w_k − η∇f(w_k) + β(w_k − w_{k−1}), with w_{−1} = w_0 (spec A4.2). */
@SpecRef("A4.2")
public final class HeavyBall implements Optimizer {
    private final double learningRate;
    private final double momentum;
    private double[] gradient = new double[0];
    private double[] previous;
    private int steps;

    /**
     * @param learningRate η &gt; 0
     * @param momentum     β ∈ [0, 1)
     */
    public HeavyBall(double learningRate, double momentum) {
        this.learningRate = Check.positive("learning rate", learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new org.beyondlazy.core.BeyondLazyException(org.beyondlazy.core.ErrorCode.INVALID_PARAMETER,
                    "momentum", "in [0, 1)", momentum);
        }
        this.momentum = momentum;
    }

    @Override
    public double step(Objective objective, double[] theta) {
        if (previous == null) {
            previous = theta.clone(); // A4.2 step 0: w_{-1} = w_0
            gradient = new double[theta.length];
        }
        double value = objective.valueAndGradient(theta, gradient); // A4.2 step 1: g = ∇f(w_k)
        for (int p = 0; p < theta.length; p++) {
            double current = theta[p];
            theta[p] = current - learningRate * gradient[p] + momentum * (current - previous[p]); // A4.2 step 2
            previous[p] = current;
        }
        Optimizer.requireFinite(form(), steps, theta);
        steps++;
        return value;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public String form() {
        return "heavy-ball";
    }
}
