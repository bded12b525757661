package org.beyondlazy.experiments.oracle;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.HeapBudget;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.experiments.RuntimeComparison;
import org.beyondlazy.experiments.StepTiming;
import org.beyondlazy.reference.DenseTensor;

/**
 * The request behind {@code beyondlazy bench} (spec E9.11): times plain-model GD steps ({@link StepTiming}) on a
 * seeded rank-r truth given factored or dense, and optionally the same step in numpy or PyTorch
 * ({@link RuntimeComparison}). Sizes whose arrays cannot fit in the heap are refused before any allocation.
 * Prints nothing.
 *
 * @param benchCase      factored or dense
 * @param dim            d >= 1
 * @param width          m >= 1
 * @param rank           r >= 1
 * @param order          l >= 2
 * @param steps          steps per repetition (>= 1)
 * @param repetitions    timed repetitions (>= 1)
 * @param implementation the backend's registered name
 * @param compare        numpy, torch, or null for no comparison
 * @param root           the project root (where the comparison script lives)
 */
@SpecRef("E9.11")
public record StepBench(String benchCase, int dim, int width, int rank, int order, int steps, int repetitions, String implementation,
                        String compare, Path root) {

    /**
     * Validates the sizes, builds the truth and times the steps.
     *
     * @return the fields in print order: the times, gflops, the backend's runtime description, the sizes, the comparison
     */
    public Map<String, Object> run() {
        if (!benchCase.equals("factored") && !benchCase.equals("dense")) {
            throw BeyondLazyException.about(ErrorCode.UNKNOWN_NAME, "--case", "unknown case '" + benchCase + "' (expected factored or dense)");
        }
        BeyondLazyException.withInput("--dim", () -> Check.atLeast("d", dim, 1));
        BeyondLazyException.withInput("--width", () -> Check.atLeast("m", width, 1));
        BeyondLazyException.withInput("--rank", () -> Check.atLeast("r", rank, 1));
        BeyondLazyException.withInput("--order", () -> Check.atLeast("l", order, 2));
        BeyondLazyException.withInput("--steps", () -> Check.atLeast("n", steps, 1));
        BeyondLazyException.withInput("--repetitions", () -> Check.atLeast("repetitions", repetitions, 1));
        if (compare != null && !compare.equals("numpy") && !compare.equals("torch")) {
            throw BeyondLazyException.invalid("--compare", "unknown runtime '" + compare + "' (expected numpy or torch)");
        }
        Backend backend = BeyondLazyException.withInput("--implementation", () -> Backends.get(implementation));
        requireHeap(backend);
        FactoredTruth factored = Generators.truth(0, order, dim, Generators.constant(rank, 1.0), false);
        Truth truth = benchCase.equals("dense") ? new DenseTruth(order, dim, DenseTensor.of(factored).entries()) : factored;
        Problem problem = Problem.of(ModelKind.PLAIN, width, 0.0, truth);
        Objective objective = BeyondLazyException.withInput("--implementation", () -> backend.objective(problem));
        double[] theta0 = Generators.gaussian(Generators.rng(1), width, dim, 1.0 / Math.sqrt(dim));
        StepTiming.Result ms = StepTiming.time(objective, theta0, steps, repetitions);
        double flops = StepTiming.nominalFlops(benchCase.equals("factored"), dim, width, rank, order);
        Map<String, Object> runtime = backend.runtime();
        Map<String, Object> result = new LinkedHashMap<>();
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
            result.put("compare", RuntimeComparison.run(root, compare,
                    new RuntimeComparison.Case(benchCase.equals("factored"), dim, width, rank, order, steps, repetitions, threads),
                    ms.median()));
        }
        return result;
    }

    /** Refuses, before allocating, sizes whose arrays cannot fit in the heap ({@link HeapBudget}). */
    private void requireHeap(Backend backend) {
        if (benchCase.equals("dense") || backend.name().equals("reference")) {
            BeyondLazyException.withInput("--dim/--order", () -> Sizes.denseLength(dim, order)); // a dense d^l array is needed
            // the truth, T(θ) and the residual (the dense case also keeps the truth's build copy)
            BeyondLazyException.withInput("--dim/--order", () -> {
                HeapBudget.requireDoubles("bench arrays (3 of d^l, d=" + dim + ", l=" + order + ")", 3 * Math.pow(dim, order));
                return null;
            });
        }
        double md = (double) width * dim;
        BeyondLazyException.withInput("--dim/--width/--rank", () -> {
            HeapBudget.requireDoubles("bench parameters and Gram matrices (m=" + width + ", d=" + dim + ", r=" + rank + ")",
                    (double) width * width + 8 * md + 4.0 * rank * width + 2.0 * rank * dim);
            return null;
        });
    }
}
