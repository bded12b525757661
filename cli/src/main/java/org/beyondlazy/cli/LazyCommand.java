package org.beyondlazy.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.experiments.LazyResidualStudy;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.fast.TangentRoute;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.BeyondLazyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code beyondlazy lazy}: tangent rank and lazy residual for a random unit rank-one target and Gaussian
 * W₀ (spec E9.9), with the fast path's tangent space — the packed SVD (E8.8; A5.1, A5.2) or the kernel form
 * (E8.10, E8.11, A8.1), whichever costs fewer flops unless {@code --route} says — the expected rank (E5.8),
 * m* (E5.9) and the seeded instances of A5.3.
 */
@Command(name = "lazy", mixinStandardHelpOptions = true,
        description = "Tangent-space rank and lazy residual ρ_lazy for a random unit rank-one target u^{⊗l} "
                + "and Gaussian W₀ (entries N(0, 1/d)), over several trials.")
@SpecRef("E9.9")
public final class LazyCommand implements Callable<Integer> {
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

    @Option(names = "--route", defaultValue = "auto", paramLabel = "r", converter = RouteName.class,
            description = "packed (SVD of the N(d,l)×m·d Jacobian, E8.8), kernel (eigendecomposition of JᵀJ in block form, A8.1) "
                    + "or auto (the one with fewer flops; default: ${DEFAULT-VALUE}).")
    TangentRoute route;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BeyondLazyException.withInput("--dim", () -> org.beyondlazy.core.Check.atLeast("d", dim, 1));
        BeyondLazyException.withInput("--order", () -> org.beyondlazy.core.Check.atLeast("l", order, 2));
        BeyondLazyException.withInput("--width", () -> org.beyondlazy.core.Check.atLeast("m", width, 1));
        BeyondLazyException.withInput("--trials", () -> org.beyondlazy.core.Check.atLeast("k", trials, 1));
        long n = BeyondLazyException.withInput("--dim/--order", () -> Sizes.symmetricDimension(dim, order));
        boolean kernel = route.usesKernel(dim, order, width);
        route.checkSize(dim, order, width);
        warnWhenLong(route.estimatedSeconds(dim, order, width) * trials, kernel);
        // A5.3: a random unit u and W₀ with N(0, 1/d) entries, seed s + t; rank and residual by the chosen route
        LazyResidualStudy.Width w = LazyResidualStudy.run(route.on(new GramBackend()),
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
        result.put("route", kernel ? "kernel" : "packed");
        if (kernel) {
            result.put("residualSquareAccuracy", w.residualSquareAccuracy()); // A8.1: first-order estimate of |ρ̂² − ρ²|, worst trial
        }
        result.put("trials", trials);
        result.put("dim", dim);
        result.put("order", order);
        result.put("width", width);
        result.put("seed", seed);
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return ExitStatus.OK;
    }

    /** Sizes estimated to take longer than this get a warning on stderr before the work starts. */
    static final double WARN_SECONDS = 60;

    /** One line on stderr when the size will take long: the estimate, and how to make it smaller. */
    private void warnWhenLong(double seconds, boolean kernel) {
        if (seconds > WARN_SECONDS) {
            var err = spec.commandLine().getErr();
            err.println(String.format(java.util.Locale.ROOT, "beyondlazy lazy: warning: this size may take about %s on a machine like the "
                    + "project's (the %s route, %d trial(s), estimated from the size); fewer --trials or a smaller --width is faster",
                    seconds < 3600 ? Math.round(seconds / 60) + " min" : String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600),
                    kernel ? "kernel" : "packed", trials));
            err.flush();
        }
    }

    /** {@code --route auto|packed|kernel}. */
    static final class RouteName implements picocli.CommandLine.ITypeConverter<TangentRoute> {
        @Override
        public TangentRoute convert(String value) {
            for (TangentRoute r : TangentRoute.values()) {
                if (r.name().toLowerCase(java.util.Locale.ROOT).equals(value)) {
                    return r;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected auto, packed or kernel, found '" + value + "'");
        }
    }
}
