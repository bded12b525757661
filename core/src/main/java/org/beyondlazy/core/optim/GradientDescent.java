package org.beyondlazy.core.optim;

import org.beyondlazy.core.Check;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/** Gradient descent w ← w − η ∇f(w) (spec A4.1). */
@SpecRef("A4.1")
public final class GradientDescent implements Optimizer {
    private final double learningRate;
    private double[] gradient = new double[0];
    private int steps;

    /** @param learningRate η &gt; 0 */
    public GradientDescent(double learningRate) {
        this.learningRate = Check.positive("learning rate", learningRate);
    }

    @Override
    public double step(Objective objective, double[] theta) {
        if (gradient.length != theta.length) {
            gradient = new double[theta.length];
        }
        double value = objective.valueAndGradient(theta, gradient); // A4.1 step 1: g = ∇f(w_k)
        for (int p = 0; p < theta.length; p++) {
            theta[p] -= learningRate * gradient[p]; // A4.1 step 2: w_{k+1} = w_k − η g
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
        return "gd";
    }
}
