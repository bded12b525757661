package org.beyondlazy.experiments.oracle;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;

/**
 * The request behind {@code beyondlazy eval} (spec E9.2): f = ½‖T − T*‖² + (λ/2)‖W‖², ‖T − T*‖_F, the relative
 * error and ‖∇f‖ at parameters read from files, on a backend chosen by name; optionally writes ∇f with respect
 * to W (or U), shape m×d, and ∂f/∂c, shape (m,), as {@code .npy} files. Every input and output is validated
 * before any computation (E9.7); prints nothing.
 *
 * @param truth          the truth T*
 * @param model          model, signs, λ
 * @param weights        W.npy, shape m×d (the directions U for coef)
 * @param coeffs         c.npy, shape (m,) (coef only), or null
 * @param gradOut        where to write ∇f with respect to W (or U), or null
 * @param coeffGradOut   where to write ∂f/∂c (coef only), or null
 * @param implementation the backend's registered name
 */
@SpecRef({"E9.2", "E9.7"})
public record Evaluation(TruthInput truth, ModelInput model, Path weights, Path coeffs, Path gradOut, Path coeffGradOut,
                         String implementation) {

    /**
     * Evaluates and writes the requested gradient files.
     *
     * @return the fields of the result in print order: loss, residualNorm, relativeError, gradNorm, then the problem
     * @throws BeyondLazyException a bad input (naming it), or {@link ErrorCode#NUMERICAL_FAILURE} for a non-finite result
     */
    public Map<String, Object> run() {
        OutputFiles.requireWritable("--grad-out", gradOut);
        OutputFiles.requireWritable("--coeff-grad-out", coeffGradOut);
        Truth t = truth.load();
        Parameters params = Parameters.load(t, model, weights, coeffs);
        Problem problem = params.problem();
        if (coeffGradOut != null && !problem.model().hasCoefficients()) {
            throw BeyondLazyException.invalid("--coeff-grad-out", "only allowed with --model coef");
        }
        Objective objective = BeyondLazyException.withInput("--implementation " + implementation,
                () -> Backends.get(implementation).objective(problem));
        double[] gradient = new double[problem.parameterCount()];
        double loss = objective.valueAndGradient(params.theta(), gradient);
        double residual = objective.residualNorm(params.theta());
        double gradNorm = 0;
        for (double g : gradient) {
            gradNorm += g * g;
        }
        gradNorm = Math.sqrt(gradNorm);
        if (!Double.isFinite(loss) || !Double.isFinite(gradNorm) || !Double.isFinite(residual)) {
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "evaluation",
                    "non-finite result (loss " + loss + ", gradient norm " + gradNorm + "); the parameters are too large");
        }
        if (gradOut != null) {
            OutputFiles.writeNpy("--grad-out", gradOut, Parameters.weightsOf(problem, gradient));
        }
        if (coeffGradOut != null) {
            OutputFiles.writeNpy("--coeff-grad-out", coeffGradOut, Parameters.coeffsOf(problem, gradient));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loss", loss);
        result.put("residualNorm", residual);
        result.put("relativeError", OutputFiles.jsonNumber(objective.relativeError(params.theta())));
        result.put("gradNorm", gradNorm);
        result.put("model", problem.model().id());
        result.put("order", problem.order());
        result.put("dim", problem.dim());
        result.put("width", problem.width());
        result.put("rank", t instanceof FactoredTruth f ? f.rank() : null);
        result.put("truth", t instanceof FactoredTruth ? "factored" : "dense");
        result.put("lambda", problem.lambda());
        result.put("implementation", implementation);
        return result;
    }
}
