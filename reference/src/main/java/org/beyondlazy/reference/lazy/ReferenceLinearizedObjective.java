package org.beyondlazy.reference.lazy;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceModels;

/**
 * The linearized objective of the plain model around w₀ (spec E5.6):
 * f̄(w) = ½‖T̄(w) − T*‖² + (λ/2)‖W‖², with the linearized model T̄(w) = T(w₀) + J(w₀)(w − w₀) (E5.4) and the
 * gradient ∇f̄(w) = Jᵀ(T̄(w) − T*) + λw (E5.5). Dense tensors, plain loops; cost O(m·l·d^l) per evaluation.
 */
@SpecRef({"E5.4", "E5.5", "E5.6"})
public final class ReferenceLinearizedObjective implements Objective {
    private final Problem problem;
    private final double[] theta0;
    private final DenseTensor truth;
    private final DenseTensor initialTensor;

    /**
     * @param problem a plain problem
     * @param theta0  w₀, m×d row-major; copied
     */
    public ReferenceLinearizedObjective(Problem problem, double[] theta0) {
        if (problem.model() != ModelKind.PLAIN) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "model of the linearized objective",
                    "plain (spec 05-lazy.md)", problem.model().id());
        }
        this.problem = problem;
        this.theta0 = problem.checkParameters(theta0).clone();
        this.truth = DenseTensor.of(problem.truth()); // T*, dense (E2.10)
        this.initialTensor = ReferenceModels.plainTensor(problem, this.theta0); // T(w₀) (E2.1)
    }

    @Override
    public Problem problem() {
        return problem;
    }

    /** w₀ (a copy). */
    public double[] initialPoint() {
        return theta0.clone();
    }

    /**
     * Spec E5.4: J(w₀)(Δ) = Σ_i s_i·l·Sym(w_i^{⊗(l−1)} ⊗ δ_i) = Σ_i s_i Σ_{k=1..l} w_i ⊗ … ⊗ δ_i (slot k) ⊗ … ⊗ w_i,
     * the derivative of Σ_i s_i w_i^{⊗l} in the direction Δ.
     *
     * @param delta Δ, m×d row-major; not modified
     * @return a new dense tensor of order l
     */
    @SpecRef("E5.4")
    public DenseTensor jacobian(double[] delta) {
        Check.length("direction", delta, problem.parameterCount(), "m×d");
        int l = problem.order();
        int d = problem.dim();
        DenseTensor out = new DenseTensor(l, d);
        double[] entries = out.entries();
        for (int i = 0; i < problem.width(); i++) {
            for (int offset = 0; offset < entries.length; offset++) {
                int[] index = out.indexOf(offset);
                double sum = 0;
                for (int k = 0; k < l; k++) { // slot k holds δ_i, the others w_i
                    double product = delta[i * d + index[k]];
                    for (int j = 0; j < l; j++) {
                        if (j != k) {
                            product *= theta0[i * d + index[j]];
                        }
                    }
                    sum += product;
                }
                entries[offset] += problem.sign(i) * sum; // J(Δ) += s_i Σ_k (…)
            }
        }
        return out;
    }

    /**
     * Spec E5.5: the adjoint on symmetric tensors, (Jᵀ E)_i = s_i·l·E(w_i^{⊗(l−1)}).
     *
     * @param residual E, symmetric, order l; not modified
     * @param out      output, m×d; overwritten
     */
    @SpecRef("E5.5")
    public void jacobianTranspose(DenseTensor residual, double[] out) {
        int l = problem.order();
        int d = problem.dim();
        for (int i = 0; i < problem.width(); i++) {
            double[] w = ReferenceModels.row(theta0, problem, i);
            double[] ew = residual.contract(w, l - 1); // E(w_i^{⊗(l−1)})
            for (int a = 0; a < d; a++) {
                out[i * d + a] = problem.sign(i) * l * ew[a]; // s_i l E(w_i^{⊗(l−1)})
            }
        }
    }

    /** Spec E5.4: T̄(w) = T(w₀) + J(w₀)(w − w₀), a new tensor; w is not modified. */
    @SpecRef("E5.4")
    public DenseTensor linearizedTensor(double[] theta) {
        problem.checkParameters(theta);
        double[] delta = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            delta[p] = theta[p] - theta0[p]; // Δ = w − w₀
        }
        DenseTensor moved = jacobian(delta); // J(w₀)(w − w₀)
        double[] entries = moved.entries();
        for (int k = 0; k < entries.length; k++) {
            entries[k] += initialTensor.entries()[k]; // + T(w₀)
        }
        return moved;
    }

    /** E = T̄(w) − T*, a new tensor. */
    public DenseTensor residual(double[] theta) {
        return linearizedTensor(theta).minus(truth);
    }

    @Override
    public double value(double[] theta) {
        DenseTensor residual = residual(theta); // E5.6 step 1: E = T̄(w) − T*
        return 0.5 * residual.inner(residual) + 0.5 * problem.lambda() * ReferenceModels.weightsNormSquared(problem, theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        Check.length("gradient", gradient, problem.parameterCount(), "m×d");
        DenseTensor residual = residual(theta); // E5.6 step 1: E = T̄(w) − T*
        jacobianTranspose(residual, gradient); // E5.6 step 2: Jᵀ E
        for (int p = 0; p < theta.length; p++) {
            gradient[p] += problem.lambda() * theta[p]; // E5.6 step 3: + λ w
        }
        return 0.5 * residual.inner(residual) + 0.5 * problem.lambda() * ReferenceModels.weightsNormSquared(problem, theta);
    }

    @Override
    public double residualNorm(double[] theta) {
        return residual(theta).norm();
    }
}
