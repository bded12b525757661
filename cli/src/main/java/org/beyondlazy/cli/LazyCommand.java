package org.beyondlazy.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.experiments.LazyResidualStudy;
import org.beyondlazy.reference.ReferenceBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code beyondlazy lazy}: tangent rank and lazy residual for a random unit rank-one target and Gaussian
 * W₀ (spec E9.9), with the reference's tangent space (A5.1, A5.2), the expected rank (E5.8), m* (E5.9)
 * and the seeded instances of A5.3.
 */
@Command(name = "lazy", mixinStandardHelpOptions = true,
        description = "Tangent-space rank and lazy residual ρ_lazy for a random unit rank-one target u^{⊗l} "
                + "and Gaussian W₀ (entries N(0, 1/d)), over several trials.")
@SpecRef("E9.9")
public final class LazyCommand implements Callable<Integer> {
    /** Largest Jacobian matrix N(d,l) × m·d the command builds (doubles; ~160 MB). */
    static final long MAX_JACOBIAN_ENTRIES = 20_000_000L;

    @Mixin
    CommonOptions common;

    @Option(names = "--dim", required = true, paramLabel = "d", description = "Dimension d >= 1.")
    int dim;

    @Option(names = "--order", required = true, paramLabel = "l", description = "Order l >= 2.")
    int order;

    @Option(names = "--width", required = true, paramLabel = "m", description = "Width m >= 1.")
    int width;

    @Option(names = "--trials", defaultValue = "10", paramLabel = "k", description = "Trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "s", description = "Seed of the first trial; trial t uses s + t (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Inputs.within("--dim", () -> org.beyondlazy.core.Check.atLeast("d", dim, 1));
        Inputs.within("--order", () -> org.beyondlazy.core.Check.atLeast("l", order, 2));
        Inputs.within("--width", () -> org.beyondlazy.core.Check.atLeast("m", width, 1));
        Inputs.within("--trials", () -> org.beyondlazy.core.Check.atLeast("k", trials, 1));
        long n = Inputs.within("--dim/--order", () -> Sizes.symmetricDimension(dim, order));
        Inputs.within("--dim/--order", () -> Sizes.denseLength(dim, order));
        if (n * (long) width * dim > MAX_JACOBIAN_ENTRIES) {
            throw InputException.bad("--dim/--order/--width", "the Jacobian matrix N(d,l)×m·d = " + n + "×" + ((long) width * dim)
                    + " exceeds " + MAX_JACOBIAN_ENTRIES + " entries");
        }
        // A5.3: a random unit u and W₀ with N(0, 1/d) entries, seed s + t; A5.1 rank, A5.2 residual
        LazyResidualStudy.Width w = LazyResidualStudy.run(new ReferenceBackend(),
                new LazyResidualStudy.Spec(dim, order, new int[] {width}, seed, trials)).widths().get(0);
        Map<String, Object> result = Outputs.map();
        result.put("tangentRank", w.ranks()[0]);
        result.put("expectedRank", w.expectedRank());
        result.put("symmetricDimension", n);
        result.put("mStar", TangentRank.threshold(dim, order));
        result.put("predictedMeanSquare", w.predictedMeanSquare());
        result.put("residualMean", w.mean());
        result.put("residualMeanSquare", w.meanSquare());
        result.put("residualMin", w.min());
        result.put("residualMax", w.max());
        result.put("trials", trials);
        result.put("dim", dim);
        result.put("order", order);
        result.put("width", width);
        result.put("seed", seed);
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return ExitStatus.OK;
    }
}
