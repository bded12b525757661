package org.beyondlazy.experiments.oracle;

import java.nio.file.Path;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.npy.NpyArray;

/**
 * The truth T* of an oracle command (spec E9.1): factors U* (r×d rows) with optional coefficients c* (r,), or
 * a dense symmetric tensor (d×…×d, l axes). Exactly one of {@code factors} and {@code tensor} is given.
 *
 * @param order   the order l (>= 2)
 * @param factors {@code --truth-factors} U.npy, or null
 * @param coeffs  {@code --truth-coeffs} c.npy (factors only; default all ones), or null
 * @param tensor  {@code --truth-tensor} T.npy, or null
 */
@SpecRef({"E9.1", "E1.7"})
public record TruthInput(int order, Path factors, Path coeffs, Path tensor) {
    /**
     * Symmetry tolerance of a float32/float16 dense truth in units of its round-off u (spec E1.7): entries
     * computed by another program summing in another order differ by a few u·max|T|; 64u leaves room for
     * sums of up to about 32 rounded terms and still rejects a tensor that is not symmetric (2^-18 for float32).
     */
    public static final double LOW_PRECISION_SYMMETRY = 64;

    /** Validates the inputs and reads the truth; every error names the option and file. */
    public Truth load() {
        if (order < 2) {
            throw BeyondLazyException.invalid("--order", "must be >= 2, found " + order);
        }
        if ((factors == null) == (tensor == null)) {
            throw BeyondLazyException.invalid("truth", "give exactly one of --truth-factors and --truth-tensor");
        }
        return tensor != null ? loadDense() : loadFactored();
    }

    private Truth loadDense() {
        if (coeffs != null) {
            throw BeyondLazyException.invalid("--truth-coeffs", "only allowed with --truth-factors");
        }
        NpyArray t = NpyInputs.read("--truth-tensor", tensor);
        String input = NpyInputs.name("--truth-tensor", tensor);
        if (t.ndim() != order) {
            throw BeyondLazyException.about(ErrorCode.SHAPE_MISMATCH, input, "expected " + order + " axes (d×…×d for --order " + order
                    + "), found shape " + NpyInputs.shape(t));
        }
        int d = t.shape()[0];
        for (int n : t.shape()) {
            if (n != d) {
                throw BeyondLazyException.about(ErrorCode.SHAPE_MISMATCH, input, "expected equal axes d×…×d, found shape "
                        + NpyInputs.shape(t));
            }
        }
        NpyInputs.requireNonEmpty("--truth-tensor", tensor, t);
        if (!"float64".equals(t.dtype())) {
            // E1.7: a low-precision tensor is symmetric to its round-off; its symmetric projection has the same gradient
            double tol = Math.max(DenseTruth.SYMMETRY_TOLERANCE, LOW_PRECISION_SYMMETRY * NpyInputs.unitRoundoff(t));
            return BeyondLazyException.withInput(input, () -> new DenseTruth(order, d, DenseTruth.symmetrized(order, d, t.data(), tol)));
        }
        return BeyondLazyException.withInput(input, () -> new DenseTruth(order, d, t.data()));
    }

    private Truth loadFactored() {
        NpyArray u = NpyInputs.read("--truth-factors", factors);
        NpyInputs.requireNdim("--truth-factors", factors, u, 2, "r×d");
        NpyInputs.requireNonEmpty("--truth-factors", factors, u);
        int r = u.shape()[0];
        int d = u.shape()[1];
        double[] c;
        if (coeffs != null) {
            NpyArray ca = NpyInputs.read("--truth-coeffs", coeffs);
            NpyInputs.requireNdim("--truth-coeffs", coeffs, ca, 1, "(r,) with r = " + r + " (rows of --truth-factors)");
            NpyInputs.requireAxis("--truth-coeffs", coeffs, ca, 0, r, "(" + r + ",) (r = rows of --truth-factors)");
            c = ca.data();
        } else {
            c = new double[r];
            java.util.Arrays.fill(c, 1.0);
        }
        return BeyondLazyException.withInput(NpyInputs.name("--truth-factors", factors), () -> new FactoredTruth(order, d, r, u.data(), c));
    }
}
