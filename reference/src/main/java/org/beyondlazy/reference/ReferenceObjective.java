package org.beyondlazy.reference;

import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;

/**
 * The objective f(θ) = ½‖T(θ) − T*‖_F² + (λ/2)‖W‖_F² (spec E2.4) computed densely: form T(θ),
 * subtract T*, and contract. Cost O(m·d^l) per evaluation; meant for small sizes and as the oracle.
 */
@SpecRef("E2.4")
public final class ReferenceObjective implements Objective {
    private final Problem problem;
    private final DenseTensor truth;

    /** Materializes T* densely once (spec E2.10). */
    public ReferenceObjective(Problem problem) {
        this.problem = problem;
        this.truth = DenseTensor.of(problem.truth());
    }

    @Override
    public Problem problem() {
        return problem;
    }

    /** T* as a dense tensor (shared; do not modify). */
    public DenseTensor truthTensor() {
        return truth;
    }

    /** E = T(θ) − T* as a new tensor. */
    public DenseTensor residual(double[] theta) {
        problem.checkParameters(theta);
        return ReferenceModels.tensor(problem, theta).minus(truth);
    }

    @Override
    public double value(double[] theta) {
        DenseTensor residual = residual(theta); // E = T(θ) − T*
        double misfit = 0.5 * residual.inner(residual); // ½‖E‖²
        return misfit + 0.5 * problem.lambda() * ReferenceModels.weightsNormSquared(problem, theta); // + (λ/2)‖W‖²
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        DenseTensor residual = residual(theta);
        org.beyondlazy.core.Check.length("gradient", gradient, problem.parameterCount(), "|θ|");
        ReferenceModels.gradient(problem, theta, residual, gradient);
        return 0.5 * residual.inner(residual) + 0.5 * problem.lambda() * ReferenceModels.weightsNormSquared(problem, theta);
    }

    @Override
    public double residualNorm(double[] theta) {
        return residual(theta).norm();
    }
}
