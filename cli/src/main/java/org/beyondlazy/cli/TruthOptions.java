package org.beyondlazy.cli;

import java.nio.file.Path;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.oracle.TruthInput;
import picocli.CommandLine.Option;

/** The truth T* given on the command line (spec E9.1): factors and coefficients, or a dense symmetric tensor ({@link TruthInput}). */
@SpecRef("E9.1")
public final class TruthOptions {
    @Option(names = "--order", required = true, paramLabel = "l", description = "Tensor order l >= 2.")
    int order;

    @Option(names = "--truth-factors", paramLabel = "U.npy", description = "Truth factors U*, shape r×d (rows u_j).")
    Path factors;

    @Option(names = "--truth-coeffs", paramLabel = "c.npy", description = "Truth coefficients c*, shape (r,); default all ones.")
    Path coeffs;

    @Option(names = "--truth-tensor", paramLabel = "T.npy",
            description = "Dense truth T*, shape d×…×d (l axes), symmetric within 1e-10·max(1, max|T|).")
    Path tensor;

    /** The parsed options; {@link TruthInput#load} validates and reads them. */
    public TruthInput input() {
        return new TruthInput(order, factors, coeffs, tensor);
    }
}
