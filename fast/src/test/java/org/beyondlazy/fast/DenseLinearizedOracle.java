package org.beyondlazy.fast;

import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceModels;

/**
 * A dense oracle for the linearized plain model, written like the reference (dense tensors, plain
 * loops): T̄(w) = T(w₀) + J(w₀)(w − w₀) with J(w₀)(Δ) = Σ_i s_i Σ_k (δ_i in slot k, w₀_i elsewhere),
 * f̄ = ½‖T̄ − T*‖² + (λ/2)‖w‖², ∇f̄ = (s_i l E(w₀_i^{⊗(l−1)}))_i + λ w. Test code: the differential suite
 * compares {@link GramLinearizedObjective} with it.
 */
final class DenseLinearizedOracle implements Objective {
    private final Problem problem;
    private final double[] theta0;
    private final DenseTensor truth;
    private final DenseTensor initial;

    DenseLinearizedOracle(Problem problem, double[] theta0) {
        this.problem = problem;
        this.theta0 = theta0.clone();
        this.truth = DenseTensor.of(problem.truth());
        this.initial = ReferenceModels.plainTensor(problem, this.theta0); // T(w₀)
    }

    @Override
    public Problem problem() {
        return problem;
    }

    /** E = T(w₀) + J(w₀)(w − w₀) − T*. */
    DenseTensor residual(double[] theta) {
        problem.checkParameters(theta);
        int l = problem.order();
        int d = problem.dim();
        DenseTensor e = DenseTensor.of(l, d, initial.entries());
        double[] entries = e.entries();
        for (int i = 0; i < problem.width(); i++) {
            for (int offset = 0; offset < entries.length; offset++) {
                int[] index = e.indexOf(offset);
                double sum = 0;
                for (int k = 0; k < l; k++) { // slot k holds δ_i, the others w₀_i
                    double product = theta[i * d + index[k]] - theta0[i * d + index[k]];
                    for (int j = 0; j < l; j++) {
                        if (j != k) {
                            product *= theta0[i * d + index[j]];
                        }
                    }
                    sum += product;
                }
                entries[offset] += problem.sign(i) * sum;
            }
        }
        for (int k = 0; k < entries.length; k++) {
            entries[k] -= truth.entries()[k];
        }
        return e;
    }

    private double regularizer(double[] theta) {
        double s = 0;
        for (double x : theta) {
            s += x * x;
        }
        return 0.5 * problem.lambda() * s;
    }

    @Override
    public double value(double[] theta) {
        DenseTensor e = residual(theta);
        return 0.5 * e.inner(e) + regularizer(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        DenseTensor e = residual(theta);
        int l = problem.order();
        int d = problem.dim();
        for (int i = 0; i < problem.width(); i++) {
            double[] ew = e.contract(ReferenceModels.row(theta0, problem, i), l - 1); // E(w₀_i^{⊗(l−1)})
            for (int a = 0; a < d; a++) {
                gradient[i * d + a] = problem.sign(i) * l * ew[a] + problem.lambda() * theta[i * d + a];
            }
        }
        return 0.5 * e.inner(e) + regularizer(theta);
    }

    @Override
    public double residualNorm(double[] theta) {
        return residual(theta).norm();
    }
}
