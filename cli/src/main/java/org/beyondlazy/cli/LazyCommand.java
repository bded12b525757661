package org.beyondlazy.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.core.lazy.TangentSpectrum;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.fast.KernelTangentSpace;
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
        if (kernel && block * block > MAX_KERNEL_ENTRIES) {
            throw InputException.bad("--dim/--width", "the kernel block (m·min(m,d))² = " + block + "² exceeds " + MAX_KERNEL_ENTRIES + " entries");
        }
        if (!kernel && n * (long) width * dim > MAX_JACOBIAN_ENTRIES) {
            throw InputException.bad("--dim/--order/--width", "the Jacobian matrix N(d,l)×m·d = " + n + "×" + ((long) width * dim)
                    + " exceeds " + MAX_JACOBIAN_ENTRIES + " entries");
        }
        GramBackend backend = new GramBackend();
        double accuracy = 0;
        int rank = -1;
        double sum = 0;
        double sumSquares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int t = 0; t < trials; t++) {
            // A5.3: a random unit u and W₀ with N(0, 1/d) entries, seed s + t
            LazyInstances.Instance inst = LazyInstances.rankOneTarget(seed + t, dim, order, width);
            Problem p = Problem.of(ModelKind.PLAIN, width, 0.0, inst.truth());
            TangentSpectrum v = kernel ? backend.kernelTangentSpace(p, inst.initialization(width))
                    : backend.tangentSpace(p, inst.initialization(width));
            if (t == 0) {
                rank = v.rank(); // A5.1
            }
            double rho = v.lazyResidual(inst.truth()); // A5.2 / A8.1 step 6
            if (v instanceof KernelTangentSpace k) {
                accuracy = Math.max(accuracy, k.residualSquareAccuracy());
            }
            sum += rho;
            sumSquares += rho * rho;
            min = Math.min(min, rho);
            max = Math.max(max, rho);
        }
        Map<String, Object> result = Outputs.map();
        result.put("tangentRank", rank);
        result.put("expectedRank", TangentRank.expectedRank(dim, order, width));
        result.put("symmetricDimension", n);
        result.put("mStar", TangentRank.threshold(dim, order));
        result.put("predictedMeanSquare", TangentRank.predictedMeanSquare(dim, order, width));
        result.put("residualMean", sum / trials);
        result.put("residualMeanSquare", sumSquares / trials);
        result.put("residualMin", min);
        result.put("residualMax", max);
        result.put("route", kernel ? "kernel" : "packed");
        if (kernel) {
            result.put("residualSquareAccuracy", accuracy); // A8.1: first-order bound on |ρ̂² − ρ²|, worst trial
        }
        result.put("trials", trials);
        result.put("dim", dim);
        result.put("order", order);
        result.put("width", width);
        result.put("seed", seed);
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return Main.OK;
    }
}
