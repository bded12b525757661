package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.HeapBudget;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.experiments.RuntimeComparison;
import org.beyondlazy.experiments.StepTiming;
import org.beyondlazy.reference.DenseTensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy bench}: times gradient-descent steps of the plain model on this machine (spec E9.11, {@link StepTiming}). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time GD steps (plain model) on this machine: warm-up, then the median over repetitions.",
                "Times the fast path by default (--implementation reference for the oracle) and prints the BLAS/LAPACK library",
                "and thread count. --compare numpy|torch times the same step in that runtime with the committed script",
                "bench/compare/gd_step.py (skipped with a message when the runtime is missing).",
                "gflops = the nominal flop count of E9.11 / time (factored: 3m²d + 4mrd; dense: 2md^l + 3m²d)."})
@SpecRef("E9.11")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--case", required = true, paramLabel = "factored|dense", description = "Truth given factored or dense.")
    String benchCase;

    @Option(names = "--dim", required = true, paramLabel = "d")
    int dim;

    @Option(names = "--width", required = true, paramLabel = "m")
    int width;

    @Option(names = "--rank", required = true, paramLabel = "r")
    int rank;

    @Option(names = "--order", required = true, paramLabel = "l")
    int order;

    @Option(names = "--steps", defaultValue = "10", paramLabel = "n", description = "Steps per repetition (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--repetitions", defaultValue = "5", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--implementation", defaultValue = "fast", paramLabel = "fast|reference",
            description = "Backend (default: ${DEFAULT-VALUE}).")
    String implementation;

    @Option(names = "--compare", paramLabel = "numpy|torch",
            description = "Also time the same step in numpy or PyTorch (bench/compare/gd_step.py) and print the ratios.")
    String compare;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!benchCase.equals("factored") && !benchCase.equals("dense")) {
            throw new InputException(ErrorCode.UNKNOWN_NAME, "--case", "unknown case '" + benchCase + "' (expected factored or dense)");
        }
        Inputs.within("--dim", () -> Check.atLeast("d", dim, 1));
        Inputs.within("--width", () -> Check.atLeast("m", width, 1));
        Inputs.within("--rank", () -> Check.atLeast("r", rank, 1));
        Inputs.within("--order", () -> Check.atLeast("l", order, 2));
        Inputs.within("--steps", () -> Check.atLeast("n", steps, 1));
        Inputs.within("--repetitions", () -> Check.atLeast("repetitions", repetitions, 1));
        if (compare != null && !compare.equals("numpy") && !compare.equals("torch")) {
            throw InputException.bad("--compare", "unknown runtime '" + compare + "' (expected numpy or torch)");
        }
        Backend backend = Inputs.within("--implementation", () -> Backends.get(implementation));
        if (benchCase.equals("dense") || backend.name().equals("reference")) {
            Inputs.within("--dim/--order", () -> Sizes.denseLength(dim, order)); // a dense d^l array is needed
            // the truth, T(θ) and the residual (the dense case also keeps the truth's build copy): refuse before allocating
            Inputs.within("--dim/--order", () -> {
                HeapBudget.requireDoubles("bench arrays (3 of d^l, d=" + dim + ", l=" + order + ")", 3 * Math.pow(dim, order));
                return null;
            });
        }
        double md = (double) width * dim;
        Inputs.within("--dim/--width/--rank", () -> {
            HeapBudget.requireDoubles("bench parameters and Gram matrices (m=" + width + ", d=" + dim + ", r=" + rank + ")",
                    (double) width * width + 8 * md + 4.0 * rank * width + 2.0 * rank * dim);
            return null;
        });
        FactoredTruth factored = Generators.truth(0, order, dim, Generators.constant(rank, 1.0), false);
        Truth truth = benchCase.equals("dense")
                ? new DenseTruth(order, dim, DenseTensor.of(factored).entries()) : factored;
        Problem problem = Problem.of(ModelKind.PLAIN, width, 0.0, truth);
        Objective objective = Inputs.within("--implementation", () -> backend.objective(problem));
        double[] theta0 = Generators.gaussian(Generators.rng(1), width, dim, 1.0 / Math.sqrt(dim));
        StepTiming.Result ms = StepTiming.time(objective, theta0, steps, repetitions);
        double flops = StepTiming.nominalFlops(benchCase.equals("factored"), dim, width, rank, order);
        Map<String, Object> runtime = backend.runtime();
        Map<String, Object> result = Outputs.map();
        result.put("msPerStepMedian", ms.median());
        result.put("msPerStepMin", ms.min());
        result.put("msPerStepMax", ms.max());
        result.put("gflops", flops / (ms.median() * 1e-3) / 1e9);
        result.put("nominalFlopsPerStep", flops);
        result.put("backend", backend.name());
        result.put("implementation", implementation);
        result.putAll(runtime);
        result.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        result.put("case", benchCase);
        result.put("dim", dim);
        result.put("width", width);
        result.put("rank", rank);
        result.put("order", order);
        result.put("steps", steps);
        result.put("repetitions", repetitions);
        if (compare != null) {
            int threads = ((Number) runtime.getOrDefault("threads", 1)).intValue();
            result.put("compare", RuntimeComparison.run(Path.of(System.getProperty("beyondlazy.root", ".")), compare,
                    new RuntimeComparison.Case(benchCase.equals("factored"), dim, width, rank, order, steps, repetitions, threads),
                    ms.median()));
        }
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return ExitStatus.OK;
    }
}
