package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy eval}: loss, residual norm and gradient norm of given parameters (spec E9.2). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate f = ½‖T − T*‖² + (λ/2)‖W‖², ‖T − T*‖_F and ‖∇f‖ at given parameters.")
@SpecRef("E9.2")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    TruthOptions truthOptions;
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--weights", required = true, paramLabel = "W.npy", description = "Parameters W, shape m×d (rows; the directions U for coef).")
    Path weights;

    @Option(names = "--coeffs", paramLabel = "c.npy", description = "Coefficients c, shape (m,) (coef only).")
    Path coeffs;

    @Option(names = "--grad-out", paramLabel = "G.npy", description = "Write ∇f with respect to W (or U), shape m×d.")
    Path gradOut;

    @Option(names = "--coeff-grad-out", paramLabel = "g.npy", description = "Write ∂f/∂c, shape (m,) (coef only).")
    Path coeffGradOut;

    @Option(names = "--implementation", defaultValue = "reference", paramLabel = "name",
            description = "Backend: reference (default) or fast when available.")
    String implementation;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // validate everything before any computation (E9.7)
        Inputs.output("--grad-out", gradOut);
        Inputs.output("--coeff-grad-out", coeffGradOut);
        Truth truth = truthOptions.load();
        Parameters params = Parameters.load(truth, modelOptions, weights, coeffs);
        Problem problem = params.problem();
        if (coeffGradOut != null && !problem.model().hasCoefficients()) {
            throw InputException.bad("--coeff-grad-out", "only allowed with --model coef");
        }
        Objective objective = Inputs.within("--implementation " + implementation,
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
            Outputs.writeNpy("--grad-out", gradOut, Parameters.weightsOf(problem, gradient));
        }
        if (coeffGradOut != null) {
            Outputs.writeNpy("--coeff-grad-out", coeffGradOut, Parameters.coeffsOf(problem, gradient));
        }
        Map<String, Object> result = Outputs.map();
        result.put("loss", loss);
        result.put("residualNorm", residual);
        result.put("relativeError", Outputs.number(objective.relativeError(params.theta())));
        result.put("gradNorm", gradNorm);
        result.put("model", problem.model().id());
        result.put("order", problem.order());
        result.put("dim", problem.dim());
        result.put("width", problem.width());
        result.put("rank", truth instanceof FactoredTruth f ? f.rank() : null);
        result.put("truth", truth instanceof FactoredTruth ? "factored" : "dense");
        result.put("lambda", problem.lambda());
        result.put("implementation", implementation);
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return ExitStatus.OK;
    }
}
