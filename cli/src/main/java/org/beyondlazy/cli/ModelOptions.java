package org.beyondlazy.cli;

import java.nio.file.Path;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.npy.NpyArray;
import picocli.CommandLine.Option;

/** The model and its fixed inputs (spec E9.1): model name, signs (plain/homog), λ. */
@SpecRef("E9.1")
public final class ModelOptions {
    @Option(names = "--model", defaultValue = "plain", paramLabel = "plain|coef|homog",
            description = "Parameterization (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--signs", paramLabel = "s.npy", description = "Fixed signs ±1, shape (m,) (plain/homog; default all +1).")
    Path signs;

    @Option(names = "--lambda", defaultValue = "0", paramLabel = "λ", description = "Regularization λ >= 0 (default: ${DEFAULT-VALUE}).")
    double lambda;

    /** The parsed model name. */
    public ModelKind kind() {
        return Inputs.within("--model", () -> ModelKind.parse(model));
    }

    /** Builds the problem for width m after validating signs and λ. */
    public Problem problem(Truth truth, int width) {
        ModelKind kind = kind();
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw InputException.bad("--lambda", "must be finite and >= 0, found " + lambda);
        }
        double[] s = null;
        if (signs != null) {
            if (!kind.hasSigns()) {
                throw InputException.bad("--signs", "not allowed with --model coef (its coefficients are parameters)");
            }
            NpyArray a = Inputs.readSigns("--signs", signs);
            Inputs.requireNdim("--signs", signs, a, 1, "(m,) with m = " + width);
            Inputs.requireAxis("--signs", signs, a, 0, width, "(" + width + ",) (m = " + width + ")");
            s = a.data();
        }
        double[] finalSigns = s;
        return Inputs.within(signs != null ? Inputs.name("--signs", signs) : "problem",
                () -> new Problem(kind, width, finalSigns, lambda, truth));
    }
}
