package org.beyondlazy.core.optim;

import org.beyondlazy.core.Check;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/**
 * Nesterov's accelerated gradient in the convex-case schedule (spec A4.3, form {@code nesterov-convex}):
 * y_k = w_k + ((k−1)/(k+2))(w_k − w_{k−1}), w_{k+1} = y_k − η∇f(y_k), with w_{−1} = w_0 and k = 0, 1, ….
 */
@SpecRef("A4.3")
public final class Nesterov implements Optimizer {
    private final double learningRate;
    private double[] gradient = new double[0];
    private double[] previous;
    private double[] lookahead;
    private int steps;

    /** @param learningRate η &gt; 0 */
    public Nesterov(double learningRate) {
        this.learningRate = Check.positive("learning rate", learningRate);
    }

    /** The momentum coefficient (k−1)/(k+2) of step k (A4.3). */
    public static double momentumAt(int k) {
        return (k - 1.0) / (k + 2.0);
    }

    @Override
    public double step(Objective objective, double[] theta) {
        if (previous == null) {
            previous = theta.clone(); // A4.3 step 0: w_{-1} = w_0
            gradient = new double[theta.length];
            lookahead = new double[theta.length];
        }
        double beta = momentumAt(steps);
        for (int p = 0; p < theta.length; p++) {
            lookahead[p] = theta[p] + beta * (theta[p] - previous[p]); // A4.3 step 1: y_k
        }
        double value = objective.valueAndGradient(lookahead, gradient); // A4.3 step 2: g = ∇f(y_k)
        for (int p = 0; p < theta.length; p++) {
            previous[p] = theta[p];
            theta[p] = lookahead[p] - learningRate * gradient[p]; // A4.3 step 3: w_{k+1} = y_k − η g
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
        return "nesterov-convex";
    }
}
