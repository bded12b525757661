package org.beyondlazy.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code beyondlazy lazy}: tangent rank and lazy residual for a random unit rank-one target and Gaussian
 * W₀ (spec E9.9). The computations belong to the lazy-training issue (3); this command validates the
 * sizes, reports N(d,l) and m*, and delegates to a {@link LazyAnalysis}.
 */
@Command(name = "lazy", mixinStandardHelpOptions = true,
        description = "Tangent-space rank and lazy residual ρ_lazy for a random unit rank-one target u^{⊗l} "
                + "and Gaussian W₀ (entries N(0, 1/d)), over several trials.")
@SpecRef("E9.9")
public final class LazyCommand implements Callable<Integer> {
    /** The computations of issue 3, plugged in when available. */
    public interface LazyAnalysis {
        /** Rank of the Jacobian of the plain model at W₀ (m×d row-major) in order l. */
        int tangentRank(double[] w0, int width, int dim, int order);

        /** The formula for the generic rank (AH95). */
        long expectedRank(int dim, int order, int width);

        /** m* = smallest m whose expected rank is N(d,l). */
        int mStar(int dim, int order);

        /** ρ_lazy(W₀, T*) for T* = u^{⊗l}. */
        double lazyResidual(double[] w0, int width, double[] u, int order);
    }

    /** EXTENSION POINT (issue 3): set to the lazy module's implementation once merged. */
    static LazyAnalysis analysis = null;

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
        if (analysis == null) {
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "subcommand feature", "lazy",
                    "[not in this build: the lazy-training computations (issue 3) are not merged yet]");
        }
        Map<String, Object> result = Outputs.map();
        result.put("symmetricDimension", n);
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return Main.OK;
    }
}
