package org.beyondlazy.experiments.oracle;

import java.nio.file.Path;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.ParameterLayout;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.npy.NpyArray;

/**
 * Parameters read from files (spec E9.1): {@code --weights} W (m×d rows; the directions U for coef) and,
 * for coef, {@code --coeffs} c (m,), assembled into θ in the layout of E2.9.
 *
 * @param problem the problem of width m = rows of W
 * @param theta   θ in the layout of E2.9
 */
@SpecRef({"E9.1", "E2.9"})
public record Parameters(Problem problem, double[] theta) {

    /** Reads and validates W (and c), checks them against the truth, builds the problem. */
    public static Parameters load(Truth truth, ModelInput model, Path weights, Path coeffs) {
        ModelKind kind = model.kind();
        NpyArray w = NpyInputs.read("--weights", weights);
        NpyInputs.requireNdim("--weights", weights, w, 2, "m×d");
        NpyInputs.requireNonEmpty("--weights", weights, w);
        int m = w.shape()[0];
        if (w.shape()[1] != truth.dim()) {
            throw BeyondLazyException.about(ErrorCode.SHAPE_MISMATCH, NpyInputs.name("--weights", weights), "expected shape (" + m + ", "
                    + truth.dim() + ") (d = " + truth.dim() + " from the truth), found shape " + NpyInputs.shape(w));
        }
        double[] c = null;
        if (kind.hasCoefficients()) {
            if (coeffs == null) {
                throw BeyondLazyException.invalid("--coeffs", "required with --model coef (shape (m,) = (" + m + ",))");
            }
            NpyArray ca = NpyInputs.read("--coeffs", coeffs);
            NpyInputs.requireNdim("--coeffs", coeffs, ca, 1, "(m,) with m = " + m);
            NpyInputs.requireAxis("--coeffs", coeffs, ca, 0, m, "(" + m + ",) (m = rows of --weights)");
            c = ca.data();
        } else if (coeffs != null) {
            throw BeyondLazyException.invalid("--coeffs", "only allowed with --model coef (use --signs for fixed signs)");
        }
        Problem problem = model.problem(truth, m);
        return new Parameters(problem, assemble(problem, c, w.data()));
    }

    /** θ = W (plain, homog) or (c, U) (coef), per E2.9 ({@link ParameterLayout#theta}). */
    public static double[] assemble(Problem problem, double[] coeffs, double[] weights) {
        return ParameterLayout.theta(problem, coeffs, weights);
    }

    /** The m×d block of θ (W or U) as an array of shape (m, d). */
    public static NpyArray weightsOf(Problem p, double[] theta) {
        return NpyArray.of(new int[] {p.width(), p.dim()}, ParameterLayout.weights(p, theta));
    }

    /** The coefficients c of a coef θ as an array of shape (m,). */
    public static NpyArray coeffsOf(Problem p, double[] theta) {
        return NpyArray.of(new int[] {p.width()}, ParameterLayout.coeffs(p, theta));
    }
}
