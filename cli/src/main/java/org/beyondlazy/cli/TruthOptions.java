package org.beyondlazy.cli;

import org.beyondlazy.core.ErrorCode;
import java.nio.file.Path;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.npy.NpyArray;
import picocli.CommandLine.Option;

/** The truth T* given on the command line (spec E9.1): factors and coefficients, or a dense symmetric tensor. */
@SpecRef("E9.1")
public final class TruthOptions {
    /**
     * Symmetry tolerance of a float32/float16 dense truth in units of its round-off u (spec E1.7): entries
     * computed by another program summing in another order differ by a few u·max|T|; 64u leaves room for
     * sums of up to about 32 rounded terms and still rejects a tensor that is not symmetric (2^-18 for float32).
     */
    static final double LOW_PRECISION_SYMMETRY = 64;

    @Option(names = "--order", required = true, paramLabel = "l", description = "Tensor order l >= 2.")
    int order;

    @Option(names = "--truth-factors", paramLabel = "U.npy", description = "Truth factors U*, shape r×d (rows u_j).")
    Path factors;

    @Option(names = "--truth-coeffs", paramLabel = "c.npy", description = "Truth coefficients c*, shape (r,); default all ones.")
    Path coeffs;

    @Option(names = "--truth-tensor", paramLabel = "T.npy",
            description = "Dense truth T*, shape d×…×d (l axes), symmetric within 1e-10·max(1, max|T|).")
    Path tensor;

    /** Validates the options and reads the truth. */
    public Truth load() {
        if (order < 2) {
            throw InputException.bad("--order", "must be >= 2, found " + order);
        }
        if ((factors == null) == (tensor == null)) {
            throw InputException.bad("truth", "give exactly one of --truth-factors and --truth-tensor");
        }
        if (tensor != null) {
            if (coeffs != null) {
                throw InputException.bad("--truth-coeffs", "only allowed with --truth-factors");
            }
            NpyArray t = Inputs.read("--truth-tensor", tensor);
            String input = Inputs.name("--truth-tensor", tensor);
            if (t.ndim() != order) {
                throw new InputException(ErrorCode.SHAPE_MISMATCH, input, "expected " + order + " axes (d×…×d for --order " + order
                        + "), found shape " + Inputs.shape(t));
            }
            int d = t.shape()[0];
            for (int n : t.shape()) {
                if (n != d) {
                    throw new InputException(ErrorCode.SHAPE_MISMATCH, input, "expected equal axes d×…×d, found shape " + Inputs.shape(t));
                }
            }
            Inputs.requireNonEmpty("--truth-tensor", tensor, t);
            if (!"float64".equals(t.dtype())) {
                // E1.7: a low-precision tensor is symmetric to its round-off; its symmetric projection has the same gradient
                double tol = Math.max(DenseTruth.SYMMETRY_TOLERANCE, LOW_PRECISION_SYMMETRY * Inputs.unitRoundoff(t));
                return Inputs.within(input, () -> new DenseTruth(order, d, DenseTruth.symmetrized(order, d, t.data(), tol)));
            }
            return Inputs.within(input, () -> new DenseTruth(order, d, t.data()));
        }
        NpyArray u = Inputs.read("--truth-factors", factors);
        Inputs.requireNdim("--truth-factors", factors, u, 2, "r×d");
        Inputs.requireNonEmpty("--truth-factors", factors, u);
        int r = u.shape()[0];
        int d = u.shape()[1];
        double[] c;
        if (coeffs != null) {
            NpyArray ca = Inputs.read("--truth-coeffs", coeffs);
            Inputs.requireNdim("--truth-coeffs", coeffs, ca, 1, "(r,) with r = " + r + " (rows of --truth-factors)");
            Inputs.requireAxis("--truth-coeffs", coeffs, ca, 0, r, "(" + r + ",) (r = rows of --truth-factors)");
            c = ca.data();
        } else {
            c = new double[r];
            java.util.Arrays.fill(c, 1.0);
        }
        return Inputs.within(Inputs.name("--truth-factors", factors), () -> new FactoredTruth(order, d, r, u.data(), c));
    }
}
