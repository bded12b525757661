package org.beyondlazy.experiments.oracle;

import java.nio.file.Path;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.npy.NpyArray;

/**
 * The model of an oracle command and its fixed inputs (spec E9.1).
 *
 * @param model  the model name (plain, coef, homog)
 * @param signs  {@code --signs} s.npy, fixed signs ±1 of shape (m,) (plain/homog only), or null for all +1
 * @param lambda the regularization λ (finite, >= 0)
 */
@SpecRef("E9.1")
public record ModelInput(String model, Path signs, double lambda) {
    /** The parsed model name; an unknown name is an error naming {@code --model}. */
    public ModelKind kind() {
        return BeyondLazyException.withInput("--model", () -> ModelKind.parse(model));
    }

    /** Builds the problem for width m after validating the signs and λ. */
    public Problem problem(Truth truth, int width) {
        ModelKind kind = kind();
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw BeyondLazyException.invalid("--lambda", "must be finite and >= 0, found " + lambda);
        }
        double[] s = null;
        if (signs != null) {
            if (!kind.hasSigns()) {
                throw BeyondLazyException.invalid("--signs", "not allowed with --model coef (its coefficients are parameters)");
            }
            NpyArray a = NpyInputs.readSigns("--signs", signs);
            NpyInputs.requireNdim("--signs", signs, a, 1, "(m,) with m = " + width);
            NpyInputs.requireAxis("--signs", signs, a, 0, width, "(" + width + ",) (m = " + width + ")");
            s = a.data();
        }
        double[] finalSigns = s;
        return BeyondLazyException.withInput(signs != null ? NpyInputs.name("--signs", signs) : "problem",
                () -> new Problem(kind, width, finalSigns, lambda, truth));
    }
}
