package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.oracle.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy eval}: loss, residual norm and gradient norm of given parameters (spec E9.2, {@link Evaluation}). */
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
        Map<String, Object> result = new Evaluation(truthOptions.input(), modelOptions.input(), weights, coeffs, gradOut, coeffGradOut,
                implementation).run();
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return ExitStatus.OK;
    }
}
