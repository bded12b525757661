package org.beyondlazy.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.core.lazy.TangentSpectrum;
import org.beyondlazy.experiments.LazyResidualStudy;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
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
    /** Largest Jacobian matrix N(d,l) × m·d the command builds (doubles; ~160 MB). */
    static final long MAX_JACOBIAN_ENTRIES = 20_000_000L;
    /**
     * Largest kernel block (m·k)² of A8.1 the command decomposes (k = min(m, d)): 4000² doubles = 128 MB, plus
     * dsyevd's workspace of about twice that; about a minute of native LAPACK on 2 cores.
     */
    static final long MAX_KERNEL_ENTRIES = 16_000_000L;

    /** Which tangent-space computation to run. */
    enum Route { auto, packed, kernel }

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

    @Option(names = "--route", defaultValue = "auto", paramLabel = "r",
            description = "packed (SVD of the N(d,l)×m·d Jacobian, E8.8), kernel (eigendecomposition of JᵀJ in block form, A8.1) "
                    + "or auto (the one with fewer flops; default: ${DEFAULT-VALUE}).")
    Route route;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Inputs.within("--dim", () -> org.beyondlazy.core.Check.atLeast("d", dim, 1));
        Inputs.within("--order", () -> org.beyondlazy.core.Check.atLeast("l", order, 2));
        Inputs.within("--width", () -> org.beyondlazy.core.Check.atLeast("m", width, 1));
        Inputs.within("--trials", () -> org.beyondlazy.core.Check.atLeast("k", trials, 1));
        long n = Inputs.within("--dim/--order", () -> Sizes.symmetricDimension(dim, order));
        boolean kernel = route == Route.kernel || route == Route.auto && GramBackend.prefersKernel(dim, order, width);
        long block = (long) width * Math.min(width, dim);
        if (kernel && (double) block * block > MAX_KERNEL_ENTRIES) {
            throw InputException.bad("--dim/--width", "the kernel block (m·min(m,d))² = " + block + "² exceeds " + MAX_KERNEL_ENTRIES + " entries");
        }
        if (!kernel && (double) n * width * dim > MAX_JACOBIAN_ENTRIES) { // in double: the long product can overflow
            throw InputException.bad("--dim/--order/--width", "the Jacobian matrix N(d,l)×m·d = " + n + "×" + ((long) width * dim)
                    + " exceeds " + MAX_JACOBIAN_ENTRIES + " entries");
        }
        warnWhenLong(n, kernel, trials);
        // A5.3: a random unit u and W₀ with N(0, 1/d) entries, seed s + t; rank and residual by the chosen route
        LazyResidualStudy.Width w = LazyResidualStudy.run(route == Route.auto ? new GramBackend() : new RouteBackend(new GramBackend(), kernel),
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

    /**
     * Cost units per second of the tangent-space routes, in the unit of A8.1's route rule (packed: N·md·min(N, md);
     * kernel: (m·min(m, d))³). Measured on the project's 2-core machine under load (2026-12-02): d = 30, l = 3, m = 30,
     * one trial: packed 4.0·10⁹ units in 31.6 s wall, kernel 7.3·10⁸ units in 9.8 s wall (JVM start included).
     */
    static final double UNITS_PER_SECOND = 1e8;

    /** Sizes estimated to take longer than this get a warning on stderr before the work starts. */
    static final double WARN_SECONDS = 60;

    /** One line on stderr when the size will take long: the estimate, and how to make it smaller. */
    private void warnWhenLong(long n, boolean kernel, int trials) {
        double md = (double) width * dim;
        double mk = (double) width * Math.min(width, dim);
        double units = (kernel ? mk * mk * mk : n * md * Math.min(n, md)) * trials;
        double seconds = units / UNITS_PER_SECOND;
        if (seconds > WARN_SECONDS) {
            var err = spec.commandLine().getErr();
            err.println(String.format(java.util.Locale.ROOT, "beyondlazy lazy: warning: this size may take about %s on a machine like the "
                    + "project's (the %s route, %d trial(s), estimated from the size); fewer --trials or a smaller --width is faster",
                    duration(seconds), kernel ? "kernel" : "packed", trials));
            err.flush();
        }
    }

    private static String duration(double seconds) {
        if (seconds < 3600) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600);
    }

    /** The fast backend with its tangent-space route fixed by {@code --route} (the study asks for Backend#tangentSpectrum). */
    private record RouteBackend(GramBackend fast, boolean kernel) implements Backend {
        @Override
        public String name() {
            return fast.name() + (kernel ? "/kernel" : "/packed");
        }

        @Override
        public Objective objective(Problem problem) {
            return fast.objective(problem);
        }

        @Override
        public TangentSpace tangentSpace(Problem problem, double[] theta0) {
            return fast.tangentSpace(problem, theta0);
        }

        @Override
        public TangentSpectrum tangentSpectrum(Problem problem, double[] theta0) {
            return kernel ? fast.kernelTangentSpace(problem, theta0) : fast.tangentSpace(problem, theta0);
        }
    }
}
