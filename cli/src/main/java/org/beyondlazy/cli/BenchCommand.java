package org.beyondlazy.cli;

import org.beyondlazy.core.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.HeapBudget;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.reference.DenseTensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code beyondlazy bench}: times gradient-descent steps of the plain model on this machine (spec E9.11).
 * Warm-up, then the median over repetitions. A quick check for users; JMH (module bench) is the tool
 * for tuning.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time GD steps (plain model) on this machine: warm-up, then the median over repetitions.",
                "Times the fast path by default (--implementation reference for the oracle) and prints the BLAS/LAPACK library",
                "and thread count. --compare numpy|torch times the same step in that runtime with the committed script",
                "bench/compare/gd_step.py (skipped with a message when the runtime is missing).",
                "gflops = the nominal flop count of E9.11 / time (factored: 3m²d + 4mrd; dense: 2md^l + 3m²d)."})
@SpecRef("E9.11")
public final class BenchCommand implements Callable<Integer> {
    /** Learning rate of the timed steps: small so that the iterates stay finite; its value does not affect the cost. */
    static final double BENCH_LR = 1e-6;
    /** Warm-up: at least this many untimed repetitions ... */
    static final int WARMUP_REPETITIONS = 3;
    /** ... and at least this long (JIT compilation of the hot loops). */
    static final double WARMUP_MS = 500;

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

    /** The comparison script, relative to the project root. */
    static final String COMPARE_SCRIPT = "bench/compare/gd_step.py";
    /** Longest a comparison run may take before it is abandoned. */
    static final long COMPARE_TIMEOUT_SECONDS = 900;

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
        // warm-up, untimed (JIT compilation): at least WARMUP_REPETITIONS repetitions and WARMUP_MS milliseconds
        double warm = 0;
        for (int k = 0; k < WARMUP_REPETITIONS || warm < WARMUP_MS; k++) {
            warm += timeSteps(objective, theta0);
        }
        double[] ms = new double[repetitions];
        for (int k = 0; k < repetitions; k++) {
            ms[k] = timeSteps(objective, theta0) / steps;
        }
        Arrays.sort(ms);
        double median = repetitions % 2 == 1 ? ms[repetitions / 2] : 0.5 * (ms[repetitions / 2 - 1] + ms[repetitions / 2]);
        double flops = nominalFlops(benchCase, dim, width, rank, order);
        Map<String, Object> result = Outputs.map();
        result.put("msPerStepMedian", median);
        result.put("msPerStepMin", ms[0]);
        result.put("msPerStepMax", ms[repetitions - 1]);
        result.put("gflops", flops / (median * 1e-3) / 1e9);
        result.put("nominalFlopsPerStep", flops);
        result.put("backend", backend.name());
        result.put("implementation", implementation);
        result.put("threads", threads(backend));
        if (backend instanceof org.beyondlazy.fast.GramBackend g) {
            result.put("blas", org.beyondlazy.fast.Blas.describe(g.blas()));
            result.put("lapack", g.lapack().describe());
        }
        result.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        result.put("case", benchCase);
        result.put("dim", dim);
        result.put("width", width);
        result.put("rank", rank);
        result.put("order", order);
        result.put("steps", steps);
        result.put("repetitions", repetitions);
        if (compare != null) {
            result.put("compare", compare(median, threads(backend)));
        }
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return ExitStatus.OK;
    }

    /**
     * Threads the timed code may use (E9.11): 1 for the reference and the pure-Java BLAS; for native
     * OpenBLAS its OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS), else the available processors (its default).
     */
    static int threads(Backend backend) {
        if (backend instanceof org.beyondlazy.fast.GramBackend g && g.blas() instanceof dev.ludovic.netlib.blas.NativeBLAS) {
            return org.beyondlazy.fast.Blas.library().threads();
        }
        return 1;
    }

    /**
     * Runs the comparison script for {@link #compare} with the same sizes, steps, repetitions and thread
     * count, and returns its result with {@code ratio} = their median / ours per form (above 1: we are
     * faster). A missing runtime or script gives {@code {"skipped": reason}}; nothing is thrown.
     */
    private Map<String, Object> compare(double ourMedian, int threads) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("beyondlazy.root", "."));
        java.nio.file.Path script = root.resolve(COMPARE_SCRIPT);
        if (!java.nio.file.Files.isRegularFile(script)) {
            out.put("skipped", "comparison script " + script + " not found");
            return out;
        }
        // Debian's python3-torch serves /usr/bin/python3; numpy is usually on the first python3 of the PATH
        List<String> pythons = compare.equals("torch") ? List.of("/usr/bin/python3", "python3") : List.of("python3", "/usr/bin/python3");
        String reason = "no python3 found";
        for (String python : pythons) {
            List<String> command = List.of(python, script.toString(), "--runtime", compare, "--case", benchCase,
                    "--dim", Integer.toString(dim), "--width", Integer.toString(width), "--rank", Integer.toString(rank),
                    "--order", Integer.toString(order), "--steps", Integer.toString(steps),
                    "--repetitions", Integer.toString(repetitions), "--threads", Integer.toString(threads));
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
                pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
                Process p = pb.start();
                String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (!p.waitFor(COMPARE_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    reason = python + ": timed out";
                    continue;
                }
                if (p.exitValue() != 0 || text.isBlank()) {
                    reason = python + " exited " + p.exitValue();
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode j = Outputs.JSON.readTree(text.lines().reduce((a, b) -> b).orElse("{}"));
                if (j.has("skipped")) {
                    reason = j.get("skipped").asText();
                    continue;
                }
                out.put("runtime", j.path("runtime").asText());
                out.put("version", j.path("version").asText());
                out.put("blas", j.path("blas").asText());
                out.put("python", j.path("python").asText());
                out.put("threads", j.path("threads").asInt());
                Map<String, Object> forms = new java.util.LinkedHashMap<>();
                for (java.util.Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = j.path("forms").fields(); it.hasNext(); ) {
                    Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f = it.next();
                    Map<String, Object> form = new java.util.LinkedHashMap<>();
                    if (f.getValue().has("skipped")) {
                        form.put("skipped", f.getValue().get("skipped").asText());
                    } else {
                        double theirs = f.getValue().path("msPerStepMedian").asDouble();
                        form.put("msPerStepMedian", theirs);
                        form.put("ratio", Outputs.number(theirs / ourMedian));
                    }
                    forms.put(f.getKey(), form);
                }
                out.put("forms", forms);
                out.put("script", COMPARE_SCRIPT);
                return out;
            } catch (java.io.IOException e) {
                reason = python + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason = "interrupted";
                break;
            }
        }
        out.put("skipped", compare + " comparison skipped: " + reason);
        return out;
    }

    /** Milliseconds for {@code steps} GD steps from a fresh copy of θ₀. */
    private double timeSteps(Objective objective, double[] theta0) {
        double[] theta = theta0.clone();
        GradientDescent gd = new GradientDescent(BENCH_LR);
        long start = System.nanoTime();
        for (int k = 0; k < steps; k++) {
            gd.step(objective, theta);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Nominal flops of one plain GD step (spec E9.11). */
    @SpecRef("E9.11")
    static double nominalFlops(String benchCase, int d, int m, int r, int l) {
        double gram = 3.0 * m * m * d;
        if (benchCase.equals("factored")) {
            return gram + 4.0 * m * r * d;
        }
        return gram + 2.0 * m * Math.pow(d, l);
    }
}
